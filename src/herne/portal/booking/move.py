"""Moving a booking to another time: the new booking and the cancelled old one in one transaction."""

from herne.portal import _
from herne.portal.booking.bookings import SlotFull
from herne.portal.booking.bookings import book
from herne.portal.booking.bookings import cancel
from herne.portal.booking.bookings import change
from herne.portal.booking.confirmation_mail import queue_confirmation_mail
from herne.portal.booking.office import office_settings
from herne.portal.booking.offices import unrestricted_object
from herne.portal.booking.slots import compute_slots
from herne.portal.booking.slots import refusal
from herne.portal.booking.storage import BOOKED
from herne.portal.booking.storage import CONFIRMED
from herne.portal.booking.storage import taken_counter
import transaction


NOT_MOVABLE = _(
    "Dieser Termin kann nicht mehr verschoben werden. Bitte buchen Sie einen neuen Termin."
)
SAME_TIME = _("Ihr Termin ist schon zu dieser Zeit. Bitte wählen Sie eine andere Uhrzeit.")

#: What the new booking takes over from the one it replaces, besides service and visit length.
KEPT = ("name", "email", "application", "account", "by_staff", "language")


def movable(booking, now):
    """A booking that is still ahead and holds its place (bestätigt, or gebucht within its hold)."""
    if booking["start"] <= now:
        return False
    return booking["state"] == CONFIRMED or (
        booking["state"] == BOOKED and booking["hold_until"] > now
    )


def move_slots(department, booking, first, last, now):
    """The free times ``booking`` can move to from ``first`` to ``last``: its own places count
    as free (as :func:`move` counts them), its own time is left out."""
    taken = taken_counter(department, first, last, now)
    own = set(booking["keys"])
    slots = compute_slots(
        office_settings(department),
        booking["minutes"],
        first,
        last,
        now,
        lambda key: taken(key) - (key in own),
    )
    return [slot for slot in slots if slot.free > 0 and slot.start != booking["start"]]


def move_refusal(department, booking, start, now):
    """Why ``booking`` cannot move to ``start`` (the German message for the field "start"), or None.

    The same time checks as a new booking of its visit length; no per-person limit, since a
    move does not add a booking.
    """
    if not movable(booking, now):
        return NOT_MOVABLE
    if start is not None and start == booking["start"]:
        return SAME_TIME
    return refusal(office_settings(department), booking["minutes"], start, now)


def move(department, booking, start, capacity, now):
    """Book ``start`` for ``booking``'s visit and cancel ``booking``; returns (new booking, cancel token, confirm token).

    Raises ``SlotFull`` with nothing changed: the old booking stays. The old booking's places
    count as free for its own move (a move by a few minutes overlaps it). The confirm token
    is None when the old booking was confirmed: the new one is confirmed too. An unconfirmed
    booking keeps its hold, so moving it again and again holds no place longer.
    """
    savepoint = transaction.savepoint()
    cancel(department, booking)
    try:
        new, token, confirm_token = book(
            department,
            booking["service"],
            start,
            booking["minutes"],
            capacity,
            now,
            booking["name"],
            booking["email"],
            booking.get("application"),
            booking.get("account"),
        )
    except SlotFull:
        savepoint.rollback()
        raise
    changes = {name: booking[name] for name in KEPT if name in booking}
    changes["moved_from"] = booking["code"]
    if booking["state"] == CONFIRMED:
        changes.update(state=CONFIRMED, confirm_hash="")
        confirm_token = None
    else:
        changes["hold_until"] = booking["hold_until"]
    change(department, booking, moved_to=new["code"], moved_to_start=new["start"])
    return change(department, new, **changes), token, confirm_token


def move_booking(department, booking, start, now):
    """Move ``booking`` to ``start`` and mail the new time, code, links and ``.ics``; returns (booking, cancel token).

    Raises ``SlotFull`` (nothing changed, nothing mailed). The new booking keeps the link
    to its application; the old links stop working.
    """
    new, token, confirm_token = move(
        department, booking, start, office_settings(department).capacity, now
    )
    if new["email"]:  # a caller booked at the counter may have given none
        service = unrestricted_object(new["service"])
        application = unrestricted_object(new["application"]) if new.get("application") else None
        queue_confirmation_mail(
            department, service, new, token, confirm_token, now, application, moved_from=booking
        )
    return new, token
