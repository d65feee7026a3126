"""Plone's keywords viewlet on the service pages: same links, the search address looked up once."""

from herne.portal.browser.keywords_viewlet import KeywordsViewlet
from herne.portal.interfaces import IHernePortalLayer
from plone import api
from plone.app.layout.globals.interfaces import IViewView
from plone.app.layout.viewlets.interfaces import IBelowContentBody
import pytest
from unittest import mock
from zope.component import getMultiAdapter
from zope.component import getSiteManager
from zope.interface import alsoProvides
from zope.interface import providedBy
from zope.publisher.interfaces.browser import IDefaultBrowserLayer
from zope.viewlet.interfaces import IViewlet


def viewlets(context):
    """The keywords viewlet on ``context``: as this package renders it, and as Plone does."""
    request = api.portal.get().REQUEST
    alsoProvides(request, IHernePortalLayer)
    view = context.restrictedTraverse("@@view")
    alsoProvides(view, IViewView)  # as the page's main template marks it
    manager = getMultiAdapter(
        (context, request, view), IBelowContentBody, name="plone.belowcontentbody"
    )
    ours = getMultiAdapter((context, request, view, manager), IViewlet, name="plone.keywords")
    plones_class = getSiteManager().adapters.lookup(
        (providedBy(context), IDefaultBrowserLayer, providedBy(view), providedBy(manager)),
        IViewlet,
        name="plone.keywords",
    )
    return ours, plones_class(context, request, view, manager)


def rendered(viewlet):
    viewlet.update()
    return viewlet.render()


def test_service_page_links_each_keyword_to_the_search(anon_browser, demo_portal):
    service = demo_portal["leistungen"]["wohnsitz-anmelden"]
    anon_browser.open(service.absolute_url())
    section = anon_browser.contents.split('<section id="section-category">', 1)[1].split(
        "</section>"
    )[0]
    search = f"{demo_portal.absolute_url()}/@@search?Subject%3Alist="
    for keyword in service.Subject():
        assert f'href="{search}{keyword}"' in section
        assert f"<span>{keyword}</span>" in section


@pytest.mark.parametrize(
    "subjects",
    [(), ("Anmeldung",), ("Umzug & Wohnen", "Führerschein", "a/b?c=d", "<Tag>")],
)
def test_same_links_as_plones_viewlet(demo_portal, subjects):
    service = demo_portal["leistungen"]["hundesteuer"]
    service.setSubject(subjects)
    ours, plones = viewlets(service)
    assert isinstance(ours, KeywordsViewlet)
    html = rendered(ours)
    assert html == rendered(plones)
    assert html.count("btn-outline-primary") == len(subjects)


def test_search_address_asked_once_for_all_keywords(demo_portal):
    service = demo_portal["leistungen"]["hundesteuer"]
    service.setSubject(("Hund", "Steuer", "Anmeldung", "Abmeldung"))
    ours, _plones = viewlets(service)
    from plone.app.layout.globals.portal import PortalState

    with mock.patch.object(
        PortalState,
        "navigation_root_url",
        autospec=True,
        side_effect=PortalState.navigation_root_url,
    ) as asked:
        html = rendered(ours)
    assert html.count("@@search?Subject%3Alist=") == 4
    assert asked.call_count == 1
