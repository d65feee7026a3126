"""A citizen with 50 applications among 100,000: Postkorb page and REST list p50/p95 vs. @search.

Run (not part of `make test`):

    .venv/bin/pytest benchmarks/bench_postkorb.py -s -p no:cacheprovider

`HERNE_BENCH_APPLICATIONS` (default 100000) sets how many applications the catalog
holds, `HERNE_BENCH_OWN` (default 50) how many of them belong to the demo citizen
``buerger`` (all real Dexterity objects), `HERNE_BENCH_REQUESTS` (default 50) how
many timed requests each measurement gets, `HERNE_BENCH_CACHE_SIZE` (default 30000)
the ZODB connection cache in objects.

The catalog is filled by ``_catalog_fill.fill`` as for the worklist benchmark:
the citizen's applications are real, made with ``create_application`` as
``buerger`` and taken to their state by the clerks' own ``perform`` steps, over
all departments and all ten states after submission (state i % 10, department
i % 17, so every pair differs; where a department's services allow no
originals or no post the state falls back as in the worklist benchmark). Every
other application is a catalogued stand-in of one of 20,000 other applicants
(``buerger-00000`` ...), copied from the catalog entry of a real application of
the same department with the owner token replaced; so the citizen owns exactly
``HERNE_BENCH_OWN`` of them. Drafts are left out: they have no reference number
to compare by.

All measurements go through the whole Zope publisher (in-process WSGI, ZODB
DemoStorage of the test layer) as ``buerger`` (Basic auth):

* the Postkorb page ``@@postkorb`` (catalog query by type and applicant, newest
  change first, all rows from metadata, HTML in the main template);
* its REST list ``++api++/@postkorb`` (the same rows as JSON);
* plone.restapi ``++api++/@search`` with the same query, ``b_size=50`` and the
  columns the Postkorb reads as ``metadata_fields``.

All three must return the 50 applications with the same reference numbers
(asserted). For context the same loop times the page and the REST list for
``buergerin``, who owns no application (same view, template and service, a
query with no match), the Postkorb's rows built in-process (query and rows,
no rendering) and the catalog query alone. Results go to stdout; record them
in docs/benchmarks.md.
"""

from _catalog_fill import assert_entries_alike
from _catalog_fill import fill
from _catalog_fill import mail_sink
from _catalog_fill import measure
from _catalog_fill import report
from collections import Counter
from herne.portal.browser.postkorb import PostkorbView
import json
import os
from plone import api
from plone.testing.zope import Browser
import random
import re
from urllib.parse import urlencode
from zope.annotation.interfaces import IAnnotations


APPLICATIONS = int(os.environ.get("HERNE_BENCH_APPLICATIONS", "100000"))
OWN = int(os.environ.get("HERNE_BENCH_OWN", "50"))
REQUESTS = int(os.environ.get("HERNE_BENCH_REQUESTS", "50"))
#: Objects per ZODB connection cache (see bench_worklist.py): production-like, not the
#: test layer's 400.
CACHE_SIZE = int(os.environ.get("HERNE_BENCH_CACHE_SIZE", "30000"))

CITIZEN = ("buerger", "demo-buerger-2026")
#: A demo citizen without applications: the same page and service with an empty result.
NOBODY = ("buergerin", "demo-buergerin-2026")
#: The columns the Postkorb reads from the catalog, as @search's metadata_fields.
COLUMNS = ("reference_number", "service_title", "review_state", "submitted", "citizen_unread")

ROW = re.compile(r'<tr class="herne-postkorb-row"')
REFERENCE = re.compile(r"<td>(HER-\d{4}-\d{6})</td>")
UNREAD = re.compile(r"(\d+) Antrag/Anträge mit Neuigkeiten")


def real_slot(i, departments, states):
    """All states and departments: 10 and 17 share no divisor, so no pair repeats."""
    return departments[i % len(departments)], states[i % len(states)]


def browser(app, user, json_accept=False):
    b = Browser(app)
    b.handleErrors = False
    b.addHeader("Authorization", f"Basic {user[0]}:{user[1]}")
    b.addHeader("Accept-Language", "de")
    if json_accept:
        b.addHeader("Accept", "application/json")
    return b


def test_postkorb(demo_functional):
    portal = demo_functional["portal"]
    app = demo_functional["app"]
    request = demo_functional["request"]
    portal._p_jar.db().setCacheSize(CACHE_SIZE)
    catalog = api.portal.get_tool("portal_catalog")
    assert not catalog.unrestrictedSearchResults(portal_type="Application")
    print(f"\ncatalog: {len(catalog.indexes())} indexes, {len(catalog.schema())} metadata columns")

    with mail_sink():  # status mails of the real applications' steps
        real_seconds, stub_seconds, own = fill(
            portal, random.Random(2026), APPLICATIONS, OWN, real_slot, lambda i: CITIZEN[0]
        )

    total_apps = len(catalog.unrestrictedSearchResults(portal_type="Application"))
    assert total_apps == APPLICATIONS, total_apps
    owned = catalog.unrestrictedSearchResults(portal_type="Application", applicant=CITIZEN[0])
    assert len(owned) == OWN == len(own)
    assert not catalog.unrestrictedSearchResults(portal_type="Application", applicant=NOBODY[0])
    assert_entries_alike(catalog, (CITIZEN[0],))
    states = Counter(api.content.get_state(application) for application in own)
    departments = len({application.department_uid for application in own})
    print(f"{CITIZEN[0]}: {OWN} applications in {departments} departments, {dict(states)}")

    base = portal.absolute_url()
    page_url = f"{base}/@@postkorb"
    list_url = f"{base}/++api++/@postkorb"
    params = [
        ("portal_type", "Application"),
        ("applicant", CITIZEN[0]),
        ("sort_on", "modified"),
        ("sort_order", "descending"),
        ("b_size", str(OWN)),
        *[("metadata_fields", name) for name in COLUMNS],
    ]
    search_url = f"{base}/++api++/@search?{urlencode(params)}"
    print(f"@search URL: {search_url}")

    page = browser(app, CITIZEN)
    rest = browser(app, CITIZEN, json_accept=True)
    search_browser = browser(app, CITIZEN, json_accept=True)
    empty_page_browser = browser(app, NOBODY)
    empty_rest = browser(app, NOBODY, json_accept=True)

    def open_with(b, url):
        def call():
            b.open(url)
            return b.contents

        return call

    postkorb = open_with(page, page_url)
    postkorb_list = open_with(rest, list_url)
    search = open_with(search_browser, search_url)
    empty_postkorb = open_with(empty_page_browser, page_url)
    empty_list = open_with(empty_rest, list_url)

    def rows_in_process():
        # rows() is memoized on the request (plone.memoize.view); each call starts afresh.
        IAnnotations(request).pop("plone.memoize", None)
        with api.env.adopt_user(username=CITIZEN[0]):
            return PostkorbView(portal, request).rows()

    def catalog_query():
        with api.env.adopt_user(username=CITIZEN[0]):
            brains = catalog.searchResults(
                portal_type="Application",
                applicant=CITIZEN[0],
                sort_on="modified",
                sort_order="descending",
            )
            return [brain.reference_number for brain in brains]

    contents = postkorb()
    page_refs = REFERENCE.findall(contents)
    page_unread = UNREAD.search(contents)
    listed = json.loads(postkorb_list())
    list_refs = [item["reference_number"] for item in listed["items"]]
    found = json.loads(search())
    search_refs = [item["reference_number"] for item in found["items"]]
    print(
        f"@@postkorb: {len(ROW.findall(contents))} rows; @postkorb: {listed['items_total']} "
        f"items; @search: {found['items_total']} items"
    )
    assert len(ROW.findall(contents)) == len(page_refs) == OWN
    assert listed["items_total"] == len(list_refs) == OWN
    assert found["items_total"] == len(search_refs) == OWN
    assert (
        set(page_refs) == set(list_refs) == set(search_refs) == {b.reference_number for b in owned}
    )
    assert catalog_query() == [row["reference"] for row in rows_in_process()] == list_refs
    unread = sum(1 for item in found["items"] if item["citizen_unread"])
    assert unread == sum(1 for item in listed["items"] if item["unread"])
    assert (int(page_unread.group(1)) if page_unread else 0) == unread
    print(f"unread: {unread} of {OWN}")
    print(f"REST list in the same order as @search: {list_refs == search_refs}")
    assert "Sie haben noch keine Anträge gestellt." in empty_postkorb()
    assert json.loads(empty_list())["items_total"] == 0

    measurements = {
        "herne.portal @@postkorb": postkorb,
        "herne.portal ++api++/@postkorb": postkorb_list,
        "plone.restapi @search": search,
        "@@postkorb, no applications": empty_postkorb,
        "@postkorb, no applications": empty_list,
        "PostkorbView.rows() in-process": rows_in_process,
        "catalog query in-process": catalog_query,
    }
    timings, collections = measure(measurements, REQUESTS)

    print(f"fill: real {real_seconds:.0f} s, stand-ins {stub_seconds:.0f} s")
    results = report(timings, collections, width=32)
    theirs = results["plone.restapi @search"]
    for label, name in (
        ("Postkorb page", "herne.portal @@postkorb"),
        ("REST list", "herne.portal ++api++/@postkorb"),
    ):
        ours = results[name]
        print(
            f"ratio ({label} / @search): p50 {ours[0] / theirs[0]:.2f}, "
            f"p95 {ours[1] / theirs[1]:.2f}"
        )
