"""Control panel "E-Payment": bad input refused in German, for site administrators only (the password: tests/controlpanels)."""

from plone import api
import pytest
from tests.fixtures.browsers import demo_password
from tests.fixtures.browsers import open_control_panel
import transaction


PANEL = "@@herne-payment-controlpanel"
SITE_ADMIN = ("stadtkasse", "stadtkasse-2026-geheim")


def fill(browser, **values):
    for name, value in values.items():
        browser.getControl(name=f"form.widgets.{name}").value = value


@pytest.mark.parametrize(
    "values, message",
    [
        ({"department_endpoints": "ordnungsamt"}, "Kurzname-der-Organisationseinheit=Endpoint-ID"),
        ({"booking_text_pattern": "Herne {betrag}"}, "nur die Platzhalter"),
        ({"booking_text_pattern": "Herne {reference.__class__}"}, "nur die Platzhalter"),
        ({"booking_text_pattern": "Herne {"}, "nur die Platzhalter"),
    ],
)
def test_bad_settings_are_refused_next_to_the_field(functional, values, message):
    browser = open_control_panel(functional, PANEL)
    fill(browser, **values)
    browser.getControl(name="form.buttons.save").click()
    assert message in browser.contents
    transaction.abort()
    assert api.portal.get_registry_record("herne.portal.payment.department_endpoints") == []


def test_switching_on_needs_the_service_address_and_originator(functional):
    browser = open_control_panel(functional, PANEL)
    browser.getControl(name="form.widgets.enabled:list").value = ["selected"]
    browser.getControl(name="form.buttons.save").click()
    assert "Adresse des Bezahldienstes und Originator-ID nötig" in browser.contents
    transaction.abort()
    assert api.portal.get_registry_record("herne.portal.payment.enabled") is False


@pytest.fixture()
def site_admin(rest_portal):
    """A Site Administrator (not Manager) of the demo site."""
    api.user.create(email="kasse@example.org", username=SITE_ADMIN[0], password=SITE_ADMIN[1])
    api.user.grant_roles(username=SITE_ADMIN[0], roles=["Site Administrator"])
    transaction.commit()
    return SITE_ADMIN


def test_a_site_administrator_finds_the_panel_in_site_setup(site_admin, browser_as):
    browser = browser_as(*site_admin)
    browser.open(api.portal.get().absolute_url() + "/@@overview-controlpanel")
    browser.getLink("E-Payment").click()
    assert "Originator-ID" in browser.contents and "Passwort: nicht gesetzt." in browser.contents


@pytest.mark.parametrize("username", ["redaktion", "sachbearbeitung", "buerger", None])
def test_nobody_else_opens_it(rest_portal, api_session, username):
    session = api_session(username, demo_password(username)) if username else api_session()
    page = session.get(PANEL, headers={"Accept": "text/html"})
    assert page.status_code in (401, 403) or "login" in page.url or "insufficient" in page.url
    assert "form.widgets.originator_id" not in page.text
