"""The upgrade to 1051 on a site with 100,000 applications: how long it takes and how much memory it adds.

Run (not part of `make test`; about 8 minutes on 2 quiet cores, most of it filling):

    .venv/bin/pytest benchmarks/bench_upgrade_at_scale.py -s -p no:cacheprovider

Fills the demo site with `HERNE_BENCH_APPLICATIONS` (default 100000) application objects
as `bench_submission_scale.py` does (`_catalog_fill`, 170 made by the clerks' own code,
the rest stand-ins in the department folders), commits, then runs the upgrade step
1050 -> 1051 (`upgrades/to1051.py`: every application loaded and re-listed in
`object_provides`, out of `Type`, `is_folderish` and `Creator`) and its commit, and prints
the wall and CPU time and the process's peak resident memory before and after.
"""

import os
import random
import resource
import sys
import time
import transaction


sys.path.insert(0, os.path.dirname(__file__))

from _catalog_fill import fill_real  # noqa: E402
from _catalog_fill import fill_stand_ins  # noqa: E402
from _catalog_fill import mail_sink  # noqa: E402
from _catalog_fill import plan  # noqa: E402
from _catalog_fill import services_by_department  # noqa: E402
from herne.portal.applications.areas import application_root  # noqa: E402
from plone import api  # noqa: E402
from plone.testing.zope import Browser  # noqa: E402


APPLICATIONS = int(os.environ.get("HERNE_BENCH_APPLICATIONS", "100000"))
REAL = int(os.environ.get("HERNE_BENCH_REAL", "170"))
CACHE_SIZE = int(os.environ.get("HERNE_BENCH_CACHE_SIZE", "30000"))


def real_slot(i, departments, states):
    return departments[i % len(departments)], states[(i // len(departments)) % len(states)]


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_upgrade_1051_at_scale(demo_functional):
    from herne.portal.upgrades import to1051

    portal = demo_functional["portal"]
    portal._p_jar.db().setCacheSize(CACHE_SIZE)
    browser = Browser(demo_functional["app"])
    browser.addHeader("Authorization", "Basic buerger:demo-buerger-2026")
    browser.open(portal["leistungen"]["hundesteuer"]["antrag"].absolute_url())  # the areas
    rng = random.Random(2026)
    services = services_by_department(portal)
    departments = sorted(a for a in application_root().objectIds() if a in services)
    entries = plan(rng, departments, services, APPLICATIONS, REAL, real_slot)
    with mail_sink():
        real_seconds, _real, templates = fill_real(
            services,
            entries[:REAL],
            lambda i: "buerger" if i % 2 else "buergerin",
            same_security=False,
        )
        stand_in_seconds = fill_stand_ins(rng, entries[REAL:], templates, objects=True)
    transaction.commit()
    catalog = api.portal.get_tool("portal_catalog")
    count = len(catalog.unrestrictedSearchResults(portal_type="Application"))
    print(f"\nfill: {count} applications in {real_seconds + stand_in_seconds:.0f} s")
    # Leave the cache as a restarted instance has it before the upgrade.
    portal._p_jar.cacheMinimize()
    before = peak_rss_mb()
    started, cpu = time.monotonic(), time.process_time()
    to1051.upgrade(api.portal.get_tool("portal_setup"))
    transaction.commit()
    wall, cpu = time.monotonic() - started, time.process_time() - cpu
    print(
        f"upgrade 1050 -> 1051 of {count} applications: {wall:.0f} s wall, {cpu:.0f} s CPU,"
        f" peak memory {before:.0f} MB before, {peak_rss_mb():.0f} MB after"
    )
    assert count >= APPLICATIONS
