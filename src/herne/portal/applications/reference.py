"""Reference numbers such as HER-2026-000123, unique under concurrent submissions.

The counter is a plain persistent object *without* conflict resolution: two
transactions that increment it at the same time conflict, and Zope retries the
later one, which then reads the new value. (BTrees.Length or zope.minmax would
merge the two increments and hand out the same number twice.)
"""

from BTrees.OOBTree import OOBTree
import datetime
from persistent import Persistent


PREFIX = "HER"
COUNTERS_ATTRIBUTE = "_herne_reference_counters"


class YearCounter(Persistent):
    """The last number handed out in one year."""

    def __init__(self):
        self.value = 0

    def next(self):
        self.value += 1
        return self.value


def _counters(root):
    counters = getattr(root, COUNTERS_ATTRIBUTE, None)
    if counters is None:
        counters = OOBTree()
        setattr(root, COUNTERS_ATTRIBUTE, counters)
    return counters


def next_reference_number(root, today=None):
    """Hand out the next reference number of the year on the application root."""
    year = (today or datetime.date.today()).year
    counters = _counters(root)
    counter = counters.get(year)
    if counter is None:
        counter = counters[year] = YearCounter()
    return f"{PREFIX}-{year}-{counter.next():06d}"
