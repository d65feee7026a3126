"""Booking a visit for an application: when it needs one, how long, for whom, and the booking it has."""

from herne.portal import _
from herne.portal.applications.office import department_of
from herne.portal.booking.application_index import application_entries
from herne.portal.booking.booking_indexes import filed_booking
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import holds_a_place
from plone import api
from urllib.parse import urlencode


#: The application's state → (service field with the visit length, its default in minutes).
VISIT_STATES = {
    "originals_pending": ("originals_visit_minutes", 10),
    "ready_for_pickup": ("pickup_visit_minutes", 5),
}

NOT_OWNER = _(
    "Für diesen Antrag kann nur die Antragstellerin oder der Antragsteller einen Termin buchen."
)
NO_VISIT = _("Für diesen Antrag ist zurzeit kein Termin nötig.")
ALREADY_BOOKED = _(
    "Für diesen Antrag ist schon ein Termin gebucht: ${date} um ${time} Uhr (Buchungscode "
    "${code}). Sie können ihn in Ihrem Postkorb, auf der Seite des Antrags oder über den Link in "
    "der Bestätigungsmail verschieben oder absagen."
)
WRONG_OFFICE = _("Termine für diesen Antrag gibt es nur bei dem Amt, das ihn bearbeitet.")
WRONG_SERVICE = _("Dieser Antrag gehört zu einer anderen Leistung.")


def _unrestricted(uid):
    if not isinstance(uid, str) or not uid:
        return None
    with api.env.adopt_roles(["Manager"]):
        return api.content.get(UID=uid)


def find_application(uid):
    """The application with ``uid``, whoever asks (ownership is checked by :func:`owner_refusal`)."""
    found = _unrestricted(uid)
    return found if getattr(found, "portal_type", None) == "Application" else None


def service_of(application):
    return _unrestricted(getattr(application, "service_uid", None))


def owner_refusal(application):
    """None when the current user applied for ``application``, else the German refusal."""
    if api.user.is_anonymous():
        return NOT_OWNER
    userid = api.user.get_current().getId()
    if not userid or getattr(application, "applicant", None) != userid:
        return NOT_OWNER
    return None


def visit_minutes(application, state=None):
    """The visit length the application's state (or ``state``) needs, or None when it needs no visit."""
    state = state or api.content.get_state(application, default=None)
    if state not in VISIT_STATES:
        return None
    field, default = VISIT_STATES[state]
    service = service_of(application)
    return getattr(service, field, None) or default


def open_booking(application, now):
    """The application's booking that still holds its time (booked within its hold, or confirmed), or None.

    Read from the per-application index, whose holder the next booking for the application
    writes: two bookings for one application at once conflict, and the retried one sees the first.
    """
    for entry in application_entries(application.UID()):
        if entry["start"] >= now and holds_a_place(entry, now):
            return filed_booking(entry)
    return None


def already_booked(booking):
    """The German refusal of a second visit: the booked time, and where to move or cancel it."""
    start = booking["start"].astimezone(BERLIN)
    return _(
        ALREADY_BOOKED,
        mapping={
            "date": start.strftime("%d.%m.%Y"),
            "time": start.strftime("%H:%M"),
            "code": booking["code"],
        },
    )


def refusal(application, now):
    """(status, German message) when the current user may not book for ``application`` now, else None."""
    message = owner_refusal(application)
    if message is not None:
        return 403, message
    if visit_minutes(application) is None:
        return 400, NO_VISIT
    booked = open_booking(application, now)
    if booked is not None:
        return 400, already_booked(booked)
    return None


def booking_url(application, state=None):
    """The page "Termin buchen" for the application's office and visit, or None."""
    # The state first: most applications need no visit, and then neither the department
    # nor the service has to be looked up (this runs on every application page).
    if visit_minutes(application, state) is None:
        return None
    department = department_of(application)
    service = service_of(application)
    if department is None or service is None:
        return None
    query = urlencode({"office": department.getId(), "application": application.UID()})
    return f"{service.absolute_url()}/@@termin-buchen?{query}"


def account_name():
    """The signed-in citizen's full name, to prefill a booking for their application."""
    user = api.user.get_current()
    return (user.getProperty("fullname", "") or "").strip()


def account_email():
    """The signed-in citizen's e-mail address, to prefill a booking for their application."""
    user = api.user.get_current()
    return (user.getProperty("email", "") or "").strip()


def open_visit_link(application, now):
    """The link "Termin buchen" while a visit is needed and none is booked yet, else None."""
    if open_booking(application, now) is not None:
        return None
    return booking_url(application)
