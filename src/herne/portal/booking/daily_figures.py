"""Daily booking figures per office, written by the booking job and kept after the bookings are deleted.

A row per day and office: the wait until the next free slot, measured by the day's first
run of the job, and the counts of that day's bookings, taken by the first run after the
day is over and taken again by each later run while the bookings are stored (a no-show
marked the next morning is counted), so the last count before retention deletes them
stays. Counts only, no name or address, so the rows stay for the trend however long
bookings are kept.
"""

from datetime import date
from datetime import timedelta
from herne.portal.booking.figures import booking_offices
from herne.portal.booking.figures import bookings_by_day
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


def _past_days(department, store, uid, day):
    """Days before ``day`` (ISO) with stored bookings, and those with a measured wait but no counts."""
    tree = office_bookings(department)
    days = {key[:10] for key in tree.keys(max=day.isoformat(), excludemax=True)} if tree else set()
    days.update(
        past
        for (past, office), row in store.items(max=(day.isoformat(), ""))
        if office == uid and not row.get("counted")
    )
    return sorted(days)


def _count_past_days(department, store, day, now):
    """Count the past days' bookings; returns how many rows changed."""
    uid = department.UID()
    days = _past_days(department, store, uid, day)
    if not days:
        return 0
    by_day = bookings_by_day(department, date.fromisoformat(days[0]), day - timedelta(days=1))
    changed = 0
    for past in days:
        counts = day_counts(by_day.get(date.fromisoformat(past), []), now)
        row = store.get((past, uid), {})
        if row.get("counted") and all(row.get(name) == value for name, value in counts.items()):
            continue
        store[(past, uid)] = {**row, "office": department.title, "counted": True, **counts}
        changed += 1
    return changed


def record_daily_figures(now):
    """Today's wait per office (once a day) and the counts of every past day still stored.

    A second run on the same day writes nothing unless a booking of a past day changed
    in between. Returns how many rows were written.
    """
    store = _store(create=True)
    day = today(now)
    written = 0
    for department, service_minutes in booking_offices():
        written += _count_past_days(department, store, day, now)
        key = (day.isoformat(), department.UID())
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
