"""Each overridden Plone template keeps a copy of its upstream original that matches Plone."""

import difflib
from herne.portal.browser.toolbar import AccessibleToolbar
from herne.portal.interfaces import IHernePortalLayer
from importlib.util import find_spec
from pathlib import Path
from plone.formwidget.namedfile.widget import NamedFileWidget
import pytest
from zope.component import getMultiAdapter
from zope.interface import alsoProvides
from zope.pagetemplate.interfaces import IPageTemplate


OVERRIDES = Path(__file__).parents[2] / "src" / "herne" / "portal" / "browser" / "overrides"
UPSTREAM = OVERRIDES / "upstream"


def installed_template(name):
    """The installed file a name like ``plone.app.layout.viewlets.toolbar.pt`` stands for.

    As z3c.jbot reads it: the longest dotted prefix that is a package, then the rest
    as the path of the template inside it.
    """
    parts = name.removesuffix(".pt").split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            spec = find_spec(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        if spec is None or not spec.submodule_search_locations:
            continue
        for location in spec.submodule_search_locations:
            path = Path(location).joinpath(*parts[cut:-1], f"{parts[-1]}.pt")
            if path.is_file():
                return path
    raise LookupError(f"no installed template for {name}")


def test_every_override_keeps_its_upstream_original():
    overrides = {path.name for path in OVERRIDES.glob("*.pt")}
    originals = {path.name for path in UPSTREAM.glob("*.pt")}
    assert overrides
    assert overrides == originals


@pytest.mark.parametrize("name", sorted(path.name for path in UPSTREAM.glob("*.pt")))
def test_upstream_original_is_unchanged(name):
    """A Plone upgrade that changes an overridden template fails here: merge its changes."""
    stored = (UPSTREAM / name).read_text(encoding="utf-8")
    installed_path = installed_template(name)
    installed = installed_path.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            stored.splitlines(keepends=True),
            installed.splitlines(keepends=True),
            fromfile=f"stored upstream/{name}",
            tofile=str(installed_path),
        )
    )
    assert stored == installed, (
        f"The installed {installed_path} changed; carry the change into overrides/{name} "
        f"and store the new original in overrides/upstream/{name}:\n{diff}"
    )


@pytest.fixture
def layer_request(portal):
    request = portal.REQUEST
    alsoProvides(request, IHernePortalLayer)
    return request


def _is_override(template, name):
    return Path(template.filename).resolve() == (OVERRIDES / name).resolve()


def test_toolbar_uses_the_override():
    assert _is_override(AccessibleToolbar.custom_template, "plone.app.layout.viewlets.toolbar.pt")


def test_file_widget_uses_the_override(portal, layer_request):
    widget = NamedFileWidget(layer_request)
    template = getMultiAdapter(
        (portal, layer_request, None, None, widget), IPageTemplate, name="input"
    )
    assert _is_override(template, "plone.app.z3cform.templates.file_input.pt")


def test_login_form_uses_the_override(portal, layer_request):
    view = getMultiAdapter((portal, layer_request), name="login")
    assert _is_override(view.index, "Products.CMFPlone.browser.login.templates.login.pt")


def test_navigation_portlet_uses_the_override():
    from herne.portal.browser.navigation_portlet import NavigationRenderer

    assert _is_override(
        NavigationRenderer.recurse, "plone.app.portlets.portlets.navigation_recurse.pt"
    )


def test_keywords_viewlet_uses_the_override():
    from herne.portal.browser.keywords_viewlet import KeywordsViewlet

    assert _is_override(KeywordsViewlet.index, "plone.app.layout.viewlets.keywords.pt")
