"""Bookable places per grid step: the counters not blocked there, less the walk-in share spread over the day.

The walk-in share is kept free in whole half hours (``WALK_IN_UNIT_MINUTES``), counted
over the day's bookable time: with 1 counter and 20 %, 4 of every 5 half hours can be
booked. Spreading it in 5-minute steps instead would cut every visit longer than a
step that touches one of them: a 15-minute visit would then be bookable in only 2 of
5 quarter hours. Half an hour is a multiple of the usual visit lengths (5, 10, 15,
30 minutes), so those lose nothing beyond the share itself.

The places of one step depend only on that step (its position in the day and the
counters there), so the check at booking and the list of free times always agree.
"""

from datetime import datetime
from datetime import time
from functools import lru_cache


WALK_IN_UNIT_MINUTES = 30


def key_start(key):
    """The local start of a grid key "YYYY-MM-DDTHH:MM" (sliced: this runs for every step shown)."""
    return datetime(int(key[:4]), int(key[5:7]), int(key[8:10]), int(key[11:13]), int(key[14:16]))


@lru_cache(maxsize=1024)
def _weekday(day):
    return datetime(int(day[:4]), int(day[5:7]), int(day[8:10])).weekday()


def weekday_of(key):
    """The weekday (0 = Monday) of a grid key, remembered per day."""
    return _weekday(key[:10])


def spread(counters, walk_in_percent, unit):
    """The places of the ``unit``-th half hour of the day: over the first n half hours they add
    up to ``counters * (100 - walk_in_percent) / 100 * n``, rounded down."""
    if counters <= 0:
        return 0
    share = counters * (100 - walk_in_percent)
    return (unit + 1) * share // 100 - unit * share // 100


def bookable_minutes_before(ranges, moment):
    """Minutes of the day's bookable ``ranges`` (from, to) before ``moment`` (a time); None outside them."""
    before = 0
    inside = False
    for opens, closes in ranges:
        start, end = _minutes(opens), _minutes(closes)
        now = _minutes(moment)
        if now >= end:
            before += end - start
        elif now >= start:
            before += now - start
            inside = True
    return before if inside else None


def _minutes(value: time):
    return value.hour * 60 + value.minute


def walk_in_unit(hours, key):
    """Which half hour of the day's bookable time the grid step ``key`` lies in; None outside them."""
    local = key_start(key)
    before = bookable_minutes_before(hours.get(local.weekday(), ()), local.time())
    return None if before is None else before // WALK_IN_UNIT_MINUTES
