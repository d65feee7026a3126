"""The per-person limit: open bookings of one service, counted by e-mail address and by account."""

from herne.portal import _
from herne.portal.booking.offices import each_booking
from herne.portal.booking.offices import offices_with_bookings
from herne.portal.booking.settings import booking_setting
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import BOOKED
from herne.portal.booking.storage import CONFIRMED
from plone import api


LIMIT_REACHED = _(
    "Sie haben für diese Leistung bereits einen offenen Termin. "
    "Bitte sagen Sie ihn ab, bevor Sie einen neuen buchen."
)


def limit_per_person():
    """Open bookings a person may hold per service (registry ``herne.portal.booking.limit_per_person``)."""
    return booking_setting("limit_per_person")


def current_account():
    """The logged-in user's id, None for anonymous."""
    if api.user.is_anonymous():
        return None
    return api.user.get_current().getId()


def is_open(booking, now):
    if booking["start"] <= now:
        return False
    return booking["state"] == CONFIRMED or (
        booking["state"] == BOOKED and booking["hold_until"] > now
    )


def open_bookings(service_uid, email, account, now):
    """How many open (gebucht and held, or bestätigt; future) bookings of the service the person holds."""
    address = (email or "").strip().lower()
    low = now.astimezone(BERLIN).strftime("%Y-%m-%d")
    count = 0
    for _department, tree in offices_with_bookings():
        for booking in each_booking(tree, low):
            if booking["service"] != service_uid or not is_open(booking, now):
                continue
            same_address = address and (booking["email"] or "").strip().lower() == address
            same_account = account is not None and booking.get("account") == account
            if same_address or same_account:
                count += 1
    return count


def limit_refusal(service, email, now):
    """The German message when the person holds the allowed number of open bookings, else None."""
    if service is None:
        return None
    if open_bookings(service.UID(), email, current_account(), now) >= limit_per_person():
        return LIMIT_REACHED
    return None
