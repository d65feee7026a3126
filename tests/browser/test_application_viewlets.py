"""Plone's document viewlets that say nothing about an application are left off its page, not off other pages."""

from herne.portal.browser.application_viewlets import LEFT_OUT
from herne.portal.browser.application_viewlets import LeftOut
from herne.portal.interfaces import IHernePortalLayer
from plone import api
from plone.app.layout.globals.interfaces import IViewView
import pytest
from tests.fixtures.applications import CLERK
import transaction
from zope.component import getMultiAdapter
from zope.component import queryMultiAdapter
from zope.contentprovider.interfaces import IContentProvider
from zope.dottedname.resolve import resolve
from zope.interface import alsoProvides
from zope.viewlet.interfaces import IViewlet


#: the name of each viewlet manager of ``LEFT_OUT`` on Plone's pages
MANAGER_NAMES = {
    "plone.app.layout.viewlets.interfaces.IHtmlHead": "plone.htmlhead",
    "plone.app.layout.viewlets.interfaces.IAboveContentTitle": "plone.abovecontenttitle",
    "plone.app.layout.viewlets.interfaces.IBelowContentBody": "plone.belowcontentbody",
    "plone.app.layout.viewlets.interfaces.IHtmlHeadLinks": "plone.htmlhead.links",
    "plone.app.layout.viewlets.interfaces.IBelowContent": "plone.belowcontent",
}


def viewlet(context, manager_interface, name):
    """The viewlet ``name`` of the manager as the page of ``context`` looks it up."""
    request = context.REQUEST
    alsoProvides(request, IHernePortalLayer)
    view = getMultiAdapter((context, request), name="view")
    alsoProvides(view, IViewView)  # as the publisher marks the page's view
    manager = getMultiAdapter(
        (context, request, view), IContentProvider, name=MANAGER_NAMES[manager_interface]
    )
    assert resolve(manager_interface).providedBy(manager)
    return queryMultiAdapter((context, request, view, manager), IViewlet, name=name)


@pytest.mark.parametrize(("manager", "name"), LEFT_OUT)
def test_left_off_the_application_kept_on_the_service(
    demo_functional, submitted_application, manager, name
):
    application = submitted_application("hundesteuer", rows=())
    on_application = viewlet(application, manager, name)
    on_service = viewlet(demo_functional["portal"]["leistungen"]["hundesteuer"], manager, name)
    assert isinstance(on_application, LeftOut)
    assert on_service is not None and not isinstance(on_service, LeftOut)


@pytest.mark.parametrize("who", ["citizen", "clerk"])
def test_application_page_still_complete(submitted_application, citizen, browser_as, who):
    application = submitted_application("fuehrungszeugnis")
    browser = citizen() if who == "citizen" else browser_as(*CLERK)
    browser.open(application.absolute_url())
    assert application.reference_number in browser.contents
    assert 'id="viewlet-below-content-body"' in browser.contents


def test_service_page_still_shared(demo_functional, anon_browser):
    """Plone's social tags stay on the pages anyone may open (they are for anonymous visitors only)."""
    api.portal.set_registry_record("plone.share_social_data", True)
    transaction.commit()
    anon_browser.open(demo_functional["portal"]["leistungen"]["fuehrungszeugnis"].absolute_url())
    assert 'property="og:title"' in anon_browser.contents
