"""The application page has no portlets beside it; the site's navigation stays in the main navigation and the breadcrumbs."""

from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import build_application
from tests.fixtures.browsers import make_browser
import transaction


SIDE_PORTLETS = ("portletNavigationTree", "portal-column-one", "portal-column-two")


def test_application_page_has_no_side_portlets_for_citizen_and_clerk(demo_functional):
    application = build_application(demo_functional["portal"], "fuehrungszeugnis")
    transaction.commit()
    for credentials in (CITIZEN, CLERK):
        browser = make_browser(demo_functional["app"], *credentials)
        browser.open(application.absolute_url())
        assert application.reference_number in browser.contents
        for marker in SIDE_PORTLETS:
            assert marker not in browser.contents, (credentials[0], marker)
        # the way back into the site is still there
        assert 'id="portal-globalnav"' in browser.contents
        assert 'id="portal-breadcrumbs"' in browser.contents


def test_service_pages_keep_their_navigation_portlet(demo_functional):
    service = demo_functional["portal"]["leistungen"]["hundesteuer"]
    browser = make_browser(demo_functional["app"])
    browser.open(service.absolute_url())
    assert "portletNavigationTree" in browser.contents
    assert "portal-column-one" in browser.contents
