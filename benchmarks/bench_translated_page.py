"""A translated service page against its German original for anonymous visitors, uncached.

Run (not part of `make test`):

    .venv/bin/pytest benchmarks/bench_translated_page.py -s -p no:cacheprovider

Renders, through the whole Zope publisher in-process (demo site of the test layer,
anonymous, no caching proxy), the German dog-tax and Personalausweis pages and their
Turkish and Arabic translations (the demo's), interleaved, `HERNE_BENCH_REQUESTS`
(default 200) times each after a warm-up; prints p50/p90 per page and each
translation's p50 against its German page (target: at most 1.1x, issue 22).
"""

from collections import defaultdict
from herne.portal.testing import HERNE_DEMO_FUNCTIONAL_TESTING  # noqa: F401 - layer of the fixture
import os
from plone.app.multilingual.interfaces import ITranslationManager
from plone.testing.zope import Browser
import statistics
import time


REQUESTS = int(os.environ.get("HERNE_BENCH_REQUESTS", "200"))
TARGET = 1.1


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def test_translated_page_against_german(demo_functional):
    app, portal = demo_functional["app"], demo_functional["portal"]
    pages = {}
    for service_id in ("hundesteuer", "personalausweis"):
        german = portal["leistungen"][service_id]
        manager = ITranslationManager(german)
        pages[(service_id, "de")] = german.absolute_url() + "?set_language=de"
        for language in ("tr", "ar"):
            translated = manager.get_translation(language)
            pages[(service_id, language)] = translated.absolute_url() + f"?set_language={language}"
    browser = Browser(app)
    browser.handleErrors = False
    for url in pages.values():
        for _ in range(10):
            browser.open(url)
    times = defaultdict(list)
    for _ in range(REQUESTS):
        for key, url in pages.items():
            started = time.perf_counter()
            browser.open(url)
            times[key].append(time.perf_counter() - started)
    print(f"\n{REQUESTS} renders each, anonymous, uncached")
    ratios = []
    for (service_id, language), values in times.items():
        p50 = statistics.median(values)
        german = statistics.median(times[(service_id, "de")])
        ratio = p50 / german
        if language != "de":
            ratios.append(ratio)
        print(
            f"{service_id:16} {language}: p50 {p50 * 1000:6.1f} ms  p90 "
            f"{percentile(values, 0.9) * 1000:6.1f} ms  x German {ratio:4.2f}"
        )
    print(f"largest translation/German ratio {max(ratios):.2f} (target {TARGET})")
