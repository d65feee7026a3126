"""The editorial team chooses the front page's featured services; citizens and clerks cannot."""

from plone.testing.zope import Browser
import pytest
import re
from tests.fixtures.browsers import demo_password
from urllib.parse import urlencode


PANEL = "@@herne-front-page-controlpanel"
CITIZEN = "buerger"
CLERK = "sachbearbeitung"


def featured_titles(browser):
    page = re.sub(r"\s+", " ", browser.contents)
    featured = page.split("Häufig genutzte Leistungen", 1)[1].split("</section>", 1)[0]
    return re.findall(r'class="fw-bold" href="[^"]+">([^<]+)</a>', featured)


def refused(demo_functional, username, url):
    """Whether ``username`` is refused ``url``: 401/403 or sent to the log-in or refusal page."""
    browser = Browser(demo_functional["app"])
    browser.raiseHttpErrors = False
    browser.addHeader("Authorization", f"Basic {username}:{demo_password(username)}")
    browser.open(url)
    status = browser.headers["status"].split()[0]
    return status in ("401", "403") or browser.url.endswith(("/insufficient-privileges", "/login"))


def test_editor_chooses_featured_services_and_visitors_see_them(
    demo_portal, browser_as, anon_browser
):
    editor = browser_as("redaktion", demo_password("redaktion"))
    editor.open(demo_portal.absolute_url())
    editor.getLink("Startseite bearbeiten").click()
    assert editor.url == f"{demo_portal.absolute_url()}/{PANEL}"
    assert "Häufig genutzte Leistungen" in editor.contents
    assert "overview-controlpanel" not in editor.contents  # no site setup the editor cannot use
    services = demo_portal["leistungen"]
    token = editor.getControl(name="_authenticator").value
    # What the ordered selection sends once the editor has chosen two services.
    editor.post(
        f"{demo_portal.absolute_url()}/{PANEL}",
        urlencode(
            [
                ("form.widgets.featured_services:list", services["hundesteuer"].UID()),
                ("form.widgets.featured_services:list", services["wohngeld"].UID()),
                ("form.widgets.featured_services-empty-marker", "1"),
                ("form.buttons.save", "Sichern"),
                ("_authenticator", token),
            ]
        ),
    )
    assert "Änderungen wurden gespeichert." in editor.contents
    anon_browser.open(demo_portal.absolute_url())
    assert featured_titles(anon_browser) == ["Hundesteuer an- und abmelden", "Wohngeld beantragen"]
    assert "Startseite bearbeiten" not in anon_browser.contents


def test_editor_holds_no_site_administration(demo_functional, demo_portal):
    for path in (
        "@@overview-controlpanel",
        "@@herne-portal-controlpanel",
        "@@usergroup-userprefs",
        "@@ozg-dashboard",
    ):
        assert refused(demo_functional, "redaktion", f"{demo_portal.absolute_url()}/{path}"), path


def test_editor_cancels_back_to_the_front_page(demo_portal, browser_as):
    editor = browser_as("redaktion", demo_password("redaktion"))
    editor.open(f"{demo_portal.absolute_url()}/{PANEL}")
    editor.getControl(name="form.buttons.cancel").click()
    assert editor.url.rstrip("/") == demo_portal.absolute_url()
    assert "Serviceportal der Stadt Herne" in editor.contents


@pytest.mark.parametrize("username", [CITIZEN, CLERK])
def test_citizen_and_clerk_cannot_open_the_panel(demo_functional, demo_portal, username):
    assert refused(demo_functional, username, f"{demo_portal.absolute_url()}/{PANEL}")


@pytest.mark.parametrize("username", [CITIZEN, CLERK])
def test_citizen_and_clerk_see_no_edit_link(demo_portal, browser_as, username):
    visitor = browser_as(username, demo_password(username))
    visitor.open(demo_portal.absolute_url())
    assert "Startseite bearbeiten" not in visitor.contents


def test_editor_chooses_featured_services_through_rest(api_session, demo_portal):
    services = demo_portal["leistungen"]
    editor = api_session("redaktion", demo_password("redaktion"))
    response = editor.patch(
        "@startseite",
        json={
            "featured_services": [
                services["wohngeld"].absolute_url(),
                services["personalausweis"].UID(),
            ]
        },
    )
    assert response.status_code == 200, response.text
    assert [item["title"] for item in response.json()["featured_services"]] == [
        "Wohngeld beantragen",
        "Personalausweis beantragen",
    ]
    shown = api_session().get("@startseite").json()["featured_services"]
    assert [item["title"] for item in shown] == [
        "Wohngeld beantragen",
        "Personalausweis beantragen",
    ]


def test_rest_refuses_what_is_no_published_service(api_session, demo_portal):
    editor = api_session("redaktion", demo_password("redaktion"))
    before = api_session().get("@startseite").json()["featured_services"]
    response = editor.patch("@startseite", json={"featured_services": ["gibt-es-nicht"]})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Keine veröffentlichte Leistung: gibt-es-nicht"
    response = editor.patch("@startseite", json={"featured_services": "hundesteuer"})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Bitte geben Sie eine Liste von Leistungen an."
    assert api_session().get("@startseite").json()["featured_services"] == before


@pytest.mark.parametrize("username", [CITIZEN, CLERK, None])
def test_rest_refuses_citizen_clerk_and_anonymous(api_session, demo_portal, username):
    session = api_session(username, demo_password(username) if username else None)
    before = api_session().get("@startseite").json()["featured_services"]
    response = session.patch(
        "@startseite", json={"featured_services": [demo_portal["leistungen"]["wohngeld"].UID()]}
    )
    assert response.status_code in (401, 403)
    assert api_session().get("@startseite").json()["featured_services"] == before
