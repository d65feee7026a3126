"""Application statistics from the catalog alone: submissions per week, backlog, processing time, originals."""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import timedelta
from herne.portal.applications.processing import OPEN_STATES
from herne.portal.applications.processing import processing_states_titles
import math
from plone import api
import statistics


#: Decisions the city made; a withdrawal says nothing about the city's processing time.
DECIDED_STATES = ("sent", "picked_up", "rejected")


def _catalog():
    return api.portal.get_tool("portal_catalog")


def _week_start(day):
    return day - timedelta(days=day.weekday())


#: Weeks begin on Monday in Herne, whatever zone the server runs in.
TIMEZONE = "Europe/Berlin"


def _as_date(value):
    if isinstance(value, DateTime):
        return value.toZone(TIMEZONE).asdatetime().date()
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def weekly_submissions(weeks=12, today=None):
    """Submissions per ISO week (Monday first) and service, over the last ``weeks`` weeks."""
    today = today or date.today()
    starts = [_week_start(today) - timedelta(weeks=n) for n in reversed(range(weeks))]
    since = DateTime(datetime.combine(starts[0], datetime.min.time()))
    per_service = {}
    for brain in _catalog().unrestrictedSearchResults(
        portal_type="Application", submitted={"query": since, "range": "min"}
    ):
        day = _as_date(brain.submitted)
        if day is None or brain.review_state == "draft":
            continue
        index = (_week_start(day) - starts[0]).days // 7
        if 0 <= index < weeks:
            counts = per_service.setdefault(brain.service_title or "—", [0] * weeks)
            counts[index] += 1
    totals = [sum(counts[i] for counts in per_service.values()) for i in range(weeks)]
    return {
        "weeks": [f"{start.isocalendar()[0]}-W{start.isocalendar()[1]:02d}" for start in starts],
        "week_starts": [start.isoformat() for start in starts],
        "services": dict(sorted(per_service.items())),
        "totals": totals,
    }


def backlog():
    """Open applications per department and state, counted by the catalog."""
    catalog = _catalog()
    rows = []
    for department in catalog.unrestrictedSearchResults(
        portal_type="Department", sort_on="sortable_title"
    ):
        counts = {
            state: len(
                catalog.unrestrictedSearchResults(
                    portal_type="Application", department_uid=department.UID, review_state=state
                )
            )
            for state in OPEN_STATES
        }
        if any(counts.values()):
            rows.append(
                {"department": department.Title, "states": counts, "total": sum(counts.values())}
            )
    return rows


def percentile(values, fraction):
    """Nearest-rank percentile of sorted ``values``."""
    if not values:
        return None
    rank = max(1, math.ceil(fraction * len(values)))
    return values[rank - 1]


def processing_times():
    """Median and 90th percentile of the processing time in days, overall and per service."""
    per_service = {}
    for brain in _catalog().unrestrictedSearchResults(
        portal_type="Application", review_state=DECIDED_STATES
    ):
        if brain.processing_days is not None:
            per_service.setdefault(brain.service_title or "—", []).append(brain.processing_days)
    everything = sorted(days for values in per_service.values() for days in values)

    def figures(values):
        values = sorted(values)
        return {
            "count": len(values),
            "median": statistics.median(values) if values else None,
            "p90": percentile(values, 0.9),
        }

    return {
        "overall": figures(everything),
        "services": {title: figures(values) for title, values in sorted(per_service.items())},
    }


def originals_share():
    """How many submitted applications needed originals shown in person."""
    catalog = _catalog()
    states = [state for state, _title in processing_states_titles()]
    query = {"portal_type": "Application", "review_state": states}
    total = len(catalog.unrestrictedSearchResults(**query))
    with_originals = len(catalog.unrestrictedSearchResults(needs_originals=True, **query))
    return {
        "total": total,
        "with_originals": with_originals,
        "share": round(100.0 * with_originals / total, 1) if total else 0.0,
    }
