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
Results go to stdout; record them in docs/benchmarks.md.
"""

from _catalog_fill import fill
from _catalog_fill import mail_sink
from _catalog_fill import measure
from _catalog_fill import report
from herne.portal.reporting.coverage import ozg_coverage
from herne.portal.reporting.statistics import backlog
from herne.portal.reporting.statistics import originals_share
from herne.portal.reporting.statistics import processing_times
from herne.portal.reporting.statistics import weekly_submissions
import json
import os
from plone import api
from plone.testing.zope import Browser
import random


APPLICATIONS = int(os.environ.get("HERNE_BENCH_APPLICATIONS", "100000"))
REAL = int(os.environ.get("HERNE_BENCH_REAL", "340"))
REQUESTS = int(os.environ.get("HERNE_BENCH_REQUESTS", "20"))
CACHE_SIZE = int(os.environ.get("HERNE_BENCH_CACHE_SIZE", "30000"))

UNIT = ("digitalisierung", "demo-digitalisierung-2026")


def real_slot(i, departments, states):
    return departments[i % len(departments)], states[(i // len(departments)) % len(states)]


def applicant_of(i):
    return "buerger" if i % 2 else "buergerin"


def test_dashboard(demo_functional):
    portal = demo_functional["portal"]
    portal._p_jar.db().setCacheSize(CACHE_SIZE)
    with mail_sink():
        real_seconds, stub_seconds, _ = fill(
            portal, random.Random(2026), APPLICATIONS, REAL, real_slot, applicant_of
        )
    catalog = api.portal.get_tool("portal_catalog")
    assert len(catalog.unrestrictedSearchResults(portal_type="Application")) == APPLICATIONS

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

    data = json.loads(rest_dashboard())
    decided = next(t for t in data["tables"] if t["name"] == "bearbeitungszeit")["rows"][0]
    backlog_rows = next(t for t in data["tables"] if t["name"] == "rueckstand")["rows"]
    print(f"decided applications: {decided[1]}, median {decided[2]} d, p90 {decided[3]} d")
    print(f"open applications: {sum(row[-1] for row in backlog_rows)}")
    assert "tabelle-bearbeitungszeit" in dashboard()

    measurements = {
        "@@ozg-dashboard page": dashboard,
        "REST @ozg-dashboard": rest_dashboard,
        "coverage (50 services)": ozg_coverage,
        "submissions per week": weekly_submissions,
        "backlog": backlog,
        "processing times": processing_times,
        "originals share": originals_share,
    }
    timings, collections = measure(measurements, REQUESTS, warmup=1)
    print(f"fill: real {real_seconds:.0f} s, stand-ins {stub_seconds:.0f} s")
    report(timings, collections)
