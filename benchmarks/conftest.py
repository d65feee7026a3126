"""The benchmarks run on the same test layers as the suite (in-process WSGI, demo content)."""

from herne.portal.testing import HERNE_DEMO_FUNCTIONAL_TESTING
from pytest_plone import fixtures_factory


pytest_plugins = ["pytest_plone"]

globals().update(fixtures_factory(((HERNE_DEMO_FUNCTIONAL_TESTING, "demo_functional"),)))
