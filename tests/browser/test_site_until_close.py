"""A page is answered even when the connection's cache let the portal's registry go at the close, for visitors refused and served alike."""

from plone.testing.zope import Browser
import pytest
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import apply_for_dog_tax
from zExceptions import Unauthorized


@pytest.fixture()
def tiny_object_cache(demo_functional):
    """Every connection keeps 1 object after its close: the portal's registry turns into a ghost then."""
    db = demo_functional["portal"]._p_jar.db()
    size = db.getCacheSize()
    db.setCacheSize(1)
    yield
    db.setCacheSize(size)


def test_public_and_refused_pages_are_answered(
    demo_functional, citizen, mailbox, tiny_object_cache
):
    portal = demo_functional["portal"]
    apply_for_dog_tax(citizen(), portal)
    (brain,) = applications_of("buerger")

    browser = Browser(demo_functional["app"])
    browser.handleErrors = False
    for _round in range(3):
        browser.open(portal.absolute_url() + "/leistungen/hundesteuer")
        assert "Hundesteuer" in browser.contents
        # Refused, as it must be: not an error about a closed connection.
        with pytest.raises(Unauthorized):
            browser.open(brain.getURL())

    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.open(brain.getURL())
    assert browser.headers["status"].split()[0] in ("200", "401")
    assert "Anmelden" in browser.contents or "login" in browser.url
    assert "HER-" not in browser.contents
