"""The journeys' pages and REST errors speak German: no English UI words, seen or read aloud."""

from html import escape
from lxml import html
from plone import api
import pytest
import re
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import build_application
from tests.fixtures.browsers import demo_password
from tests.fixtures.browsers import make_browser
import transaction


#: English words of Plone's and the theme's user interface that leaked onto German pages.
ENGLISH = [
    "Toggle",
    "navigation",
    "Close",
    "breadcrumb",
    "Pin",
    "view",
    "Logged-in",
    "Enable",
    "Disable",
    "Build",
    "Search",
    "Home",
    "Log in",
    "Log out",
    "Edit",
    "Contents",
    "Sharing",
    "Actions",
    "Display",
    "Cancel",
    "Save",
    "Check out",
    "Check in",
    "Add new",
    "Skip to",
    "not authorized",
    "Error",
    "Powered",
]
ENGLISH_PATTERN = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(word) for word in ENGLISH) + r")(?![\w-])"
)
#: what a screen reader reads besides the visible text
ACCESSIBLE_NAMES = ("aria-label", "title", "alt", "placeholder", "aria-roledescription")
EDITOR = ("redaktion", demo_password("redaktion"))


def readable_texts(page):
    """The visible text and the accessible names of a page, one string per element."""
    tree = html.fromstring(page)
    for element in tree.xpath("//script | //style | //noscript | //template"):
        element.drop_tree()
    texts = [text.strip() for text in tree.xpath("//body//text()") if text.strip()]
    for attribute in ACCESSIBLE_NAMES:
        texts += [value for value in tree.xpath(f"//@{attribute}") if value.strip()]
    # The titles of the page and of its alternate links (RSS feeds) are read too.
    texts += tree.xpath("//head/title/text() | //head/link[@rel='alternate']/@title")
    return texts


#: Python's bytes written into a page (a feed titled "Herne - b'RSS 2.0'")
BYTES_PATTERN = re.compile(r"(?<!\w)(b'|b\")")


def english_in(page):
    return sorted(
        {
            f"{match} in {text!r}"
            for text in readable_texts(page)
            for pattern in (ENGLISH_PATTERN, BYTES_PATTERN)
            for match in pattern.findall(text)
        }
    )


@pytest.fixture()
def pages(demo_functional):
    """Who sees which page on the journeys: anonymous, citizen, clerk, editor."""
    portal = demo_functional["portal"]
    application = build_application(portal, "fuehrungszeugnis")
    transaction.commit()
    service = "leistungen/hundesteuer"
    return portal, [
        (None, ""),
        (None, "leistungen"),
        (None, service),
        (None, f"{service}/antrag"),
        (None, "@@lebenslagen"),
        (None, "@@leistungssuche?SearchableText=Hund"),
        (None, "login"),
        (CITIZEN, "postkorb"),
        (CITIZEN, application.absolute_url()),
        (CLERK, "arbeitskorb"),
        (CLERK, application.absolute_url()),
        (EDITOR, "leistungen"),
        (EDITOR, service),
        (EDITOR, f"{service}/@@content-checkout"),
        (EDITOR, "leistungen/++add++Service"),
        (EDITOR, "organisation/steuern/edit"),
        (EDITOR, f"{service}/@@sharing"),
    ]


def test_pages_of_the_journeys_have_no_english_ui_words(demo_functional, pages):
    portal, visits = pages
    found = {}
    for credentials, path in visits:
        browser = make_browser(demo_functional["app"], *(credentials or ()))
        url = path if path.startswith("http") else f"{portal.absolute_url()}/{path}"
        browser.open(url)
        english = english_in(browser.contents)
        if english:
            found[f"{credentials[0] if credentials else 'anonymous'}: {path}"] = english
    assert found == {}, "\n".join(f"{page}: {words}" for page, words in found.items())


def test_rest_refusal_is_german(api_session, rest_portal):
    # a service page in draft: not for anonymous eyes
    with api.env.adopt_roles(["Manager"]):
        draft = api.content.create(
            container=rest_portal["leistungen"], type="Service", title="Noch nicht öffentlich"
        )
    transaction.commit()
    response = api_session().get(f"leistungen/{draft.getId()}")
    assert response.status_code == 401
    body = response.json()
    assert english_in(f"<p>{escape(body['message'])}</p>") == []
    assert "nicht berechtigt" in body["message"]


def test_rest_sharing_names_logged_in_users_in_german(api_session, rest_portal):
    editor = api_session(*EDITOR)
    editor.headers["Accept-Language"] = "de"
    response = editor.get("leistungen/hundesteuer/@sharing")
    assert response.status_code == 200
    titles = [entry["title"] for entry in response.json()["entries"]]
    assert "Angemeldete Benutzer" in titles
    assert "Logged-in users" not in titles


def test_form_with_an_error_speaks_german(demo_functional):
    """Plone's form macros title their status icon "Error": the editor hears "Fehler"."""
    browser = make_browser(demo_functional["app"], *EDITOR)
    browser.open(f"{demo_functional['portal'].absolute_url()}/leistungen/++add++Service")
    browser.getControl(name="form.widgets.IDublinCore.title").value = "Angelkarte"
    browser.getControl(name="form.widgets.service_key").value = "12"
    browser.getControl(name="form.buttons.save").click()
    assert "Einige Fehler sind aufgetreten" in browser.contents
    assert english_in(browser.contents) == []
    assert "<title>Fehler</title>" in browser.contents
