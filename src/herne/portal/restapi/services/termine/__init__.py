"""REST ``@termine``: free slots, booking, and the confirm and cancel links of a booking."""

from datetime import date
from datetime import datetime
from herne.portal import _
from herne.portal.applications.office import department_of
from herne.portal.booking.application_visit import WRONG_OFFICE
from herne.portal.booking.application_visit import WRONG_SERVICE
from herne.portal.booking.application_visit import find_application
from herne.portal.booking.application_visit import refusal as visit_refusal
from herne.portal.booking.application_visit import service_of
from herne.portal.booking.application_visit import visit_minutes
from herne.portal.booking.office import office_settings
from herne.portal.booking.slots import BERLIN
from herne.portal.languages import german_only
from herne.portal.restapi.services.base import JSONService
from plone import api
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


#: The last step of a booking's address that moves it (POST) or lists where it can move (GET).
MOVE = "verschieben"


def find_office(office_id):
    if not isinstance(office_id, str) or not office_id:
        return None
    brains = api.content.find(portal_type="Department", id=office_id, **german_only())
    return brains[0].getObject() if brains else None


def find_service(uid):
    if not isinstance(uid, str) or not uid:
        return None
    brains = api.content.find(portal_type="Service", UID=uid)
    return brains[0].getObject() if brains else None


def parse_date(value):
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def parse_start(value):
    """An ISO 8601 time; one without an offset is read as Berlin time."""
    try:
        start = datetime.fromisoformat(value)
        start = start if start.tzinfo else start.replace(tzinfo=BERLIN)
        start.astimezone(BERLIN)  # the first and last days of the calendar cannot be moved
    except (TypeError, ValueError, OverflowError):
        return None
    return start


def office_and_service(office_id, service_uid):
    """(office, service, settings, minutes, errors) for the office and service of a request."""
    errors = {}
    office = find_office(office_id)
    service = find_service(service_uid)
    if office is None:
        errors["office"] = _("Dieses Amt gibt es nicht.")
    if service is None:
        errors["service"] = _("Diese Leistung gibt es nicht.")
    elif not getattr(service, "visit_minutes", None):
        errors["service"] = _("Für diese Leistung gibt es keine Termine.")
    elif office is not None and office.UID() not in (
        getattr(service, "booking_offices", None) or ()
    ):
        errors["office"] = _("Dieses Amt bietet für diese Leistung keine Termine an.")
    if errors:
        return None, None, None, None, errors
    return office, service, office_settings(office), service.visit_minutes, {}


@implementer(IPublishTraverse)
class TermineService(JSONService):
    """Takes ``<office>/<grid key>/<code>[/<action>]`` after the service name."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        self.params.append(name)
        return self

    def token(self):
        """The token of a link; anything but one text (e.g. given twice) is no token."""
        token = self.request.form.get("token")
        return token if isinstance(token, str) else None

    def booking_path(self):
        """(office id, grid key, code, action) from the path, or None."""
        if len(self.params) == 3:
            return (*self.params, None)
        if len(self.params) == 4:
            return tuple(self.params)
        return None

    def booking_url(self, office, booking):
        return "/".join(
            (
                api.portal.get().absolute_url(),
                "@termine",
                office.getId(),
                booking["keys"][0],
                booking["code"],
            )
        )

    def application_visit(self, data, now):
        """(office, service, settings, minutes, application, errors) of a visit for an application.

        Only its applicant books for it: anyone else gets 403 and nothing is stored. The
        office is the application's own, the visit length the one its state needs.
        """
        application = find_application(data.get("application"))
        if application is None:
            return self.error(400, {"application": _("Diesen Antrag gibt es nicht.")})
        refused = visit_refusal(application, now)
        if refused is not None:
            status, message = refused
            if status == 403:
                return self.error(403, message=message)
            return self.error(status, {"application": message})
        office = department_of(application)
        service = service_of(application)
        errors = {}
        if office is None or data.get("office") != office.getId():
            errors["office"] = WRONG_OFFICE
        if service is None or data.get("service") != service.UID():
            errors["service"] = WRONG_SERVICE
        if errors:
            return None, None, None, None, application, errors
        return office, service, office_settings(office), visit_minutes(application), application, {}
