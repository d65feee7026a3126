"""Service page against a plain Plone page for anonymous visitors, uncached: time and profile.

Run (not part of `make test`):

    .venv/bin/pytest benchmarks/bench_page_cost.py -s -p no:cacheprovider

Renders, through the whole Zope publisher in-process (demo site of the test layer,
anonymous, no caching proxy), the dog-tax service page, a plain Document with six
paragraphs (as in bench_throughput.py), a department page and the front page,
interleaved, `HERNE_BENCH_REQUESTS` (default 200) times each after a warm-up; prints
p50/p90 per page (wall clock and this thread's CPU time, which the publisher runs in,
so that other processes on the machine count less), the Python function calls of one
render of each page (independent of the machine's load) and the service page's p50
against the Document's. With
`HERNE_BENCH_PROFILE=1` it also profiles 100 renders of the service page and of the
Document with cProfile and prints the 40 functions with the most cumulative time
each, to find where the difference is spent; `HERNE_BENCH_PROFILE_DIR` also keeps
both profiles there (`service-page.prof`, `plain-page.prof`) for pstats or snakeviz.
"""

from benchmarks.bench_submissions import count_calls
from collections import defaultdict
import cProfile
from herne.portal.testing import HERNE_DEMO_FUNCTIONAL_TESTING  # noqa: F401 - layer of the fixture
import io
import os
from plone import api
from plone.testing.zope import Browser
import pstats
import statistics
import time
import transaction


REQUESTS = int(os.environ.get("HERNE_BENCH_REQUESTS", "200"))
PROFILE = os.environ.get("HERNE_BENCH_PROFILE", "") == "1"
PROFILE_DIR = os.environ.get("HERNE_BENCH_PROFILE_DIR", "")
PARAGRAPH = (
    "<p>Das Serviceportal der Stadt Herne bündelt die Leistungen der Verwaltung. "
    "Hier finden Sie, was Sie für einen Antrag brauchen, wo Sie ihn stellen und "
    "wie lange die Bearbeitung dauert. Viele Anträge stellen Sie direkt online.</p>"
)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def plain_document(portal):
    from plone.app.textfield.value import RichTextValue

    with api.env.adopt_roles(["Manager"]):
        document = api.content.create(
            container=portal,
            type="Document",
            id="ueber-das-serviceportal",
            title="Über das Serviceportal",
            description="Was das Serviceportal der Stadt Herne bietet.",
            text=RichTextValue(PARAGRAPH * 6, "text/html", "text/x-html-safe"),
        )
        api.content.transition(obj=document, transition="publish")
    transaction.commit()
    return document


def test_service_page_against_plain_page(demo_functional):
    app, portal = demo_functional["app"], demo_functional["portal"]
    document = plain_document(portal)
    department = api.content.find(portal_type="Department", review_state="published")[0]
    pages = {
        "service page (Leistung hundesteuer)": portal["leistungen"]["hundesteuer"].absolute_url(),
        "plain page (Document, 6 paragraphs)": document.absolute_url(),
        "department page": department.getURL(),
        "front page": portal.absolute_url(),
    }
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Accept-Language", "de")
    for url in pages.values():
        for _ in range(10):
            browser.open(url)
    times = defaultdict(list)
    cpu_times = defaultdict(list)
    for _ in range(REQUESTS):
        for name, url in pages.items():
            started, cpu_started = time.perf_counter(), time.thread_time()
            browser.open(url)
            cpu_times[name].append((time.thread_time() - cpu_started) * 1000)
            times[name].append((time.perf_counter() - started) * 1000)
    print(f"\nAnonymous, uncached, in-process publisher, {REQUESTS} requests each:")
    print("| page | p50 | p90 | mean | CPU p50 | CPU p90 |")
    print("|---|---|---|---|---|---|")
    for name, values in times.items():
        print(
            f"| {name} | {percentile(values, 0.5):.1f} ms | {percentile(values, 0.9):.1f} ms"
            f" | {statistics.mean(values):.1f} ms | {percentile(cpu_times[name], 0.5):.1f} ms"
            f" | {percentile(cpu_times[name], 0.9):.1f} ms |"
        )
    calls = {name: count_calls(lambda url=url: browser.open(url)) for name, url in pages.items()}
    print(
        "Python function calls per render: "
        + ", ".join(f"{name} {n:,}" for name, n in calls.items())
    )
    print(
        "service page / plain page (function calls):"
        f" {calls['service page (Leistung hundesteuer)'] / calls['plain page (Document, 6 paragraphs)']:.2f}x"
    )
    for label, measured in (("", times), ("CPU ", cpu_times)):
        service = percentile(measured["service page (Leistung hundesteuer)"], 0.5)
        plain = percentile(measured["plain page (Document, 6 paragraphs)"], 0.5)
        print(f"service page / plain page ({label}p50): {service / plain:.2f}x")
    if PROFILE:
        for name in ("service page (Leistung hundesteuer)", "plain page (Document, 6 paragraphs)"):
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(100):
                browser.open(pages[name])
            profiler.disable()
            if PROFILE_DIR:
                profiler.dump_stats(
                    os.path.join(PROFILE_DIR, name.split(" (")[0].replace(" ", "-") + ".prof")
                )
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
            print(f"\n--- profile: {name}, 100 renders ---\n{out.getvalue()}")
