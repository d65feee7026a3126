"""Bookings kept on the office, one persistent object per grid step, so that only bookings of one time conflict.

Two transactions booking the same time both write the same ``SlotBookings`` and the
second one fails with a ConflictError; the publisher retries it, and the retry sees the
first booking in its capacity check. Different times write different objects (and
insert different keys into the BTree, which BTrees resolve), so they do not conflict.
There is deliberately no ``_p_resolveConflict``: a merged conflict could overbook.
"""

from BTrees.OOBTree import OOBTree
from collections import Counter
from datetime import UTC
from datetime import datetime
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "herne.portal.booking"

BOOKED = "gebucht"
CONFIRMED = "bestaetigt"
CANCELLED = "storniert"
ARRIVED = "erschienen"
DONE = "erledigt"
NO_SHOW = "nicht erschienen"

#: States that keep their place taken (a booked one only while it is held).
TAKING_A_PLACE = (CONFIRMED, ARRIVED, DONE, NO_SHOW)
EXPIRED = "abgelaufen"


def holds_a_place(booking, now):
    """True when the booking keeps its place at ``now``: confirmed or later, or booked and still held."""
    return booking["state"] in TAKING_A_PLACE or (
        booking["state"] == BOOKED and booking["hold_until"] > now
    )


class SlotBookings(Persistent):
    """The bookings that occupy one grid step of one office."""

    def __init__(self):
        self.bookings = ()  # immutable tuples of dicts: every change rewrites this object

    def occupying(self, now):
        """The bookings that hold a place at ``now``: confirmed, or booked and still held."""
        return [booking for booking in self.bookings if holds_a_place(booking, now)]

    def add(self, booking):
        self.bookings = (*self.bookings, booking)

    def replace(self, code, **changes):
        """Change the booking ``code`` here only: go through ``bookings.change``, which changes it
        on every grid step it occupies and keeps the booking indexes current."""
        self.bookings = tuple(
            {**booking, **changes} if booking["code"] == code else booking
            for booking in self.bookings
        )


def office_bookings(department, create=False):
    """The office's BTree grid key → ``SlotBookings`` (None before the first booking unless ``create``)."""
    annotations = IAnnotations(department)
    tree = annotations.get(ANNOTATION_KEY)
    if tree is None and create:
        tree = annotations[ANNOTATION_KEY] = OOBTree()
    return tree


def slot_bookings(tree, key, create=False):
    slot = tree.get(key) if tree is not None else None
    if slot is None and create:
        slot = tree[key] = SlotBookings()
    return slot


def taken_counter(department, first, last, now):
    """``taken(key)``: how many places of a grid key are held, read once for the date range."""
    tree = office_bookings(department)
    counts = Counter()  # 0 for a key without bookings
    if tree is not None:
        low = first.strftime("%Y-%m-%d")
        high = last.strftime("%Y-%m-%d") + "U"  # after every "YYYY-MM-DDTHH:MM" of that day
        for key, slot in tree.items(low, high):
            counts[key] = len(slot.occupying(now))
    return counts.__getitem__


def utcnow():
    """Now, in UTC: what bookings store and compare."""
    return datetime.now(UTC)
