"""Plone's navigation portlet on the service pages: same tree, icons parsed once per process (icon_resolver)."""

from herne.portal.browser import icon_resolver
from herne.portal.browser import navigation_portlet
from herne.portal.interfaces import IHernePortalLayer
from plone import api
from plone.app.portlets.portlets import navigation
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from plone.portlets.interfaces import IPortletRenderer
from Products.CMFPlone.browser import icons
import pytest
import re
from unittest import mock
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.interface import alsoProvides


def renderers(context):
    """The site's navigation portlet on ``context``: as this package renders it, and as Plone does."""
    portal = api.portal.get()
    request = portal.REQUEST
    alsoProvides(request, IHernePortalLayer)
    manager = getUtility(IPortletManager, name="plone.leftcolumn", context=portal)
    assignment = getMultiAdapter((portal, manager), IPortletAssignmentMapping)["navigation"]
    view = context.restrictedTraverse("@@view")
    ours = getMultiAdapter((context, request, view, manager, assignment), IPortletRenderer)
    plones = navigation.Renderer(context, request, view, manager, assignment)
    return ours, plones


def rendered(renderer):
    renderer.update()
    return renderer.render() if renderer.available else None


def entries(html):
    """(href, class of the link, inline SVG's class) of each entry of the tree."""
    return re.findall(r'<a href="([^"]+)"[^>]*class="([^"]*)">\s*<svg[^>]*class="([^"]*)"', html)


def test_service_page_marks_itself_and_links_its_form(anon_browser, demo_portal):
    service = demo_portal["leistungen"]["hundesteuer"]
    anon_browser.open(service.absolute_url())
    portlet = anon_browser.contents[anon_browser.contents.index("portletNavigationTree") :]
    found = entries(portlet)
    assert [href for href, _link, _icon in found] == [
        service.absolute_url(),
        service["antrag"].absolute_url(),
    ]
    (_, service_link, service_icon), (_, form_link, form_icon) = found
    assert "navTreeCurrentItem" in service_link.split()
    assert "navTreeCurrentItem" not in form_link.split()
    assert "plone-icon" in service_icon.split() and "plone-icon" in form_icon.split()
    # the service's title and summary name the link for assistive technology
    assert service.title in portlet
    assert f'title="{service.description}"' in portlet


@pytest.mark.parametrize(
    "path",
    [
        "leistungen/hundesteuer",
        "leistungen/hundesteuer/antrag",
        "leistungen/wohngeld",
        "tr/leistungen/hundesteuer",
    ],
)
def test_same_tree_as_plones_renderer(demo_portal, path):
    context = demo_portal.unrestrictedTraverse(path)
    ours, plones = renderers(context)
    assert isinstance(ours, navigation_portlet.NavigationRenderer)
    html = rendered(ours)
    assert html is not None and "navTreeCurrentItem" in html
    assert html == rendered(plones)


def test_icon_file_parsed_once_per_process(demo_portal):
    context = demo_portal["leistungen"]["hundesteuer"]
    icon_resolver._markup.clear()
    with mock.patch.object(icons.etree, "parse", wraps=icons.etree.parse) as parse:
        first = rendered(renderers(context)[0])
        parsed_first = parse.call_count
        second = rendered(renderers(context)[0])
    assert parsed_first == 2  # the service's icon and the form's
    assert parse.call_count == parsed_first
    assert second == first


def test_icon_chosen_in_the_registry_shows_at_once(demo_portal):
    """A type's icon set in the registry (``plone.icon.contenttype/…``) replaces the cached one."""
    context = demo_portal["leistungen"]["hundesteuer"]
    before = rendered(renderers(context)[0])
    _set_icon("plone.icon.contenttype/service", "++plone++bootstrap-icons/briefcase.svg")
    after = rendered(renderers(context)[0])
    assert "bi-briefcase" not in before
    assert after.count("bi-briefcase") == 1
    assert after == rendered(renderers(context)[1])


def _set_icon(name, value):
    from plone.registry import field
    from plone.registry.record import Record

    api.portal.get_tool("portal_registry").records[name] = Record(field.TextLine(), value)
