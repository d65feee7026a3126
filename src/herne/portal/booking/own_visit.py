"""The applicant's own visit: moving or cancelling the open booking of their application while signed in, no token."""

from herne.portal import _
from herne.portal.booking.application_index import application_entries
from herne.portal.booking.application_visit import owner_refusal
from herne.portal.booking.booking_indexes import filed_booking
from herne.portal.booking.bookings import cancel
from herne.portal.booking.offices import unrestricted_object
from herne.portal.booking.storage import holds_a_place


NOT_YOURS = _(
    "Den Termin dieses Antrags kann nur die Antragstellerin oder der Antragsteller "
    "verschieben oder absagen."
)
NO_OPEN_VISIT = _(
    "Für diesen Antrag ist kein Termin gebucht, der sich noch verschieben oder absagen lässt."
)


class VisitRefused(Exception):
    """The caller may not change the visit (403), or there is none open (404); nothing changed."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def open_visit(application_uid, now):
    """(office, booking) of the application's booking that is ahead and holds its place, or (None, None).

    The office is the booking's own, also when the application has gone to another
    department since.
    """
    for entry in application_entries(application_uid):
        if entry["start"] > now and holds_a_place(entry, now):
            office = unrestricted_object(entry["office"])
            booking = filed_booking(entry, office) if office is not None else None
            if booking is not None:
                return office, booking
    return None, None


def own_visit(application, now):
    """(office, booking) of the open visit of ``application`` for its signed-in applicant.

    Raises ``VisitRefused``: 403 for anyone but the applicant (before anything about a
    booking is looked at), 404 when no booking is open.
    """
    if owner_refusal(application) is not None:
        raise VisitRefused(403, NOT_YOURS)
    office, booking = open_visit(application.UID(), now)
    if booking is None:
        raise VisitRefused(404, NO_OPEN_VISIT)
    return office, booking


def cancel_own_visit(application, now):
    """Cancel the applicant's open visit; returns the cancelled booking or raises ``VisitRefused``."""
    office, booking = own_visit(application, now)
    return cancel(office, booking)
