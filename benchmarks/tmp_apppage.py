from benchmarks.bench_submissions import *  # noqa
from benchmarks import bench_submissions as b
import cProfile, pstats, time


def test_apppage(demo_functional):
    portal = demo_functional["portal"]
    portal._p_jar.db().setCacheSize(30000)
    service = portal["leistungen"]["hundesteuer"]
    browser = Browser(demo_functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", "Basic buerger:demo-buerger-2026")
    browser.open(service["antrag"].absolute_url())
    b.fill(browser)
    browser.getControl(name="form.buttons.submit").click()
    url = browser.url
    import os as _os

    if _os.environ.get("BLOCK"):
        from plone.portlets.interfaces import ILocalPortletAssignmentManager, IPortletManager
        from plone.portlets.constants import CONTEXT_CATEGORY, GROUP_CATEGORY, CONTENT_TYPE_CATEGORY
        from zope.component import getUtility, getMultiAdapter

        root = portal["antraege"]
        for column in ("plone.leftcolumn", "plone.rightcolumn"):
            manager = getUtility(IPortletManager, name=column)
            assignable = getMultiAdapter((root, manager), ILocalPortletAssignmentManager)
            for category in (CONTEXT_CATEGORY, GROUP_CATEGORY, CONTENT_TYPE_CATEGORY):
                assignable.setBlacklistStatus(category, True)
        transaction.commit()
    print("URL", url)
    from herne.portal.browser import application

    for _ in range(5):
        browser.open(url)
    prof = cProfile.Profile()
    orig = application.ApplicationView.__call__
    times = []

    def call(self):
        t = time.thread_time()
        try:
            return prof.runcall(orig, self) if PROF else orig(self)
        finally:
            times.append(time.thread_time() - t)

    application.ApplicationView.__call__ = call
    import os

    PROF = os.environ.get("P")
    for _ in range(30):
        browser.open(url)
    application.ApplicationView.__call__ = orig
    print("VIEW ms p50", sorted(times)[15] * 1000)
    if PROF:
        prof.dump_stats("/tmp/prof/apppage")
