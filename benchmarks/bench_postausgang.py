"""The Postausgang with 2,000 open letters across 17 departments: first page p50/p95; 100 letters as one PDF.

Run (not part of `make test`):

    .venv/bin/pytest benchmarks/bench_postausgang.py -s -p no:cacheprovider

`HERNE_BENCH_LETTERS` (default 2000) sets how many open letters there are (one
application by letter each, round robin over the departments' services),
`HERNE_BENCH_REQUESTS` (default 50) how many timed requests each side gets,
`HERNE_BENCH_BATCH` (default 100) how many letters go into one PDF,
`HERNE_BENCH_PROFILE=1` prints a cProfile of 20 clerk page requests (the top 40 by
cumulative time) after the timings.

The applications are real (``create_application``), each with one letter of the
length of a status notice (``add_letter``, the code path of the notifications).
Measured through the whole Zope publisher (in-process WSGI): ``@@postausgang`` and
``++api++/@postausgang`` as the demo clerk of Bürgerdienste Herne-Mitte (the
letters of one department) and as the site's Manager (the letters of all 17); for
context the worklist's first page in the same loop (the same main template).
Then one PDF of ``HERNE_BENCH_BATCH`` letters, and the same batch printed through
``POST @postausgang`` (PDF, marked printed, committed). Results go to stdout;
record them in docs/benchmarks.md.
"""

from _catalog_fill import measure
from _catalog_fill import report
from _catalog_fill import services_by_department
import cProfile
from herne.portal.applications.factory import create_application
from herne.portal.applications.letter_pdf import letters_pdf
from herne.portal.applications.letters import add_letter
from herne.portal.applications.letters import letters_of
import io
import json
import os
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
import pstats
import time
import transaction


LETTERS = int(os.environ.get("HERNE_BENCH_LETTERS", "2000"))
REQUESTS = int(os.environ.get("HERNE_BENCH_REQUESTS", "50"))
BATCH = int(os.environ.get("HERNE_BENCH_BATCH", "100"))
CLERK = ("sachbearbeitung", "demo-sachbearbeitung-2026")
BODY = (
    "Guten Tag ${name},\n\nIhr Antrag ${reference} ist in Bearbeitung. Wir melden uns, "
    "sobald wir Unterlagen brauchen oder der Antrag entschieden ist.\n\n"
    "Den Stand Ihres Antrags sehen Sie jederzeit im Postkorb.\n\n"
    "Mit freundlichen Grüßen\nIhre Stadt Herne\n"
)


def fill(portal):
    services = [group[0] for group in services_by_department(portal).values()]
    started = time.perf_counter()
    with api.env.adopt_user(username="buerger"):
        for i in range(LETTERS):
            service = services[i % len(services)]
            application = create_application(
                service,
                userid="buerger",
                applicant_name=f"Person {i}",
                rows=[],
                uploads={},
                consent_time=None,
                delivery_method=service.result_delivery,
                delivery_address=None,
                contact_method="letter",
                postal_address=f"Person {i}\nBahnhofstraße {i % 200 + 1}\n44623 Herne",
            )
            text = BODY.replace("${name}", f"Person {i}").replace(
                "${reference}", application.reference_number
            )
            add_letter(
                application, "in_progress", f"Ihr Antrag {application.reference_number}", text
            )
            if i % 200 == 199:
                transaction.savepoint(optimistic=True)
    transaction.commit()
    return len(services), time.perf_counter() - started


def browser(app, credentials, json_api=False):
    page = Browser(app)
    page.handleErrors = False
    page.addHeader("Authorization", f"Basic {credentials[0]}:{credentials[1]}")
    if json_api:
        page.addHeader("Accept", "application/json")
    return page


def test_postausgang(demo_functional):
    portal = demo_functional["portal"]
    app = demo_functional["app"]
    portal._p_jar.db().setCacheSize(30000)
    departments, seconds = fill(portal)
    print(
        f"fill: {LETTERS} applications with a letter in {departments} departments, {seconds:.0f} s"
    )
    url = portal.absolute_url()
    clerk_page = browser(app, CLERK)
    manager_page = browser(app, (SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    clerk_rest = browser(app, CLERK, json_api=True)
    manager_rest = browser(app, (SITE_OWNER_NAME, SITE_OWNER_PASSWORD), json_api=True)

    def page(session):
        session.open(f"{url}/@@postausgang")
        return session.contents

    def worklist(session):
        session.open(f"{url}/@@arbeitskorb")
        return session.contents

    def rest(session):
        session.open(f"{url}/++api++/@postausgang")
        return json.loads(session.contents)

    print(f"clerk: {rest(clerk_rest)['applications_total']} applications with open letters")
    print(f"manager: {rest(manager_rest)['applications_total']} applications with open letters")
    assert rest(manager_rest)["applications_total"] == LETTERS
    assert page(manager_page).count('name="letters:list"') == 50

    timings, collections = measure(
        {
            "@@postausgang, clerk": lambda: page(clerk_page),
            "@@postausgang, manager (17)": lambda: page(manager_page),
            "@postausgang, clerk": lambda: rest(clerk_rest),
            "@postausgang, manager (17)": lambda: rest(manager_rest),
            # context: the same main template around the worklist's first page
            "@@arbeitskorb, clerk (context)": lambda: worklist(clerk_page),
        },
        REQUESTS,
    )
    report(timings, collections)
    if os.environ.get("HERNE_BENCH_PROFILE") == "1":
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(20):
            page(clerk_page)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
        print(out.getvalue())

    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Application", sort_limit=BATCH)[:BATCH]
    chosen = [brain._unrestrictedGetObject() for brain in brains]
    letters = [letters_of(application)[0] for application in chosen]
    started = time.perf_counter()
    data = letters_pdf(letters)
    pdf_seconds = time.perf_counter() - started
    print(f"{BATCH} letters as one PDF: {pdf_seconds:.2f} s, {len(data) // 1024} KB")

    keys = [f"{application.UID()}:{letters_of(application)[0]['id']}" for application in chosen]
    poster = browser(app, (SITE_OWNER_NAME, SITE_OWNER_PASSWORD), json_api=True)
    started = time.perf_counter()
    poster.post(f"{url}/++api++/@postausgang", json.dumps({"letters": keys}), "application/json")
    post_seconds = time.perf_counter() - started
    assert json.loads(poster.contents)["printed"] == BATCH
    print(f"POST @postausgang, {BATCH} letters printed and marked: {post_seconds:.2f} s")
    assert pdf_seconds <= 10 and post_seconds <= 10
