"""Public pages are marked for shared caches for anonymous visitors only; personal pages never; edits purge."""

from herne.portal.caching import site_listing_paths
from plone import api
from plone.cachepurging.hooks import KEY
from plone.cachepurging.utils import getPathsToPurge
import pytest
import re
import requests
from tests.fixtures.applications import CITIZEN
from zope.annotation.interfaces import IAnnotations
from zope.event import notify
from zope.globalrequest import getRequest
from zope.lifecycleevent import ObjectModifiedEvent


PUBLIC_PAGES = ("", "/leistungen", "/leistungen/hundesteuer", "/@@lebenslagen")


def shared_max_age(response):
    """Seconds a shared cache may keep the response (0 when it may not)."""
    found = re.search(r"s-maxage=(\d+)", response.headers.get("Cache-Control", ""))
    return int(found.group(1)) if found else 0


def get(url, auth=None, **headers):
    return requests.get(url, auth=auth, headers=headers, timeout=60, allow_redirects=False)


@pytest.fixture()
def portal_url(demo_functional):
    return demo_functional["portal"].absolute_url()


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_anonymous_public_pages_may_be_kept_by_a_shared_cache(portal_url, page):
    response = get(portal_url + page)
    assert response.status_code == 200
    assert shared_max_age(response) == 600, response.headers.get("Cache-Control")
    # the browser asks again each time; the cache in front answers
    assert "max-age=0" in response.headers["Cache-Control"]
    # one copy per interface language
    assert "Accept-Language" in response.headers.get("Vary", "")


def test_department_page_is_a_public_page(portal_url, demo_portal):
    catalog = api.portal.get_tool("portal_catalog")
    department = catalog(portal_type="Department", review_state="published")[0]
    assert shared_max_age(get(department.getURL())) == 600


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_logged_in_visitors_get_no_shared_caching(portal_url, page):
    response = get(portal_url + page, auth=CITIZEN)
    assert response.status_code == 200
    assert shared_max_age(response) == 0, response.headers.get("Cache-Control")


@pytest.mark.parametrize(
    "page",
    (
        "/@@postkorb",
        "/leistungen/hundesteuer/antrag",
        "/login",
        "/@@leistungssuche?SearchableText=Hund",
    ),
)
def test_personal_pages_and_forms_are_never_marked_for_shared_caches(portal_url, page):
    for auth in (None, CITIZEN):
        response = get(portal_url + page, auth=auth)
        assert response.status_code in (200, 302), (page, response.status_code)
        assert shared_max_age(response) == 0, (page, auth, response.headers.get("Cache-Control"))


def test_an_application_page_and_its_rest_answer_are_never_marked(
    portal_url, submitted_application
):
    application = submitted_application()
    url = application.absolute_url()
    for headers in ({}, {"Accept": "application/json"}):
        response = get(url, auth=CITIZEN, **headers)
        assert response.status_code == 200
        assert shared_max_age(response) == 0, response.headers.get("Cache-Control")


def test_rest_answer_of_a_public_page_is_not_marked(portal_url):
    response = get(portal_url + "/leistungen/hundesteuer", Accept="application/json")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    assert shared_max_age(response) == 0


def test_editing_a_service_purges_it_and_the_listings(demo):
    portal = demo["portal"]
    service = portal["leistungen"]["hundesteuer"]
    registry_prefix = "plone.cachepurging.interfaces.ICachePurgingSettings"
    api.portal.set_registry_record(f"{registry_prefix}.enabled", True)
    api.portal.set_registry_record(f"{registry_prefix}.cachingProxies", ("http://127.0.0.1:1",))
    notify(ObjectModifiedEvent(service))
    queued = IAnnotations(getRequest())[KEY]
    root = "/" + portal.virtual_url_path()
    # one bare path per page: the cache purges each page under all its addresses
    for path in (
        f"{root}/leistungen/hundesteuer",
        f"{root}/leistungen",
        f"{root}/leistungen/leistungen-a-z",
        root,
        f"{root}/startseite",
        f"{root}/lebenslagen",
    ):
        assert path in queued, path


def test_editing_a_department_purges_the_pages_of_its_services(demo):
    portal = demo["portal"]
    service = portal["leistungen"]["hundesteuer"]
    department = service.department_object()
    paths = set(getPathsToPurge(department, getRequest()))
    assert "/" + service.virtual_url_path() in paths
    assert "/" + department.virtual_url_path() in paths


def test_front_page_settings_purge_the_front_page(demo):
    portal = demo["portal"]
    registry_prefix = "plone.cachepurging.interfaces.ICachePurgingSettings"
    api.portal.set_registry_record(f"{registry_prefix}.enabled", True)
    api.portal.set_registry_record(f"{registry_prefix}.cachingProxies", ("http://127.0.0.1:1",))
    annotations = IAnnotations(getRequest())
    annotations.pop(KEY, None)
    record = "herne.portal.front_page.featured_services"
    api.portal.set_registry_record(record, list(api.portal.get_registry_record(record))[:1])
    assert "/" + portal.virtual_url_path() in annotations[KEY]
    assert set(site_listing_paths()) <= annotations[KEY]
