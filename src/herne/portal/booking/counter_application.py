"""The application a clerk names by its reference number when booking a caller's visit for it."""

from herne.portal import _
from herne.portal.booking.application_visit import open_booking
from herne.portal.booking.application_visit import service_of
from herne.portal.booking.application_visit import visit_minutes
from herne.portal.booking.slots import BERLIN
from plone import api


#: One answer for an unknown number and another department's application: nothing to learn from it.
UNKNOWN = _(
    "Einen Antrag mit diesem Aktenzeichen gibt es bei diesem Amt nicht. Bitte prüfen Sie die "
    "Eingabe."
)
NO_VISIT = _(
    "Dieser Antrag wartet nicht auf einen Besuch (Originale vorlegen oder Abholung); "
    "ein Termin dafür ist zurzeit nicht nötig."
)

ALREADY_BOOKED = _(
    "Für diesen Antrag ist schon ein Termin gebucht: ${date} um ${time} Uhr, Code ${code}. "
    "Bitte sagen Sie ihn zuerst in der Tagesliste ab oder verschieben Sie ihn."
)


class Visit:
    """An application of this office that needs a visit: the application, its service and visit length."""

    def __init__(self, application, service, minutes):
        self.application = application
        self.service = service
        self.minutes = minutes


def find_by_reference(department, reference):
    """The application with ``reference`` handled by ``department``, else None (whoever asks)."""
    reference = reference.strip() if isinstance(reference, str) else ""
    if not reference:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Application", reference_number=reference
    ):
        application = brain._unrestrictedGetObject()
        if getattr(application, "department_uid", None) == department.UID():
            return application
    return None


def visit_for(department, reference, now):
    """The ``Visit`` the clerk may book for ``reference``; raises ``ValueError`` with the German message.

    The application must be handled by this office's department, wait for a visit
    (Originale vorlegen, Zur Abholung bereit) and hold no open booking yet.
    """
    application = find_by_reference(department, reference)
    if application is None:
        raise ValueError(UNKNOWN)
    with api.env.adopt_roles(["Manager"]):  # the office's clerk may not be the one assigned
        minutes = visit_minutes(application)
        service = service_of(application)
    if minutes is None or service is None:
        raise ValueError(NO_VISIT)
    booked = open_booking(application, now)
    if booked is not None:
        start = booked["start"].astimezone(BERLIN)
        raise ValueError(
            _(
                ALREADY_BOOKED,
                mapping={
                    "date": start.strftime("%d.%m.%Y"),
                    "time": start.strftime("%H:%M"),
                    "code": booked["code"],
                },
            )
        )
    return Visit(application, service, minutes)
