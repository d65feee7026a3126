"""Citizens see no editing toolbar, byline or content tools; the city's staff keep theirs."""

from plone.testing.zope import Browser
import pytest
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import bring_to
from tests.fixtures.applications import build_application
from tests.fixtures.applications import draft_application
import transaction


#: What Plone's toolbar and byline put on a page, by id and by German label.
CMS_MARKS = [
    'id="contentview-edit"',
    'id="plone-contentmenu-workflow"',
    'id="plone-contentmenu-actions"',
    'id="plone-contentmenu-display"',
    'id="contentview-folderContents"',
    'id="section-byline"',
    "URL-Verwaltung",
    "Kopieren",
    "Darstellung",
    "zuletzt geändert",
]
#: Plone's content tools, called directly on the citizen's own application.
DIRECT_CALLS = [
    "object_copy",
    "object_cut",
    "@@manage-aliases",
    "@@folder_contents",
    "@@edit",
    "selectViewTemplate?templateId=view",
]


@pytest.fixture()
def own_application(demo_functional):
    """The demo citizen's life certificate application, waiting for the citizen's answer."""
    application = draft_application(demo_functional["portal"])
    bring_to(application, "info_requested")
    transaction.commit()
    return application


def personal_bar_is_kept(browser):
    """Postkorb, Profil (Meine Einstellungen) and Abmelden; not Plone's portlet dashboard."""
    assert 'id="personaltools-menulink"' in browser.contents
    for label in ("Postkorb", "Meine Einstellungen", "Abmelden"):
        assert label in browser.contents, label
    assert "Persönliche Seite" not in browser.contents
    assert 'id="personaltools-dashboard"' not in browser.contents


def test_citizen_sees_no_cms_on_own_application(own_application, citizen):
    owner = citizen()
    owner.open(own_application.absolute_url())
    assert "Antwort senden" in owner.contents  # the page itself is there
    for mark in CMS_MARKS:
        assert mark not in owner.contents, mark
    personal_bar_is_kept(owner)


@pytest.mark.parametrize(
    "path", ["@@postkorb", "leistungen/hundesteuer/antrag", "leistungen/hundesteuer"]
)
def test_citizen_sees_no_byline_on_portal_pages(demo_functional, citizen, path):
    owner = citizen()
    owner.open(f"{demo_functional['portal'].absolute_url()}/{path}")
    for mark in CMS_MARKS:
        assert mark not in owner.contents, (path, mark)
    personal_bar_is_kept(owner)


@pytest.mark.parametrize("call", DIRECT_CALLS)
def test_content_tools_answer_403_or_log_in_page(demo_functional, own_application, call):
    from tests.fixtures.browsers import demo_password

    owner = Browser(demo_functional["app"])
    owner.raiseHttpErrors = False
    owner.addHeader("Authorization", f"Basic buerger:{demo_password('buerger')}")
    owner.open(f"{own_application.absolute_url()}/{call}")
    refused = owner.headers["status"].split()[0] in ("401", "403")
    assert refused or owner.url.endswith(("/insufficient-privileges", "/login")), owner.url
    assert "__cp" not in owner.cookies  # nothing was put on the clipboard


def test_clerk_keeps_the_toolbar_and_the_processing_tools(submitted_application, browser_as):
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    clerk.open(application.absolute_url())
    assert 'id="plone-contentmenu-workflow"' in clerk.contents
    assert "Bearbeitung beginnen" in clerk.contents
    assert "Arbeitskorb" in clerk.contents
    assert "Persönliche Seite" in clerk.contents


def test_editor_keeps_edit_and_byline_on_the_service(demo_functional, browser_as):
    from tests.fixtures.browsers import demo_password

    editor = browser_as("redaktion", demo_password("redaktion"))
    editor.open(demo_functional["portal"]["leistungen"]["hundesteuer"].absolute_url())
    assert 'id="section-byline"' in editor.contents
    assert 'id="plone-contentmenu-actions"' in editor.contents


def test_own_draft_shows_no_edit_tab_or_byline(demo_functional, citizen):
    """A citizen who is Owner of a fresh draft (may edit it) still gets no edit tab."""
    application = build_application(demo_functional["portal"], "hundesteuer", submit=False)
    transaction.commit()
    owner = citizen()
    owner.open(application.absolute_url())
    assert 'id="contentview-edit"' not in owner.contents
    assert 'id="section-byline"' not in owner.contents
