"""Application statistics from the catalog alone: submissions per week, backlog, processing time, originals."""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import difference
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from DateTime import DateTime
from datetime import datetime
from datetime import time
from datetime import timedelta
from herne.portal.applications.processing import processing_states_titles
from herne.portal.languages import german_only
from herne.portal.workflow.application_table import DECIDED_STATES
from herne.portal.workflow.application_table import OPEN_STATES
import math
from plone import api
from Products.CMFCore.indexing import processQueue
import statistics
from zoneinfo import ZoneInfo


#: Weeks begin on Monday in Herne, whatever zone the server runs in.
TIMEZONE = "Europe/Berlin"

#: Where an application's service is unknown.
NO_SERVICE = "—"


def _catalog():
    # The indexes are read directly below: first index what this request has queued.
    processQueue()
    return api.portal.get_tool("portal_catalog")


def today_in_herne():
    return datetime.now(ZoneInfo(TIMEZONE)).date()


def _week_start(day):
    return day - timedelta(days=day.weekday())


def _midnight(day):
    """The start of ``day`` in Herne, as the catalog's date index compares it."""
    return DateTime(datetime.combine(day, time(0), tzinfo=ZoneInfo(TIMEZONE)))


# The statistics count record ids with the catalog's own indexes and set operations
# instead of making a brain (and reading its metadata) per application: with
# 100,000 applications that is the difference between milliseconds and seconds.


def _rids(catalog, index, query):
    """The record ids one catalog index finds for ``query``; never a brain."""
    result = catalog._catalog.getIndex(index)._apply_index({index: query})
    return result[0] if result else IISet()


def _applications(catalog, states):
    """Record ids of applications in any of ``states``."""
    return intersection(
        _rids(catalog, "portal_type", "Application"), _rids(catalog, "review_state", list(states))
    )


def _submitted_since(catalog, day):
    return _rids(catalog, "submitted", {"query": _midnight(day), "range": "min"})


def _per_service(catalog, rids):
    """``{service uid: [record ids]}`` of ``rids``, from the ``service_uid`` index (None: no service)."""
    index = catalog._catalog.getIndex("service_uid")
    per_uid = {}
    for rid in rids:
        per_uid.setdefault(index.getEntryForObject(rid, None) or None, []).append(rid)
    return per_uid


def _service_titles(catalog, per_uid):
    """The current title of each service; the title its applications keep for a deleted one."""
    uids = [uid for uid in per_uid if uid]
    titles = (
        {
            brain.UID: brain.Title
            for brain in catalog.unrestrictedSearchResults(portal_type="Service", UID=uids)
        }
        if uids
        else {}
    )
    records = catalog._catalog.data
    column = catalog._catalog.schema["service_title"]
    for uid, rids in per_uid.items():
        if not titles.get(uid):
            record = records.get(rids[0])
            stored = record[column] if record is not None else None
            titles[uid] = stored if isinstance(stored, str) and stored else NO_SERVICE
    return titles


def weekly_submissions(weeks=12, today=None):
    """Submissions per ISO week (Monday first) and service, over the last ``weeks`` weeks."""
    catalog = _catalog()
    today = today or today_in_herne()
    starts = [_week_start(today) - timedelta(weeks=n) for n in reversed(range(weeks))]
    # Submitted since each Monday, and since the Monday after this week (the future).
    since = [_submitted_since(catalog, start) for start in [*starts, starts[-1] + timedelta(7)]]
    submitted = _applications(catalog, [state for state, _title in processing_states_titles()])
    per_week = [intersection(difference(since[i], since[i + 1]), submitted) for i in range(weeks)]
    per_uid = _per_service(catalog, multiunion(per_week))
    titles = _service_titles(catalog, per_uid)
    per_service = {}
    for uid, rids in per_uid.items():
        mine = IISet(rids)
        counts = per_service.setdefault(titles[uid], [0] * weeks)
        for i, week in enumerate(per_week):
            counts[i] += len(intersection(week, mine))
    return {
        "weeks": [f"{start.isocalendar()[0]}-W{start.isocalendar()[1]:02d}" for start in starts],
        "week_starts": [start.isoformat() for start in starts],
        "services": dict(sorted(per_service.items())),
        "totals": [len(week) for week in per_week],
    }


def backlog():
    """Open applications per department and state, counted by the catalog."""
    catalog = _catalog()
    applications = _rids(catalog, "portal_type", "Application")
    per_state = {
        state: intersection(applications, _rids(catalog, "review_state", state))
        for state in OPEN_STATES
    }
    rows = []
    for department in catalog.unrestrictedSearchResults(
        portal_type="Department", sort_on="sortable_title", **german_only()
    ):
        mine = _rids(catalog, "department_uid", department.UID)
        counts = {state: len(intersection(mine, rids)) for state, rids in per_state.items()}
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
    catalog = _catalog()
    per_uid = _per_service(catalog, _applications(catalog, DECIDED_STATES))
    titles = _service_titles(catalog, per_uid)
    # processing_days is a metadata column only: read from the catalog's records
    # directly, which spares making a brain per decided application.
    records = catalog._catalog.data
    column = catalog._catalog.schema["processing_days"]
    per_service = {}
    for uid, rids in per_uid.items():
        days = [records[rid][column] for rid in rids]
        days = [value for value in days if isinstance(value, (int, float))]
        if days:
            per_service.setdefault(titles[uid], []).extend(days)
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


def assisted_share():
    """Per service: submitted applications and how many of them were entered for someone (issue 18).

    Entered by a Digitallotse or at the counter: the ``entered_by`` index holds who did.
    """
    catalog = _catalog()
    submitted = _applications(catalog, [state for state, _title in processing_states_titles()])
    entered = intersection(submitted, _rids(catalog, "entered_by", {"query": "", "range": "min"}))
    per_uid = _per_service(catalog, submitted)
    titles = _service_titles(catalog, per_uid)
    per_service = {}
    for uid, rids in per_uid.items():
        counts = per_service.setdefault(titles[uid], [0, 0])
        counts[0] += len(rids)
        counts[1] += len(intersection(IISet(rids), entered))

    def share(total, assisted):
        return round(100.0 * assisted / total, 1) if total else 0.0

    return {
        "services": {
            title: {"total": total, "assisted": assisted, "share": share(total, assisted)}
            for title, (total, assisted) in sorted(per_service.items())
        },
        "total": len(submitted),
        "assisted": len(entered),
        "share": share(len(submitted), len(entered)),
    }
