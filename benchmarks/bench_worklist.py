"""The clerk's worklist ("Arbeitskorb") with 100,000 applications: first page p50/p95 vs. @search.

Run (not part of `make test`):

    .venv/bin/pytest benchmarks/bench_worklist.py -s -p no:cacheprovider

`HERNE_BENCH_APPLICATIONS` (default 100000) sets how many applications the catalog
holds, `HERNE_BENCH_REAL` (default 340) how many of them are real Dexterity objects,
`HERNE_BENCH_REQUESTS` (default 50) how many timed requests each side gets,
`HERNE_BENCH_CACHE_SIZE` (default 30000) the ZODB connection cache in objects.

The catalog is filled by ``_catalog_fill.fill`` (shared with bench_postkorb.py, see
there): real applications, made with ``create_application`` and taken through the
workflow with ``perform`` (the clerks' own code path), 20 per department, two in
each state where the department's services allow it, alternately of the demo
citizens ``buerger`` and ``buergerin``; the rest as catalog entries of lightweight
stand-ins copied from a real application of the same department. The worklist and
@search only read the catalog, so the catalog is what must be realistic.

Both measurements go through the whole Zope publisher (in-process WSGI) as the
demo clerk of Bürgerdienste Herne-Mitte (Basic auth): the worklist page
``@@arbeitskorb`` and ``++api++/@search`` with the same query (type, the
clerk's area with depth 1, open states, oldest submission first, 30 per page,
the columns the worklist shows as metadata_fields). Results go to stdout;
record them in docs/benchmarks.md.
"""

from _catalog_fill import BIG_DEPARTMENT as CLERK_DEPARTMENT
from _catalog_fill import assert_entries_alike
from _catalog_fill import fill
from _catalog_fill import mail_sink
from _catalog_fill import measure
from _catalog_fill import report
from herne.portal.applications.areas import application_root
from herne.portal.applications.processing import OPEN_STATES
from herne.portal.applications.worklist import WorklistFilter
from herne.portal.applications.worklist import clerk_areas
from herne.portal.browser.worklist import BATCH_SIZE
import json
import os
from plone import api
from plone.testing.zope import Browser
import random
import re
from urllib.parse import urlencode


APPLICATIONS = int(os.environ.get("HERNE_BENCH_APPLICATIONS", "100000"))
REAL = int(os.environ.get("HERNE_BENCH_REAL", "340"))
REQUESTS = int(os.environ.get("HERNE_BENCH_REQUESTS", "50"))
#: Objects per ZODB connection cache. The test layer's database keeps ZODB's default of
#: 400, so the worklist page alone would reload some 360 objects per request; production
#: instances configure tens of thousands (zodb-cache-size / db_cache_size).
CACHE_SIZE = int(os.environ.get("HERNE_BENCH_CACHE_SIZE", "30000"))

CLERK = ("sachbearbeitung", "demo-sachbearbeitung-2026")

REFERENCE = re.compile(r'<a href="[^"]+">(HER-\d{4}-\d{6})</a>')
COUNT = re.compile(r"(\d+) Anträge")


def real_slot(i, departments, states):
    """Two real applications in every state of every department, the rest as the stand-ins."""
    return departments[i % len(departments)], states[(i // len(departments)) % len(states)]


def applicant_of(i):
    return "buerger" if i % 2 else "buergerin"


def test_worklist_first_page(demo_functional):
    portal = demo_functional["portal"]
    portal._p_jar.db().setCacheSize(CACHE_SIZE)
    with mail_sink():  # status mails of the real applications' steps
        real_seconds, stub_seconds, _ = fill(
            portal, random.Random(2026), APPLICATIONS, REAL, real_slot, applicant_of
        )

    catalog = api.portal.get_tool("portal_catalog")
    total_apps = len(catalog.unrestrictedSearchResults(portal_type="Application"))
    assert total_apps == APPLICATIONS, total_apps
    assert_entries_alike(catalog, ("buerger", "buergerin"), CLERK_DEPARTMENT)

    area = "/".join(application_root()[CLERK_DEPARTMENT].getPhysicalPath())
    worklist_url = f"{portal.absolute_url()}/@@arbeitskorb"
    params = [
        ("portal_type", "Application"),
        ("path.query", area),
        ("path.depth", "1"),
        *[("review_state", state) for state in OPEN_STATES],
        ("sort_on", "submitted"),
        ("sort_order", "ascending"),
        ("b_size", str(BATCH_SIZE)),
        *[
            ("metadata_fields", name)
            for name in ("reference_number", "service_title", "applicant_name", "submitted")
        ],
    ]
    search_url = f"{portal.absolute_url()}/++api++/@search?{urlencode(params)}"

    page = Browser(demo_functional["app"])
    page.handleErrors = False
    page.addHeader("Authorization", f"Basic {CLERK[0]}:{CLERK[1]}")
    rest = Browser(demo_functional["app"])
    rest.handleErrors = False
    rest.addHeader("Authorization", f"Basic {CLERK[0]}:{CLERK[1]}")
    rest.addHeader("Accept", "application/json")

    def worklist():
        page.open(worklist_url)
        return page.contents

    def search():
        rest.open(search_url)
        return rest.contents

    contents = worklist()
    worklist_total = int(COUNT.search(contents).group(1))
    worklist_refs = REFERENCE.findall(contents)
    result = json.loads(search())
    search_total = result["items_total"]
    search_refs = [item["reference_number"] for item in result["items"]]
    print(f"worklist: {worklist_total} applications, first page {len(worklist_refs)} rows")
    print(f"@search:  {search_total} applications, first page {len(search_refs)} items")
    assert worklist_total == search_total > BATCH_SIZE
    assert worklist_refs == search_refs and len(worklist_refs) == BATCH_SIZE
    real_on_page = len(
        catalog.unrestrictedSearchResults(
            reference_number=worklist_refs, applicant=["buerger", "buergerin"]
        )
    )
    print(f"real objects on the first page: {real_on_page} of {BATCH_SIZE}")

    # Context for the ratio, measured in the same loop so that both see the same noise:
    # the same page for a citizen (same view and main template, no catalog query), and
    # the catalog query alone, in-process, as the worklist runs it (every match sorted)
    # and as @search runs it (b_size passed on, the catalog sorts only the first page).
    citizen = Browser(demo_functional["app"])
    citizen.handleErrors = False
    citizen.addHeader("Authorization", "Basic buerger:demo-buerger-2026")

    def empty_page():
        citizen.open(worklist_url)
        return citizen.contents

    def catalog_query(limit):
        with api.env.adopt_user(username=CLERK[0]):
            query = WorklistFilter({}).query(clerk_areas())
            if limit:
                query.update(b_start=0, b_size=BATCH_SIZE)
            results = catalog.searchResults(**query)
            # With b_size the lazy result holds only the page; the count is kept aside.
            total = results.actual_result_count
            return total, [brain.reference_number for brain in results[:BATCH_SIZE]]

    assert "Sie gehören zu keiner Sachbearbeitung." in empty_page()
    assert catalog_query(False) == catalog_query(True) == (worklist_total, worklist_refs)

    measurements = {
        "herne.portal @@arbeitskorb": worklist,
        "plone.restapi @search": search,
        "@@arbeitskorb as citizen": empty_page,
        "catalog query, all sorted": lambda: catalog_query(False),
        "catalog query, b_size=30": lambda: catalog_query(True),
    }
    timings, collections = measure(measurements, REQUESTS)

    print(f"fill: real {real_seconds:.0f} s, stand-ins {stub_seconds:.0f} s")
    results = report(timings, collections)
    ours = results["herne.portal @@arbeitskorb"]
    theirs = results["plone.restapi @search"]
    print(
        f"ratio (worklist / @search): p50 {ours[0] / theirs[0]:.2f}, p95 {ours[1] / theirs[1]:.2f}"
    )
