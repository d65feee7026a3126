"""Pytest fixtures of herne.portal, built from the layers in herne.portal.testing."""

from herne.portal.testing import HERNE_DEMO_FUNCTIONAL_TESTING
from herne.portal.testing import HERNE_DEMO_INTEGRATION_TESTING
from herne.portal.testing import HERNE_PORTAL_FUNCTIONAL_TESTING
from herne.portal.testing import HERNE_PORTAL_INTEGRATION_TESTING
from pytest_plone import fixtures_factory


#: ``tests.smtp`` gives every test directory the session-wide real SMTP server.
pytest_plugins = ["pytest_plone", "tests.smtp"]


globals().update(
    fixtures_factory(
        (
            (HERNE_PORTAL_FUNCTIONAL_TESTING, "functional"),
            (HERNE_PORTAL_INTEGRATION_TESTING, "integration"),
            (HERNE_DEMO_INTEGRATION_TESTING, "demo"),
            (HERNE_DEMO_FUNCTIONAL_TESTING, "demo_functional"),
        )
    )
)
