"""Pytest fixtures of herne.portal, built from the layers in herne.portal.testing.

The layers are set up once per session. The empty site (``integration``,
``functional``) and the demo site (``demo``, ``demo_functional``) cannot be up at
the same time: the demo layer stacks its DemoStorage on the empty site's, and Zope
opens the topmost one. So the tests on the empty site run first, then the demo
layers are set up once and stay up to the end; isolation per test comes from the
functional layers' DemoStorage and the integration layers' transaction abort.
"""

from herne.portal.testing import HERNE_DEMO_FUNCTIONAL_TESTING
from herne.portal.testing import HERNE_DEMO_INTEGRATION_TESTING
from herne.portal.testing import HERNE_PORTAL_FUNCTIONAL_TESTING
from herne.portal.testing import HERNE_PORTAL_INTEGRATION_TESTING
from pytest_plone import fixtures_factory


#: ``tests.smtp`` gives every test directory the session-wide real SMTP server; the
#: modules in ``tests/fixtures`` are the one home of the fixtures the directories share.
pytest_plugins = [
    "pytest_plone",
    "tests.smtp",
    "tests.fixtures.applications",
    "tests.fixtures.booking",
    "tests.fixtures.browsers",
    "tests.fixtures.catalogue",
    "tests.fixtures.eid",
    "tests.fixtures.rest",
    "tests.fixtures.assist",
    "tests.fixtures.payment",
    "tests.fixtures.fitconnect",
    "tests.fixtures.openapi",
]

#: Layer fixture prefixes of the empty site and of the demo site.
EMPTY_SITE = ("integration", "functional")
DEMO_SITE = ("demo", "demo_functional")


globals().update(
    fixtures_factory(
        (
            (HERNE_PORTAL_INTEGRATION_TESTING, "integration"),
            (HERNE_PORTAL_FUNCTIONAL_TESTING, "functional"),
            (HERNE_DEMO_INTEGRATION_TESTING, "demo"),
            (HERNE_DEMO_FUNCTIONAL_TESTING, "demo_functional"),
        ),
        # Kept up from their first test on, not from the start: see the module docstring.
        keep_session=False,
    )
)


def _site_of(item):
    """'empty', 'demo' or None: which of the two sites the test's fixtures need."""
    names = set(item.fixturenames)
    uses = {
        site
        for site, prefixes in (("empty", EMPTY_SITE), ("demo", DEMO_SITE))
        for prefix in prefixes
        if {prefix, f"{prefix}_class"} & names
    }
    if len(uses) > 1:
        raise RuntimeError(f"{item.nodeid} asks for the empty and the demo site at once")
    return uses.pop() if uses else None


def pytest_collection_modifyitems(session, config, items):
    """Empty-site tests first; every layer test asks for its layers' session fixtures first.

    A session fixture sets its layer up once and keeps it to the end of the run
    (zope.pytestlayer), so no test tears down a layer that a later test needs.
    """
    order = {None: 0, "empty": 1, "demo": 2}
    items.sort(key=lambda item: order[_site_of(item)])  # stable: file order otherwise
    for item in items:
        site = _site_of(item)
        prefixes = EMPTY_SITE if site == "empty" else DEMO_SITE if site == "demo" else ()
        for prefix in prefixes:
            if f"{prefix}_session" not in item.fixturenames:
                item.fixturenames.insert(0, f"{prefix}_session")
