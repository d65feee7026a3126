"""One gate decides who may apply; every way of filing a form asks it and files the same way."""

from collective.easyform.config import FORM_ERROR_MARKER
from herne.portal.applications.gate import LOGIN
from herne.portal.applications.gate import NO_SERVICE
from herne.portal.applications.gate import TRUST
from herne.portal.applications.gate import refusal
from herne.portal.applications.gate import service_of
from herne.portal.applications.submission import file_application
from herne.portal.easyform.save_application import application_action
from io import BytesIO
from plone import api
from plone.app.testing import logout
import pytest
from tests.fixtures.applications import HTML_AS_PDF
from tests.fixtures.journeys import applications_of


def form_of(portal, service_id):
    return portal["leistungen"][service_id]["antrag"]


@pytest.mark.parametrize(
    "user,service_id,kind",
    [
        (None, "hundesteuer", LOGIN),
        (None, "fuehrungszeugnis", LOGIN),
        ("buerger", "hundesteuer", None),
        ("buerger", "fuehrungszeugnis", TRUST),
        ("buerger", "wohngeld", TRUST),
        ("buerger", None, NO_SERVICE),
    ],
)
def test_gate(demo, user, service_id, kind):
    portal, request = demo["portal"], demo["request"]
    service = portal["leistungen"][service_id] if service_id else None
    if user is None:
        logout()
        refused = refusal(service, request)
    else:
        with api.env.adopt_user(username=user):
            refused = refusal(service, request)
    assert (refused.kind if refused else None) == kind
    if refused is not None:
        assert refused.message


def test_service_of_a_form(demo):
    portal = demo["portal"]
    assert service_of(form_of(portal, "hundesteuer")) == portal["leistungen"]["hundesteuer"]
    with api.env.adopt_roles(["Manager"]):
        contact = api.content.create(
            container=portal, type="EasyForm", id="kontaktformular", title="K"
        )
    assert service_of(contact) is None


def test_filing_asks_the_gate(demo):
    portal, request = demo["portal"], demo["request"]
    form = form_of(portal, "fuehrungszeugnis")
    with api.env.adopt_user(username="buerger"):
        filed = file_application(form, {"privacy_consent": True}, request, application_action(form))
    assert filed.application is None
    assert "Online-Ausweis (eID)" in filed.errors[FORM_ERROR_MARKER]
    assert len(applications_of("buerger")) == 0


def test_draft_keeps_the_values_but_not_a_disguised_file(citizen, demo_portal):
    browser = citizen()
    browser.open(form_of(demo_portal, "hundesteuer").absolute_url())
    browser.getControl(name="form.widgets.dog_name").value = "Bello"
    browser.getControl(name="form.widgets.transfer_proof").add_file(
        BytesIO(HTML_AS_PDF), "application/pdf", "nachweis.pdf"
    )
    browser.getControl(name="form.buttons.save_draft").click()
    assert "Ihr Entwurf ist gespeichert" in browser.contents
    assert "Nicht gespeichert wurden Dateien" in browser.contents
    (brain,) = applications_of("buerger")
    draft = brain._unrestrictedGetObject()
    assert brain.review_state == "draft"
    assert draft.draft_values["dog_name"] == "Bello"
    assert draft.contentValues() == []


def test_editor_preview_files_nothing_above_their_trust_level(browser_as, demo_portal):
    browser = browser_as("redaktion", "demo-redaktion-2026")
    browser.open(form_of(demo_portal, "fuehrungszeugnis").absolute_url())
    assert "Vorschau für die Redaktion" in browser.contents
    assert "Online-Ausweis (eID)" not in browser.contents
    kind = browser.getControl(name="form.widgets.certificate_kind:list")
    kind.displayValue = ["Privatführungszeugnis"]
    for name, value in {
        "first_name": "Rita",
        "last_name": "Redaktion",
        "birth_date": "1980-01-01",
        "street": "Rathausstraße 6",
        "postcode": "44623",
        "birth_place": "Herne",
    }.items():
        browser.getControl(name=f"form.widgets.{name}").value = value
    browser.getControl(name="form.widgets.privacy_consent:list").value = ["selected"]
    browser.getControl(name="form.buttons.submit").click()
    assert "Online-Ausweis (eID)" in browser.contents
    assert len(applications_of("redaktion")) == 0
