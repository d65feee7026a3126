"""Application statistics kept for a few minutes, or until the catalog changes, with the time they were computed."""

from Acquisition import aq_base
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from herne.portal.reporting import statistics
from plone import api
from plone.memoize import ram
import time
from zoneinfo import ZoneInfo


#: At most this old, unless the catalog changed (then they are computed again at once).
CACHE_SECONDS = 300


@dataclass(frozen=True)
class Figures:
    """A statistic's ``value`` and when it was computed (aware, Europe/Berlin)."""

    value: object
    computed_at: datetime


def _now():
    return time.time()


def _cache_key(fun, *args, **kwargs):
    catalog = api.portal.get_tool("portal_catalog")
    counter = catalog.getCounter()  # also indexes what this request queued
    length = getattr(aq_base(catalog), "_counter", None)
    if length is not None and (length._p_changed or length._p_jar is None):
        # Catalogued in this very transaction, which may still be rolled back and
        # leave the counter where another transaction's different changes take it.
        raise ram.DontCache
    return repr(
        (
            api.portal.get().getPhysicalPath(),
            counter,
            # The counter's last commit: the same count in another test's
            # throw-away database, or after a restore, is not the same catalog.
            getattr(length, "_p_serial", b"").hex(),
            int(_now() // CACHE_SECONDS),
            args,
            sorted(kwargs.items()),
        )
    )


def _cached(fun):
    @wraps(fun)  # plone.memoize keeps each function's entries under its dotted name
    def computed(*args, **kwargs):
        return Figures(fun(*args, **kwargs), datetime.now(ZoneInfo(statistics.TIMEZONE)))

    computed.__module__ = __name__
    return ram.cache(_cache_key)(computed)


weekly_submissions = _cached(statistics.weekly_submissions)
backlog = _cached(statistics.backlog)
processing_times = _cached(statistics.processing_times)
originals_share = _cached(statistics.originals_share)
assisted_share = _cached(statistics.assisted_share)

CACHED = (weekly_submissions, backlog, processing_times, originals_share, assisted_share)


def invalidate():
    """Forget every kept statistic (benchmarks and tests)."""
    for cached in CACHED:
        store = ram.store_in_cache(cached.__wrapped__)
        store.ramcache.invalidate(store.globalkey)
