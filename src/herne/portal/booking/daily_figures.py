"""Daily booking figures per office, written by the booking job and kept after the bookings are deleted.

A row per day and office: the wait until the next free slot, measured by the day's first
run of the job, and the counts of that day's bookings, taken by the first run after the
day is over (before retention deletes them). Counts only, no name or address, so the
rows stay for the trend however long bookings are kept.
"""

from datetime import date
from herne.portal.booking.figures import booking_offices
from herne.portal.booking.figures import bookings_of_day
from herne.portal.booking.figures import common_visit_minutes
from herne.portal.booking.figures import day_counts
from herne.portal.booking.figures import today
from herne.portal.booking.figures import waiting_time
from herne.portal.booking.storage import office_bookings
from herne.portal.portal_storage import portal_btree


ANNOTATION_KEY = "herne.portal.booking_daily_figures"


def _store(create=False):
    return portal_btree(ANNOTATION_KEY, create=create)


def _wait_figures(department, service_minutes, now):
    wait = waiting_time(department, common_visit_minutes(department, service_minutes), now)
    return {
        "measured": True,
        "minutes": wait.minutes,
        "first_free": wait.slot.start.isoformat() if wait.slot is not None else None,
        "working_days": wait.working_days,
        "calendar_days": wait.calendar_days,
    }


def _days_to_count(department, store, uid, day):
    """Days before ``day`` with stored bookings or a measured wait whose bookings are not counted yet."""
    tree = office_bookings(department)
    days = {key[:10] for key in tree.keys(max=day.isoformat(), excludemax=True)} if tree else set()
    days.update(past for past, office in store.keys(max=(day.isoformat(), "")) if office == uid)
    return sorted(past for past in days if not store.get((past, uid), {}).get("counted"))


def record_daily_figures(now):
    """Today's wait per office (once a day) and the counts of every past day not counted yet.

    A second run on the same day changes nothing. Returns how many rows were written.
    """
    store = _store(create=True)
    day = today(now)
    written = 0
    for department, service_minutes in booking_offices():
        uid = department.UID()
        for past in _days_to_count(department, store, uid, day):
            counts = day_counts(bookings_of_day(department, date.fromisoformat(past)), now)
            row = store.get((past, uid), {})
            store[(past, uid)] = {**row, "office": department.title, "counted": True, **counts}
            written += 1
        key = (day.isoformat(), uid)
        row = store.get(key, {})
        if not row.get("measured"):
            wait = _wait_figures(department, service_minutes, now)
            store[key] = {**row, "office": department.title, **wait}
            written += 1
    return written


def daily_figures(first=None):
    """``[(day, office UID, row), ...]`` oldest first (from the day ``first``, ISO, when given)."""
    store = _store()
    if store is None:
        return []
    low = (first, "") if first else None
    return [(day, uid, dict(row)) for (day, uid), row in store.items(low)]


def counted_day(day, uid):
    """The stored counts of ``day`` (ISO) at the office ``uid``, or None."""
    store = _store()
    row = store.get((day, uid)) if store is not None else None
    return row if row and row.get("counted") else None
