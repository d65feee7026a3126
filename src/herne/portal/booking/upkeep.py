"""The booking job's upkeep: unconfirmed bookings past their hold expire, old bookings are deleted."""

from datetime import timedelta
from herne.portal.booking.blocks import remove_ended_before
from herne.portal.booking.booking_indexes import unfile_booking
from herne.portal.booking.bookings import change
from herne.portal.booking.offices import each_booking
from herne.portal.booking.offices import offices_with_bookings
from herne.portal.booking.settings import booking_setting
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import BOOKED
from herne.portal.booking.storage import EXPIRED


def retention_days():
    """Days a booking is kept after its date (registry ``herne.portal.booking.retention_days``)."""
    return booking_setting("retention_days")


def expire_bookings(now):
    """Mark unconfirmed bookings whose hold is over "abgelaufen"; returns how many."""
    expired = 0
    for department, tree in offices_with_bookings():
        for booking in list(each_booking(tree)):
            if booking["state"] == BOOKED and booking["hold_until"] <= now:
                change(department, booking, state=EXPIRED, token_hash="", confirm_hash="")
                expired += 1
    return expired


def delete_old_bookings(now, days=None):
    """Delete every booking whose day is more than ``days`` (retention) days past, in the indexes
    too; returns how many.

    Counter blocks that ended as long ago go too: their reasons may name a person's illness.
    """
    days = retention_days() if days is None else days
    cutoff_day = now.astimezone(BERLIN).date() - timedelta(days=days)
    cutoff = cutoff_day.strftime("%Y-%m-%d")
    deleted = 0
    for department, tree in offices_with_bookings():
        remove_ended_before(department, cutoff_day)
        old = list(tree.keys(max=cutoff, excludemax=True))
        bookings = {}
        for key in old:
            bookings.update((booking["code"], booking) for booking in tree[key].bookings)
            del tree[key]
        for booking in bookings.values():
            unfile_booking(booking)
        deleted += len(bookings)
    return deleted
