"""The OZG dashboard with 100,000 applications: page and REST p50/p95, and each statistic alone.

Run (not part of `make test`):

    .venv/bin/pytest benchmarks/bench_dashboard.py -s -p no:cacheprovider

`HERNE_BENCH_APPLICATIONS` (default 100000), `HERNE_BENCH_REAL` (default 340),
`HERNE_BENCH_REQUESTS` (default 20) and `HERNE_BENCH_CACHE_SIZE` (default 30000) as
in bench_worklist.py, whose catalog fill (``_catalog_fill.fill``) this shares. The
dashboard reads only the catalog for its statistics and the 50 published service
pages for the coverage, so catalog entries copied from real applications are what
must be realistic. Measured through the whole Zope publisher (in-process WSGI) as
the demo digitalisation unit; the REST answer carries the same tables as JSON.
The application statistics are kept in a RAM cache (``reporting.cache``) until the
catalog changes or five minutes pass. Three groups are timed: page, REST and a CSV
as answered from the cache; the same (and a second CSV) with the cache emptied
before each request, as the first request after a catalog change gets them, plus
each statistic alone in-process; and two statistics with the test connection's
object cache emptied first. Before timing, the statistics counted with catalog
indexes are checked against the same figures counted brain by brain. Results go
to stdout; record them in docs/benchmarks.md.
"""

from _catalog_fill import fill
from _catalog_fill import mail_sink
from _catalog_fill import measure
from _catalog_fill import report
from DateTime import DateTime
from datetime import datetime
from datetime import time
from datetime import timedelta
from herne.portal.reporting import cache
from herne.portal.reporting.coverage import ozg_coverage
from herne.portal.reporting.statistics import DECIDED_STATES
from herne.portal.reporting.statistics import TIMEZONE
from herne.portal.reporting.statistics import backlog
from herne.portal.reporting.statistics import originals_share
from herne.portal.reporting.statistics import percentile
from herne.portal.reporting.statistics import processing_times
from herne.portal.reporting.statistics import today_in_herne
from herne.portal.reporting.statistics import weekly_submissions
import json
import os
from plone import api
from plone.testing.zope import Browser
import random
import statistics
from zoneinfo import ZoneInfo


APPLICATIONS = int(os.environ.get("HERNE_BENCH_APPLICATIONS", "100000"))
REAL = int(os.environ.get("HERNE_BENCH_REAL", "340"))
REQUESTS = int(os.environ.get("HERNE_BENCH_REQUESTS", "20"))
CACHE_SIZE = int(os.environ.get("HERNE_BENCH_CACHE_SIZE", "30000"))

UNIT = ("digitalisierung", "demo-digitalisierung-2026")


def real_slot(i, departments, states):
    return departments[i % len(departments)], states[(i // len(departments)) % len(states)]


def applicant_of(i):
    return "buerger" if i % 2 else "buergerin"


def weekly_by_brains(catalog, weeks=12):
    """The weekly counts made brain by brain (how the dashboard counted before), to compare."""
    starts = [
        today_in_herne() - timedelta(days=today_in_herne().weekday()) - timedelta(weeks=n)
        for n in reversed(range(weeks))
    ]
    since = DateTime(datetime.combine(starts[0], time(0), tzinfo=ZoneInfo(TIMEZONE)))
    per_service = {}
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Application", submitted={"query": since, "range": "min"}
    ):
        if brain.review_state == "draft":
            continue
        day = brain.submitted.toZone(TIMEZONE).asdatetime().date()
        index = (day - timedelta(days=day.weekday()) - starts[0]).days // 7
        if 0 <= index < weeks:
            per_service.setdefault(brain.service_title or "—", [0] * weeks)[index] += 1
    return dict(sorted(per_service.items()))


def times_by_brains(catalog):
    days = sorted(
        brain.processing_days
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Application", review_state=DECIDED_STATES
        )
        if brain.processing_days is not None
    )
    return {"count": len(days), "median": statistics.median(days), "p90": percentile(days, 0.9)}


def test_dashboard(demo_functional):
    portal = demo_functional["portal"]
    portal._p_jar.db().setCacheSize(CACHE_SIZE)
    with mail_sink():
        real_seconds, stub_seconds, _ = fill(
            portal, random.Random(2026), APPLICATIONS, REAL, real_slot, applicant_of
        )
    catalog = api.portal.get_tool("portal_catalog")
    assert len(catalog.unrestrictedSearchResults(portal_type="Application")) == APPLICATIONS
    assert weekly_submissions()["services"] == weekly_by_brains(catalog)
    assert processing_times()["overall"] == times_by_brains(catalog)

    page = Browser(demo_functional["app"])
    page.handleErrors = False
    page.addHeader("Authorization", "Basic {}:{}".format(*UNIT))
    rest = Browser(demo_functional["app"])
    rest.handleErrors = False
    rest.addHeader("Authorization", "Basic {}:{}".format(*UNIT))
    rest.addHeader("Accept", "application/json")
    dashboard_url = f"{portal.absolute_url()}/@@ozg-dashboard"
    rest_url = f"{portal.absolute_url()}/++api++/@ozg-dashboard"

    def dashboard():
        page.open(dashboard_url)
        return page.contents

    def rest_dashboard():
        rest.open(rest_url)
        return rest.contents

    def csv(name):
        page.open(f"{portal.absolute_url()}/@@ozg-dashboard-csv?tabelle={name}")
        return page.contents

    def emptied(call):
        def measured():
            cache.invalidate()
            return call()

        return measured

    def cold(call):
        def measured():
            # Every object of the test's ZODB connection back to a ghost: the
            # catalog's buckets and records are loaded (unpickled) again.
            portal._p_jar.cacheMinimize()
            return call()

        return measured

    data = json.loads(rest_dashboard())
    decided = next(t for t in data["tables"] if t["name"] == "bearbeitungszeit")["rows"][0]
    backlog_rows = next(t for t in data["tables"] if t["name"] == "rueckstand")["rows"]
    print(f"decided applications: {decided[1]}, median {decided[2]} d, p90 {decided[3]} d")
    print(f"open applications: {sum(row[-1] for row in backlog_rows)}")
    assert "tabelle-bearbeitungszeit" in dashboard()

    # 1. As the unit gets it while the catalog does not change: statistics from the cache.
    cached = {
        "@@ozg-dashboard page": dashboard,
        "REST @ozg-dashboard": rest_dashboard,
        "CSV eingaenge": lambda: csv("eingaenge"),
    }
    # 2. The first request after a catalog change, and each statistic alone (in-process).
    computed = {
        "page, cache emptied first": emptied(dashboard),
        "REST, cache emptied first": emptied(rest_dashboard),
        "CSV eingaenge, cache emptied": emptied(lambda: csv("eingaenge")),
        "CSV bearbeitungszeit, emptied": emptied(lambda: csv("bearbeitungszeit")),
        "coverage (50 services)": ozg_coverage,
        "submissions per week": weekly_submissions,
        "backlog": backlog,
        "processing times": processing_times,
        "originals share": originals_share,
    }
    # 3. The statistics with nothing of the catalog in the connection's object cache.
    cold_start = {
        "submissions per week, cold": cold(weekly_submissions),
        "processing times, cold": cold(processing_times),
    }
    print(f"fill: real {real_seconds:.0f} s, stand-ins {stub_seconds:.0f} s")
    for measurements, requests in ((cached, REQUESTS), (computed, REQUESTS), (cold_start, 5)):
        timings, collections = measure(measurements, requests, warmup=1)
        report(timings, collections, width=32)
