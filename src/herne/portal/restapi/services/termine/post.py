"""POST ``@termine``: book a time; POST ``@termine/<office>/<key>/<code>/stornieren?token=…``: cancel it."""

from herne.portal import _
from herne.portal.applications.office import department_of
from herne.portal.booking.application_visit import WRONG_OFFICE
from herne.portal.booking.application_visit import account_email
from herne.portal.booking.application_visit import account_name
from herne.portal.booking.application_visit import WRONG_SERVICE
from herne.portal.booking.application_visit import find_application
from herne.portal.booking.application_visit import refusal as visit_refusal
from herne.portal.booking.application_visit import service_of
from herne.portal.booking.application_visit import visit_minutes
from herne.portal.booking.bookings import FULL
from herne.portal.booking.bookings import NOT_FOUND
from herne.portal.booking.bookings import SlotFull
from herne.portal.booking.bookings import cancel
from herne.portal.booking.bookings import find
from herne.portal.booking.request import booking_errors
from herne.portal.booking.reservation import reserve
from herne.portal.booking.office import office_settings
from herne.portal.booking.storage import utcnow
from herne.portal.restapi.services.termine import TermineService
from herne.portal.restapi.services.termine import find_office
from herne.portal.restapi.services.termine import office_and_service
from herne.portal.restapi.services.termine import parse_start
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


CANCEL = "stornieren"


class TerminePost(TermineService):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)  # anonymous citizens and API clients
        if self.params:
            return self.reply_cancel()
        data = self.body()
        now = utcnow()
        if data.get("application") is not None:
            found = self.application_visit(data, now)
            if not isinstance(found, tuple):
                return found
            office, service, settings, minutes, application, errors = found
        else:
            office, service, settings, minutes, errors = office_and_service(
                data.get("office"), data.get("service")
            )
            application = None
        start = parse_start(data.get("start"))
        name = data.get("name")
        email = data.get("email")
        if application is not None:  # prefilled from the applicant's account
            name, email = name or account_name(), email or account_email()
        errors.update(booking_errors(settings, minutes, start, name, email, now))
        if errors:
            return self.error(400, errors)
        try:
            booking, token = reserve(
                office,
                service,
                start,
                settings.capacity,
                now,
                name.strip(),
                email.strip(),
                application,
                minutes,
            )
        except SlotFull:
            return self.error(409, message=FULL)
        url = self.booking_url(office, booking)
        self.request.response.setStatus(201)
        return {
            "@id": url,
            "code": booking["code"],
            "state": booking["state"],
            "cancel_url": f"{url}/{CANCEL}?token={token}",
        }

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

    def reply_cancel(self):
        path = self.booking_path()
        if path is None or path[3] != CANCEL:
            return self.error(404, message=NOT_FOUND)
        office_id, key, code, _action = path
        office = find_office(office_id)
        token = self.token()
        booking = find(office, key, code, token) if office is not None else None
        if booking is None:
            return self.error(404, message=NOT_FOUND)
        cancelled = cancel(office, booking)
        return {
            "@id": self.booking_url(office, cancelled),
            "code": code,
            "state": cancelled["state"],
        }
