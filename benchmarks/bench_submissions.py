"""Submissions per second and p50/p95 latency: our application action vs easyform's SaveData.

Run (not part of `make test`):

    .venv/bin/pytest benchmarks/bench_submissions.py -s -p no:cacheprovider

Both forms have the same fields (the demo dog-tax form) and live in the same service;
each submission is one POST through the full Zope publisher (in-process WSGI),
including the commit. Besides wall time, each row gives the CPU time of the
publishing thread per submission (less sensitive to a loaded machine) and how
often the form's XML model was parsed per submission, the function calls
per submission (``sys.setprofile`` count) and the database records its transactions
stored (objects and blobs, the cataloguing after the commit included). Results go to stdout; record them in
docs/benchmarks.md.

``HERNE_BENCH_CACHE_SIZE`` (default 30000, as the instances) sets the object cache
of the database's connections.

``HERNE_BENCH_PROFILE=path`` profiles the measured submissions of each action with
cProfile (the POST only) and writes ``path.saveapplication`` and ``path.savedata``
(pstats files), printing the 40 most expensive functions by cumulative time.
"""

import cProfile
from io import BytesIO
import os
from plone import api
from plone.testing.zope import Browser
import pstats
import statistics
from tests.fixtures.journeys import fill_dog_tax
import time
import transaction


SUBMISSIONS = int(os.environ.get("HERNE_BENCH_SUBMISSIONS", "60"))
#: Objects each connection keeps in its cache: the instances' (``cache-size`` in
#: etc/zope.conf.in), not the test database's 400 (ZODB's default), which a
#: submission overflows so that the page after it and the commit reload objects.
CACHE_SIZE = int(os.environ.get("HERNE_BENCH_CACHE_SIZE", "30000"))
PROFILE = os.environ.get("HERNE_BENCH_PROFILE")
PDF = b"%PDF-1.4\n" + b"0" * 200_000 + b"\n%%EOF\n"  # a 200 kB scan

SAVEDATA_ACTIONS = """<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="saver" type="collective.easyform.actions.SaveData">
      <title>Save Data</title>
    </field>
  </schema>
</model>
"""


def fill(browser):
    fill_dog_tax(browser)
    browser.getControl(name="form.widgets.transfer_proof").add_file(
        BytesIO(PDF), "application/pdf", "abgabe.pdf"
    )


class Measured(list):
    """Wall times of the submissions, with their CPU times, model parses, calls and records stored."""

    cpu = ()
    parses = 0
    calls = 0
    stored = 0


def count_stored(click):
    """Run ``click()`` and return how many database records its transactions stored (objects and blobs)."""
    from ZODB.DemoStorage import DemoStorage

    stored = 0
    store, store_blob = DemoStorage.store, DemoStorage.storeBlob

    def counting_store(self, *args, **kwargs):
        nonlocal stored
        stored += 1
        return store(self, *args, **kwargs)

    def counting_store_blob(self, *args, **kwargs):
        nonlocal stored
        stored += 1
        return store_blob(self, *args, **kwargs)

    DemoStorage.store, DemoStorage.storeBlob = counting_store, counting_store_blob
    try:
        click()
    finally:
        DemoStorage.store, DemoStorage.storeBlob = store, store_blob
    return stored


def count_calls(click):
    """Run ``click()`` and return how many Python functions it called."""
    import sys

    calls = 0

    def counter(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(counter)
    try:
        click()
    finally:
        sys.setprofile(None)
    return calls


def measure(browser, url, profile_to=None):
    from collective.easyform import api as easyform_api

    latencies = Measured()
    latencies.cpu = []
    parse = easyform_api.loadString

    def counting(*args, **kwargs):
        latencies.parses += 1
        return parse(*args, **kwargs)

    profiler = cProfile.Profile() if profile_to else None
    for _ in range(SUBMISSIONS):
        browser.open(url)
        fill(browser)
        easyform_api.loadString = counting
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            if profiler is not None:
                profiler.runcall(browser.getControl(name="form.buttons.submit").click)
            else:
                browser.getControl(name="form.buttons.submit").click()
        finally:
            easyform_api.loadString = parse
        latencies.cpu.append(time.thread_time() - cpu)
        latencies.append(time.perf_counter() - started)
    # One more submission, counted call by call (not timed).
    browser.open(url)
    fill(browser)
    latencies.calls = count_calls(browser.getControl(name="form.buttons.submit").click)
    # And one more, its stored records counted.
    browser.open(url)
    fill(browser)
    latencies.stored = count_stored(browser.getControl(name="form.buttons.submit").click)
    if profiler is not None:
        profiler.dump_stats(profile_to)
        print(f"profile of {SUBMISSIONS} submissions: {profile_to}")
        pstats.Stats(profile_to).sort_stats("cumulative").print_stats(40)
    return latencies


def report(name, latencies):
    quantiles = statistics.quantiles(latencies, n=100)
    per_second = len(latencies) / sum(latencies)
    print(
        f"{name:<32} n={len(latencies):>4}  {per_second:6.1f} submissions/s  "
        f"p50={quantiles[49] * 1000:7.1f} ms  p95={quantiles[94] * 1000:7.1f} ms  "
        f"CPU p50={statistics.median(latencies.cpu) * 1000:6.1f} ms  "
        f"model parses/submission={latencies.parses / len(latencies):.1f}  "
        f"function calls/submission={latencies.calls}  records stored/submission={latencies.stored}"
    )
    return per_second, quantiles[49], quantiles[94], statistics.median(latencies.cpu)


def test_submission_throughput(demo_functional):
    from aiosmtpd.controller import Controller

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            return "250 OK"

    smtp = Controller(Sink(), hostname="127.0.0.1", port=8025)
    smtp.start()
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", 8025)
    api.portal.set_registry_record("plone.email_from_address", "serviceportal@herne.example")
    portal = demo_functional["portal"]
    portal._p_jar.db().setCacheSize(CACHE_SIZE)
    service = portal["leistungen"]["hundesteuer"]
    with api.env.adopt_roles(["Manager"]):
        savedata_form = api.content.copy(source=service["antrag"], target=service, id="savedata")
        savedata_form.actions_model = SAVEDATA_ACTIONS
        api.content.transition(obj=savedata_form, transition="publish")
    transaction.commit()

    browser = Browser(demo_functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", "Basic buerger:demo-buerger-2026")

    # warm up caches and templates for both forms
    for url in (service["antrag"].absolute_url(), savedata_form.absolute_url()):
        browser.open(url)

    ours = report(
        "herne.portal SaveApplication",
        measure(
            browser,
            service["antrag"].absolute_url(),
            PROFILE and f"{PROFILE}.saveapplication",
        ),
    )
    theirs = report(
        "collective.easyform SaveData",
        measure(browser, savedata_form.absolute_url(), PROFILE and f"{PROFILE}.savedata"),
    )
    print(f"ratio (SaveApplication / SaveData submissions per second): {ours[0] / theirs[0]:.2f}")
    print(f"ratio (SaveApplication / SaveData CPU p50): {ours[3] / theirs[3]:.2f}")
    smtp.stop()
