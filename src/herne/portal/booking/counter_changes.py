"""A clerk cancels or moves a caller's booking from the day list: the checks, the change and the citizen's mail."""

from herne.portal import _
from herne.portal.booking.bookings import FULL
from herne.portal.booking.bookings import SlotFull
from herne.portal.booking.bookings import cancel
from herne.portal.booking.caller_booking import NOT_OFFERED
from herne.portal.booking.caller_booking import CallerBookingRefused
from herne.portal.booking.cancellation_mail import queue_cancellation_mail
from herne.portal.booking.day_list import STATE_TITLES
from herne.portal.booking.day_list import CounterRefusal
from herne.portal.booking.day_list import find_on_day
from herne.portal.booking.day_list import staff_times
from herne.portal.booking.move import movable
from herne.portal.booking.move import move_booking
from herne.portal.booking.office import office_settings
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import BOOKED
from herne.portal.booking.storage import CONFIRMED
from herne.portal.booking.storage import taken_counter


NOT_CHANGEABLE = _(
    "Der Termin ${code} ist „${state}“ und kann nicht mehr abgesagt oder verschoben werden."
)
ALREADY_BEGUN = _(
    "Der Termin ${code} hat schon begonnen oder ist vorbei und kann nicht mehr abgesagt "
    "oder verschoben werden."
)

SAME_TIME = _("Der Termin ist schon zu dieser Zeit. Bitte wählen Sie eine andere Uhrzeit.")


def changeable(department, day, code, now):
    """The booking ``code`` of ``day`` while it is ahead and holds its place; else ``CallerBookingRefused`` on "code".

    A checked-in, finished, missed or cancelled visit and one that has begun stay as they are.
    """
    try:
        booking = find_on_day(department, day, code, now)
    except CounterRefusal as refusal:
        raise CallerBookingRefused({"code": refusal.message}) from None
    if movable(booking, now):
        return booking
    mapping = {"code": booking["code"], "state": STATE_TITLES.get(booking["state"], "")}
    if booking["state"] not in (BOOKED, CONFIRMED):
        raise CallerBookingRefused({"code": _(NOT_CHANGEABLE, mapping=mapping)})
    raise CallerBookingRefused({"code": _(ALREADY_BEGUN, mapping=mapping)})


def cancel_for_caller(department, day, code, now):
    """Cancel the caller's booking ``code`` of ``day``; the caller is mailed when the booking has an address.

    Returns the cancelled booking; raises ``CallerBookingRefused`` with nothing changed.
    """
    booking = changeable(department, day, code, now)
    cancelled = cancel(department, booking)
    if cancelled["email"]:
        queue_cancellation_mail(department, cancelled, asked=True)
    return cancelled


def move_times(department, booking, day, now):
    """(start, free places) of ``day`` the clerk can move ``booking`` to: the times a clerk may give
    a caller (today too), its own places counted as free, its own time left out."""
    taken = taken_counter(department, day, day, now)
    own = set(booking["keys"])
    times = staff_times(
        office_settings(department),
        booking["minutes"],
        day,
        now,
        lambda key: taken(key) - (key in own),
    )
    return [(start, free) for start, free in times if start != booking["start"]]


def move_for_caller(department, day, code, start, now):
    """Move the caller's booking ``code`` of ``day`` to ``start``; returns (old booking, new booking).

    Goes through :func:`move_booking`: the old booking is cancelled, the new one keeps its
    application, state and name and gets a new code; the caller is mailed the new time and
    links when the booking has an address. Raises ``CallerBookingRefused`` with nothing changed.
    """
    booking = changeable(department, day, code, now)
    if start is not None and start == booking["start"]:
        raise CallerBookingRefused({"start": SAME_TIME})
    offered = start is not None and any(
        start == time
        for time, _free in move_times(department, booking, start.astimezone(BERLIN).date(), now)
    )
    if not offered:
        raise CallerBookingRefused({"start": NOT_OFFERED})
    try:
        new, _token = move_booking(department, booking, start, now)
    except SlotFull:
        raise CallerBookingRefused({"start": FULL}) from None
    return booking, new
