"""The control panel "Terminvergabe": retention days and open bookings per person, on the page and over REST."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest
from tests.fixtures.browsers import demo_password
import transaction


PANEL = "@@herne-booking-controlpanel"
SITE_ADMIN = ("terminverwaltung", "terminverwaltung-2026-geheim")


@pytest.fixture()
def site_admin(rest_portal):
    """A Site Administrator (not Manager) of the demo site."""
    user, password = SITE_ADMIN
    api.user.create(email="termine@example.org", username=user, password=password)
    api.user.grant_roles(username=user, roles=["Site Administrator"])
    transaction.commit()
    return SITE_ADMIN


def record(name):
    transaction.begin()
    return api.portal.get_registry_record(f"herne.portal.booking.{name}")


def test_a_site_administrator_sets_retention_and_limit_in_german(site_admin, browser_as):
    browser = browser_as(*site_admin)
    browser.open(api.portal.get().absolute_url() + "/@@overview-controlpanel")
    assert "Terminvergabe" in browser.contents
    browser.getLink("Terminvergabe").click()
    assert "Termine löschen nach (Tagen)" in browser.contents
    assert "Offene Termine je Person und Leistung" in browser.contents
    assert browser.getControl(name="form.widgets.retention_days").value == "30"
    browser.getControl(name="form.widgets.retention_days").value = "14"
    browser.getControl(name="form.widgets.limit_per_person").value = "2"
    browser.getControl(name="form.buttons.save").click()
    assert record("retention_days") == 14
    assert record("limit_per_person") == 2


def test_a_bad_value_is_refused_next_to_its_field_and_nothing_is_stored(site_admin, browser_as):
    browser = browser_as(*site_admin)
    browser.open(api.portal.get().absolute_url() + "/" + PANEL)
    browser.getControl(name="form.widgets.limit_per_person").value = "0"
    browser.getControl(name="form.widgets.retention_days").value = "viele"
    browser.getControl(name="form.buttons.save").click()
    assert "invalid-feedback" in browser.contents
    assert "Traceback" not in browser.contents
    assert record("limit_per_person") == 1
    assert record("retention_days") == 30


@pytest.mark.parametrize("username", ["redaktion", "sachbearbeitung", "buerger", None])
def test_nobody_else_opens_or_changes_it(rest_portal, api_session, username):
    session = api_session(username, demo_password(username)) if username else api_session()
    page = session.get(PANEL, headers={"Accept": "text/html"})
    assert page.status_code in (401, 403) or "login" in page.url or "insufficient" in page.url
    assert "form.widgets.limit_per_person" not in page.text
    assert session.get("@controlpanels/herne-booking").status_code in (401, 403)
    patched = session.patch("@controlpanels/herne-booking", json={"limit_per_person": 5})
    assert patched.status_code in (401, 403)
    assert record("limit_per_person") == 1


def test_rest_reads_and_writes_the_settings_through_controlpanels(rest_portal, api_session):
    session = api_session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    listed = session.get("@controlpanels").json()
    assert "herne-booking" in [panel["@id"].rsplit("/", 1)[1] for panel in listed]
    panel = session.get("@controlpanels/herne-booking")
    assert panel.status_code == 200, panel.text
    assert panel.json()["data"] == {"retention_days": 30, "limit_per_person": 1}
    assert panel.json()["title"] == "Terminvergabe"

    assert (
        session.patch("@controlpanels/herne-booking", json={"limit_per_person": 3}).status_code
        == 204
    )
    assert record("limit_per_person") == 3
    refused = session.patch("@controlpanels/herne-booking", json={"retention_days": -1})
    assert refused.status_code == 400
    assert record("retention_days") == 30
