"""Plone's icon resolver with the markup kept: the same icons as Plone's, each SVG file read once."""

from herne.portal.browser import icon_resolver
from herne.portal.interfaces import IHernePortalLayer
from plone import api
from plone.registry import field
from plone.registry.record import Record
from Products.CMFPlone.browser import icons
import pytest
import re
from unittest import mock
from zope.component import getMultiAdapter
from zope.interface import alsoProvides


#: icons a citizen's page shows: the personal menu, status messages, a type, a file's type,
#: and a name the registry does not know (Plone's own icon instead)
NAMES = [
    "toolbar-action/logout",
    "plone-statusmessage-info",
    "plone-statusmessage-error",
    "contenttype/document",
    "mimetype-application/pdf",
    "no-such-icon",
]


def resolvers(portal):
    """``@@iconresolver`` as the portal's pages look it up, and Plone's own view."""
    request = portal.REQUEST
    alsoProvides(request, IHernePortalLayer)
    return getMultiAdapter((portal, request), name="iconresolver"), icons.IconsView(portal, request)


@pytest.fixture(autouse=True)
def empty_cache():
    icon_resolver._markup.clear()
    yield
    icon_resolver._markup.clear()


@pytest.mark.parametrize("name", NAMES)
def test_same_markup_as_plones_resolver(demo_portal, name):
    ours, plones = resolvers(demo_portal)
    assert isinstance(ours, icon_resolver.CachedIconsView)
    for tag_class, tag_alt in (
        ("", ""),
        ("statusmessage-icon mb-1 me-2", "Info:"),
        ("icon-inline", ""),
    ):
        expected = plones.tag(name, tag_class=tag_class, tag_alt=tag_alt)
        assert expected.startswith("<svg")
        assert ours.tag(name, tag_class=tag_class, tag_alt=tag_alt) == expected
        # the second time from the cache: still the same
        assert ours.tag(name, tag_class=tag_class, tag_alt=tag_alt) == expected


def test_svg_file_read_once_per_process(demo_portal):
    ours, _plones = resolvers(demo_portal)
    with mock.patch.object(icons.etree, "parse", wraps=icons.etree.parse) as parse:
        first = [ours.tag(name, tag_class="a") for name in NAMES]
        assert parse.call_count == len(NAMES)
        again = [ours.tag(name, tag_class="a") for name in NAMES]
        another_view = resolvers(demo_portal)[0]
        from_another_page = [another_view.tag(name, tag_class="a") for name in NAMES]
    assert parse.call_count == len(NAMES)
    assert again == first == from_another_page


def test_class_and_label_kept_apart(demo_portal):
    ours, _plones = resolvers(demo_portal)
    plain = ours.tag("plone-statusmessage-info")
    labelled = ours.tag(
        "plone-statusmessage-info", tag_class="statusmessage-icon", tag_alt="Fehler:"
    )
    assert "statusmessage-icon" not in plain and "<title>" not in plain
    assert "statusmessage-icon" in labelled and "<title>Fehler:</title>" in labelled
    assert ours.tag("plone-statusmessage-info") == plain


def test_icon_chosen_in_the_registry_shows_at_once(demo_portal):
    ours, plones = resolvers(demo_portal)
    before = ours.tag("contenttype/document")
    api.portal.get_tool("portal_registry").records["plone.icon.contenttype/document"] = Record(
        field.TextLine(), "++plone++bootstrap-icons/briefcase.svg"
    )
    after = ours.tag("contenttype/document")
    assert after != before
    assert "bi-briefcase" in after
    assert after == plones.tag("contenttype/document")


def test_image_icons_keep_the_pages_address(demo_portal):
    """An icon that is no SVG is an ``<img>`` with the site's address: never from the cache."""
    ours, plones = resolvers(demo_portal)
    api.portal.get_tool("portal_registry").records["plone.icon.herne-test-logo"] = Record(
        field.TextLine(), "logo.png"
    )
    tag = ours.tag("herne-test-logo", tag_alt="Herne")
    assert tag == plones.tag("herne-test-logo", tag_alt="Herne")
    assert tag.startswith("<img") and demo_portal.absolute_url() in tag
    assert not icon_resolver._markup._tags


def test_cache_keeps_the_most_recently_used(monkeypatch):
    cache = icon_resolver._Markup(2)
    cache.put("a", "<svg>a</svg>")
    cache.put("b", "<svg>b</svg>")
    assert cache.get("a") == "<svg>a</svg>"  # a used last: b goes first
    cache.put("c", "<svg>c</svg>")
    assert cache.get("b") is None
    assert cache.get("a") == "<svg>a</svg>" and cache.get("c") == "<svg>c</svg>"


def test_citizens_page_shows_the_icons(demo_functional, citizen):
    """The personal menu's and the status message's icons arrive on a real page."""
    browser = citizen()
    browser.open(demo_functional["portal"].absolute_url() + "/@@postkorb")
    assert 'class="plone-icon' in browser.contents
    # tagged by this resolver (the theme writes the markup out again: compare the classes)
    kept = [
        re.search(r'class="([^"]*)"', markup).group(1)
        for markup in icon_resolver._markup._tags.values()
    ]
    assert kept and all(f'class="{css_class}"' in browser.contents for css_class in kept)
