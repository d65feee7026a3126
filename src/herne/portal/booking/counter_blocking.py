"""Blocking counters: store the block, cancel the bookings that no longer fit, mail their holders.

A booking and a block racing for the same time both write the ``SlotBookings`` of every
grid step whose places the block takes away, so one of the two transactions conflicts
and is retried: either the booking sees the block, or the block sees the booking.
"""

from datetime import timedelta
from herne.portal.booking.blocks import new_block
from herne.portal.booking.blocks import office_blocks
from herne.portal.booking.bookings import cancel
from herne.portal.booking.cancellation_mail import queue_cancellation_mail
from herne.portal.booking.office import office_settings
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.slots import GRID
from herne.portal.booking.storage import ARRIVED
from herne.portal.booking.storage import DONE
from herne.portal.booking.storage import NO_SHOW
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.storage import slot_bookings


#: Visits that happened (or are happening) are never cancelled.
KEPT = (ARRIVED, DONE, NO_SHOW)


def steps(start, end):
    """The grid keys (Berlin local) of the steps from ``start`` (rounded down to the grid) to ``end``."""
    local = start.astimezone(BERLIN).replace(tzinfo=None, second=0, microsecond=0)
    local -= timedelta(minutes=local.minute % int(GRID.total_seconds() // 60))
    last = end.astimezone(BERLIN).replace(tzinfo=None)
    while local < last:
        yield local.strftime("%Y-%m-%dT%H:%M")
        local += GRID


def cancellable(booking, now):
    return booking["state"] not in KEPT and booking["start"] > now


def cancel_what_no_longer_fits(department, before, after, start, end, now):
    """Cancel, step by step, the latest-made bookings beyond the places the block took away; returns them.

    ``before`` and ``after`` are the office's settings without and with the block. Only
    what the block takes away is cancelled: a step that was over-full already keeps it.
    """
    tree = office_bookings(department, create=True)
    cancelled = []
    last_bookable = now.astimezone(BERLIN).date() + timedelta(weeks=before.horizon_weeks)
    for key in steps(max(start, now), end):
        if key[:10] > last_bookable.isoformat():
            break
        places_before, places_after = before.capacity(key), after.capacity(key)
        if places_after >= places_before:
            continue
        slot = slot_bookings(tree, key, create=True)
        slot._p_changed = True  # a booking of this step racing with the block conflicts with it
        held = len(slot.occupying(now))
        excess = max(0, held - places_after) - max(0, held - places_before)
        if excess <= 0:
            continue
        candidates = sorted(
            (booking for booking in slot.occupying(now) if cancellable(booking, now)),
            key=lambda booking: (booking["created"], booking["code"]),
            reverse=True,
        )
        for booking in candidates[:excess]:
            cancelled.append(cancel(department, booking))
    return cancelled


def place_block(department, start, end, counters, reason, now, by):
    """Block ``counters`` counters (None: all) from ``start`` to ``end``; returns (block, cancelled bookings).

    The holders of cancelled bookings get the German mail with a link to book again.
    """
    before = office_settings(department)
    block = new_block(start, end, counters, reason, now, by)
    blocks = office_blocks(department, create=True)
    blocks.add(block)
    after = office_settings(department)
    cancelled = cancel_what_no_longer_fits(department, before, after, start, end, now)
    for booking in cancelled:
        if booking.get("email"):
            queue_cancellation_mail(department, booking)
    blocks.replace(block["id"], cancelled=len(cancelled))
    return {**block, "cancelled": len(cancelled)}, cancelled


def lift_block(department, block_id):
    """Remove a block; its places are bookable again (cancelled bookings stay cancelled). None when unknown."""
    blocks = office_blocks(department)
    return blocks.remove(block_id) if blocks is not None and isinstance(block_id, str) else None
