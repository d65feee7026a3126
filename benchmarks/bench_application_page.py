"""The application page as the citizen and the responsible clerk open it: CPU time per page.

Run (not part of `make test`):

    .venv/bin/pytest benchmarks/bench_application_page.py -s -p no:cacheprovider

Opens one dog-tax application (submitted through the form as the demo citizen)
`HERNE_BENCH_REQUESTS` (default 60) times per viewer through the whole Zope publisher
in-process (demo site of the test layer, the instances' 30,000-object cache) after a
warm-up, and prints per viewer the p50 and p90 of the CPU time of the publishing
thread and the Python function calls of one more page (independent of the load).
"""

from benchmarks.bench_submissions import count_calls
from benchmarks.bench_submissions import fill
import os
from plone.testing.zope import Browser
import statistics
from tests.fixtures.applications import CITIZEN
from tests.fixtures.browsers import demo_password
import time


REQUESTS = int(os.environ.get("HERNE_BENCH_REQUESTS", "60"))
#: the tax office's clerk, responsible for the dog tax
TAX_CLERK = ("sachbearbeitung-steuern", demo_password("sachbearbeitung-steuern"))


def browser_of(app, credentials):
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Authorization", "Basic {}:{}".format(*credentials))
    return browser


def test_application_page_cost(demo_functional):
    portal = demo_functional["portal"]
    portal._p_jar.db().setCacheSize(30000)
    citizen = browser_of(demo_functional["app"], CITIZEN)
    citizen.open(portal["leistungen"]["hundesteuer"]["antrag"].absolute_url())
    fill(citizen)
    citizen.getControl(name="form.buttons.submit").click()
    url = citizen.url
    assert "/antraege/" in url, url
    for name, browser in (
        ("citizen", citizen),
        ("clerk", browser_of(demo_functional["app"], TAX_CLERK)),
    ):
        for _ in range(5):
            browser.open(url)
        cpu = []
        for _ in range(REQUESTS):
            started = time.thread_time()
            browser.open(url)
            cpu.append(time.thread_time() - started)
        calls = count_calls(lambda browser=browser: browser.open(url))
        quantiles = statistics.quantiles(cpu, n=10)
        print(
            f"application page, {name:<8} n={REQUESTS}  CPU p50={statistics.median(cpu) * 1000:6.1f} ms"
            f"  p90={quantiles[8] * 1000:6.1f} ms  function calls={calls}"
        )
