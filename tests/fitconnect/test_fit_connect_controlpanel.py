"""Control panel "FIT-Connect": bad lines refused in German, destinations per service (the client secret: tests/controlpanels)."""

from cryptography.hazmat.primitives import serialization
from herne.portal.fitconnect.settings import destination_for
from herne.portal.fitconnect.test_pki import Authority
from plone import api
import pytest
from tests.fixtures.browsers import open_control_panel
import transaction


PANEL = "@@herne-fit-connect-controlpanel"
DESTINATION = "0b7c4a52-1d7e-4f3a-9b8e-2a6d3c1f5e90"
ROOT = Authority("Wurzel der Testumgebung")
LEAF = (
    ROOT.issue(ROOT.key.public_key(), "Zustellpunkt")
    .public_bytes(serialization.Encoding.PEM)
    .decode()
)


def fill(browser, **values):
    for name, value in values.items():
        browser.getControl(name=f"form.widgets.{name}").value = value


@pytest.mark.parametrize(
    "values, message",
    [
        ({"destinations": "steuern"}, "Kurzname=Zustellpunkt-ID"),
        ({"destinations": "steuern=keine-uuid"}, "Kurzname=Zustellpunkt-ID"),
        ({"token_url": "", "client_id": ""}, "Token-Dienst, Submission API und Client-ID"),
        ({"trusted_roots": ""}, "Ohne vertrauenswürdiges Wurzelzertifikat"),
        ({"trusted_roots": "kein Zertifikat"}, "Zertifikate im PEM-Format"),
        ({"trusted_roots": LEAF}, "von Zertifizierungsstellen (CA)"),
    ],
)
def test_bad_settings_are_refused_in_german_and_nothing_is_saved(functional, values, message):
    browser = open_control_panel(functional, PANEL)
    browser.getControl(name="form.widgets.enabled:list").value = ["selected"]
    settings = {"token_url": "https://auth.example/token", "api_url": "https://s.example"}
    settings["trusted_roots"] = ROOT.root_pem()
    fill(browser, **{**settings, "client_id": "herne", **values})
    browser.getControl(name="form.buttons.save").click()
    assert message in browser.contents
    transaction.abort()
    assert api.portal.get_registry_record("herne.portal.fitconnect.enabled") is False


def test_the_services_line_wins_over_its_departments(demo):
    services = demo["portal"]["leistungen"]
    other = "9a9a9a9a-1d7e-4f3a-9b8e-2a6d3c1f5e90"
    api.portal.set_registry_record("herne.portal.fitconnect.enabled", True)
    api.portal.set_registry_record(
        "herne.portal.fitconnect.destinations",
        [f"steuern={DESTINATION}", f"hundesteuerbefreiung={other}"],
    )
    assert destination_for(services["hundesteuer"]) == DESTINATION
    assert destination_for(services["hundesteuerbefreiung"]) == other
    assert destination_for(services["wohngeld"]) == ""
    api.portal.set_registry_record("herne.portal.fitconnect.enabled", False)
    assert destination_for(services["hundesteuer"]) == ""


def test_a_root_certificate_is_kept(functional):
    browser = open_control_panel(functional, PANEL)
    fill(browser, trusted_roots=ROOT.root_pem())
    browser.getControl(name="form.buttons.save").click()
    transaction.abort()
    assert "BEGIN CERTIFICATE" in api.portal.get_registry_record(
        "herne.portal.fitconnect.trusted_roots"
    )
