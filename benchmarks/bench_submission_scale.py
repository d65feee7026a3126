"""Cost of one dog-tax submission with 1,000 applications on the site against 100,000.

Run (not part of `make test`):

    .venv/bin/pytest benchmarks/bench_submission_scale.py -s -p no:cacheprovider

`HERNE_BENCH_SMALL` (default 1000) and `HERNE_BENCH_APPLICATIONS` (default 100000)
set the two sizes, `HERNE_BENCH_REAL` (default 170) how many of the applications
are made by the clerks' own code (``create_application`` and ``perform``; 10 per
department), `HERNE_BENCH_SUBMISSIONS` (default 60) the timed submissions at
each size, `HERNE_BENCH_CACHE_SIZE` (default 30000) the ZODB connection cache in
objects. With `HERNE_BENCH_PROFILE=prefix`, 20 more submissions at each size run
under cProfile (``prefix-SIZE.prof``) and the functions whose own time per
submission grew most are printed.

The site is filled by ``_catalog_fill`` as for the worklist benchmark (same
spread over departments, states and 20,000 citizens), but every application is an
object in its department's folder (``add_application``: in bulk, without events,
with owner, local role, workflow state and the state's permissions, catalogued by
the real indexers), first up to the small size, measured, then up to the large
size in the same site, measured again. Each submission is the demo citizen's
dog-tax form with a 200 kB PDF through the whole Zope publisher, commit included
(the form filled by ``bench_submissions.fill``). The figure to compare is the CPU time of the
publishing thread per submission (``time.thread_time`` around the POST; the
machine is shared), wall p50/p95 beside it.
"""

from _catalog_fill import BIG_DEPARTMENT
from _catalog_fill import assert_entries_alike
from _catalog_fill import fill_real
from _catalog_fill import fill_stand_ins
from _catalog_fill import mail_sink
from _catalog_fill import plan
from _catalog_fill import services_by_department
from bench_submissions import fill as fill_form
from contextlib import contextmanager
import cProfile
import gc
from herne.portal.applications.areas import application_root
import os
from plone import api
from plone.testing.zope import Browser
import pstats
import random
import statistics
import time
import transaction


SMALL = int(os.environ.get("HERNE_BENCH_SMALL", "1000"))
LARGE = int(os.environ.get("HERNE_BENCH_APPLICATIONS", "100000"))
REAL = int(os.environ.get("HERNE_BENCH_REAL", "170"))
SUBMISSIONS = int(os.environ.get("HERNE_BENCH_SUBMISSIONS", "60"))
CACHE_SIZE = int(os.environ.get("HERNE_BENCH_CACHE_SIZE", "30000"))
PROFILE = os.environ.get("HERNE_BENCH_PROFILE", "")
PROFILED = 20
WARMUP = 5


def real_slot(i, departments, states):
    """Real applications in every department, their states in turn."""
    return departments[i % len(departments)], states[(i // len(departments)) % len(states)]


def applicant_of(i):
    return "buerger" if i % 2 else "buergerin"


def applications(catalog):
    """Applications in the catalog and in the department folders."""
    catalogued = len(catalog.unrestrictedSearchResults(portal_type="Application"))
    in_folders = sum(len(area) for area in application_root().objectValues())
    return catalogued, in_folders


@contextmanager
def full_collections():
    """Collects the pauses (s) of the full garbage collections while it is open."""
    pauses, started = [], []

    def watch(phase, info):
        if info["generation"] == 2:
            if phase == "start":
                started.append(time.perf_counter())
            elif started:
                pauses.append(time.perf_counter() - started.pop())

    gc.callbacks.append(watch)
    try:
        yield pauses
    finally:
        gc.callbacks.remove(watch)


def measure(browser, url, submissions, profiler=None):
    """Wall and CPU times (s) of ``submissions`` POSTs of the form; ``profiler`` sees each POST."""
    catalog = api.portal.get_tool("portal_catalog")
    filed = len(catalog.unrestrictedSearchResults(applicant="buerger"))
    wall, cpu = [], []
    for _ in range(submissions):
        browser.open(url)
        fill_form(browser)
        if profiler is not None:
            profiler.enable()
        started, cpu_started = time.perf_counter(), time.thread_time()
        browser.getControl(name="form.buttons.submit").click()
        cpu.append(time.thread_time() - cpu_started)
        wall.append(time.perf_counter() - started)
        if profiler is not None:
            profiler.disable()
    transaction.abort()  # a new transaction sees what the publisher committed
    assert len(catalog.unrestrictedSearchResults(applicant="buerger")) == filed + submissions
    return wall, cpu


def run(browser, url, size):
    """Timed submissions at one size, then (with HERNE_BENCH_PROFILE) profiled ones."""
    measure(browser, url, WARMUP)
    with full_collections() as pauses:
        wall, cpu_times = measure(browser, url, SUBMISSIONS)
    quantiles = statistics.quantiles(wall, n=100)
    cpu = statistics.quantiles(cpu_times, n=100)
    row = {
        "cpu_p50": cpu[49] * 1000,
        "cpu_p95": cpu[94] * 1000,
        "cpu_mean": statistics.mean(cpu_times) * 1000,
        "wall_p50": quantiles[49] * 1000,
        "wall_p95": quantiles[94] * 1000,
    }
    print(
        f"{size:>7} applications  n={len(wall)}  CPU p50={row['cpu_p50']:6.1f} ms  "
        f"p95={row['cpu_p95']:6.1f} ms  mean={row['cpu_mean']:6.1f} ms  "
        f"wall p50={row['wall_p50']:6.1f} ms  p95={row['wall_p95']:6.1f} ms  "
        f"full GCs: {len(pauses)} ({sum(pauses) * 1000:.0f} ms, also between the POSTs)"
    )
    if PROFILE:
        profiler = cProfile.Profile()
        measure(browser, url, PROFILED, profiler=profiler)
        profiler.dump_stats(f"{PROFILE}-{size}.prof")
    return row


def own_time(path):
    """Own time (s) and calls per submission of each function in a profile."""
    stats = pstats.Stats(path).stats
    return {
        func: (tottime / PROFILED, calls / PROFILED)
        for func, (_cc, calls, tottime, _cum, _callers) in stats.items()
    }


def print_growth(small, large, top=25):
    """The functions whose own time per submission grew most from the small to the large site."""
    before, after = own_time(f"{PROFILE}-{small}.prof"), own_time(f"{PROFILE}-{large}.prof")
    growth = sorted(
        (after[f][0] - before.get(f, (0, 0))[0], f) for f in after if f in before or after[f][0]
    )
    print(f"own time per submission, {small} -> {large} applications, largest growth:")
    for delta, func in reversed(growth[-top:]):
        filename, line, name = func
        print(
            f"  {delta * 1000:+8.2f} ms  {before.get(func, (0, 0))[0] * 1000:7.2f} -> "
            f"{after[func][0] * 1000:7.2f} ms  calls {before.get(func, (0, 0))[1]:.0f} -> "
            f"{after[func][1]:.0f}  {name} ({'/'.join(filename.split('/')[-3:])}:{line})"
        )


def test_submission_cost_by_size(demo_functional):
    portal = demo_functional["portal"]
    portal._p_jar.db().setCacheSize(CACHE_SIZE)
    catalog = api.portal.get_tool("portal_catalog")
    service = portal["leistungen"]["hundesteuer"]
    url = service["antrag"].absolute_url()
    browser = Browser(demo_functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", "Basic buerger:demo-buerger-2026")
    browser.open(url)  # the areas exist before the plan reads them

    rng = random.Random(2026)
    services = services_by_department(portal)
    departments = sorted(a for a in application_root().objectIds() if a in services)
    entries = plan(rng, departments, services, LARGE, REAL, real_slot)
    rows = {}
    with mail_sink():  # status mails of the real applications and the receipts
        real_seconds, _applications, templates = fill_real(
            services, entries[:REAL], applicant_of, same_security=False
        )
        fill_seconds = fill_stand_ins(rng, entries[REAL:SMALL], templates, objects=True)
        assert_entries_alike(catalog, ("buerger", "buergerin"), BIG_DEPARTMENT)
        print(f"fill: {SMALL} applications in {real_seconds + fill_seconds:.0f} s")
        before = applications(catalog)
        print(f"applications (catalog, folders): {before}")
        rows[SMALL] = run(browser, url, SMALL)

        fill_seconds = fill_stand_ins(rng, entries[SMALL:], templates, objects=True)
        print(f"fill: {LARGE - SMALL} more applications in {fill_seconds:.0f} s")
        after = applications(catalog)
        print(f"applications (catalog, folders): {after}")
        assert after[0] == after[1] >= LARGE
        rows[LARGE] = run(browser, url, LARGE)

    for name in ("cpu_p50", "cpu_mean", "wall_p50", "wall_p95"):
        print(f"ratio {name} ({LARGE} / {SMALL}): {rows[LARGE][name] / rows[SMALL][name]:.2f}")
    if PROFILE:
        print_growth(SMALL, LARGE)
