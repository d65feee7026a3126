"""Plone's main navigation shows the same, but its search never reaches among the applications."""

from herne.portal.applications.areas import APPLICATIONS_FOLDER_ID
from herne.portal.browser.main_navigation import MainNavigation
from plone import api
from tests.fixtures.applications import build_application
import transaction
from unittest import mock


def pages(portal):
    service = portal["leistungen"]["hundesteuer"]
    return [
        portal.absolute_url(),
        portal["leistungen"].absolute_url(),
        service.absolute_url(),
        service.department_object().absolute_url(),
    ]


def test_every_page_shows_the_navigation_plone_would_show(anon_browser, demo_portal):
    build_application(demo_portal)
    transaction.commit()
    for url in pages(demo_portal):
        anon_browser.open(url)
        ours = anon_browser.contents
        with mock.patch.object(MainNavigation, "customize_query", lambda self, query: None):
            anon_browser.open(url)
            plones = anon_browser.contents
        assert 'id="portal-globalnav"' in ours
        assert ours == plones, url


def test_the_navigation_searches_below_its_tabs_only(anon_browser, demo_portal):
    application = build_application(demo_portal)
    transaction.commit()
    applications = "/".join(demo_portal[APPLICATIONS_FOLDER_ID].getPhysicalPath())
    asked = []
    original = MainNavigation.customize_query

    def recording(self, query):
        original(self, query)
        asked.append(query["path"])

    with mock.patch.object(MainNavigation, "customize_query", recording):
        anon_browser.open(demo_portal["leistungen"]["hundesteuer"].absolute_url())
    assert asked
    depth = api.portal.get_registry_record("plone.navigation_depth")
    for path in asked:
        assert isinstance(path["query"], list) and path["query"]
        assert path["depth"] == depth - 1
        assert not any(p == applications or p.startswith(applications + "/") for p in path["query"])
        assert "/".join(demo_portal["leistungen"].getPhysicalPath()) in path["query"]
    assert application.reference_number not in anon_browser.contents
