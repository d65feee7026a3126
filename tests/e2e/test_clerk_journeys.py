"""Clerk and citizen in two browsers: originals at the counter, and an information request answered."""

from playwright.sync_api import expect
from plone import api
import pytest
import re
from tests.fixtures.applications import FIRST_NAME_ROW
from tests.fixtures.applications import PDF
from tests.fixtures.applications import build_application
import transaction


pytestmark = pytest.mark.browser


def submit_as_citizen(portal, service_id, userid="buerger"):
    """An application of the demo citizen, submitted and committed for the served site."""
    application = build_application(
        portal, service_id, userid, name="Bernd Bergmann", rows=[FIRST_NAME_ROW]
    )
    reference = application.reference_number
    transaction.commit()
    return reference


def take_step(page, title):
    page.get_by_role("button", name=title, exact=True).click()
    page.wait_for_load_state()


def open_from_worklist(person, reference):
    page = person.goto("arbeitskorb")
    person.check("Arbeitskorb")
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_text(f"Aktenzeichen: {reference}")).to_be_visible()
    return page


def open_from_postkorb(person, reference):
    page = person.goto("postkorb")
    row = page.get_by_role("row", name=re.compile(reference))
    row.get_by_role("link").first.click()
    expect(page.get_by_text(f"Aktenzeichen: {reference}")).to_be_visible()
    return page


class TestOriginalsAtTheCounter:
    @pytest.fixture(autouse=True)
    def life_certificate(self, site):
        # The Wanne office handles life certificates; the demo clerk works there too today.
        api.group.add_user(groupname="clerks-buergerdienste-wanne", username="sachbearbeitung")
        self.reference = submit_as_citizen(site, "lebensbescheinigung")

    def test_originals_requested_shown_ticked_approved_and_sent(self, journey):
        clerk = journey("lebensbescheinigung-sachbearbeitung")
        clerk.login("sachbearbeitung", "demo-sachbearbeitung-2026")
        page = open_from_worklist(clerk, self.reference)
        take_step(page, "Bearbeitung beginnen")
        take_step(page, "Originale anfordern")
        expect(page.get_by_text("Originale vorlegen").first).to_be_visible()
        clerk.check("Originale angefordert")

        citizen = journey("lebensbescheinigung-buerger")
        citizen.login("buerger", "demo-buerger-2026")
        mine = open_from_postkorb(citizen, self.reference)
        originals = mine.locator("section.herne-originals")
        expect(originals).to_contain_text("Original-Vordruck des Rentenversicherungsträgers")
        expect(originals).to_contain_text("Personalausweis oder Reisepass")
        expect(originals.get_by_text("noch nicht vorgelegt")).to_have_count(2)
        where = originals.get_by_role("heading", name="Wo Sie die Originale vorzeigen")
        expect(where).to_be_visible()
        expect(originals).to_contain_text("Bürgerdienste Wanne")
        expect(mine.get_by_role("heading", name="Sie sind am Zug")).to_be_visible()
        citizen.check("Originale vorzeigen")

        page.reload()
        for _ in range(2):
            page.get_by_role("button", name="Als vorgelegt abhaken").first.click()
            page.wait_for_load_state()
        expect(page.get_by_role("button", name="Als vorgelegt abhaken")).to_have_count(0)
        clerk.check("Originale abgehakt")
        if page.get_by_role("button", name="Originale vollständig", exact=True).count():
            take_step(page, "Originale vollständig")
        take_step(page, "Genehmigen")
        take_step(page, "Per Post versenden")
        expect(page.get_by_text("Per Post versandt").first).to_be_visible()
        clerk.check("Per Post versandt (Sachbearbeitung)")

        mine = open_from_postkorb(citizen, self.reference)
        expect(mine.get_by_text("Per Post versandt").first).to_be_visible()
        expect(mine.locator("section.herne-originals")).not_to_contain_text("noch nicht vorgelegt")
        citizen.check("Per Post versandt (Bürger)")
        postkorb = citizen.goto("postkorb")
        closed = postkorb.locator("section.herne-postkorb-closed")
        expect(closed.get_by_role("row", name=re.compile(self.reference))).to_contain_text(
            "Per Post versandt"
        )


class TestInformationRequest:
    @pytest.fixture(autouse=True)
    def housing_benefit(self, site):
        self.reference = submit_as_citizen(site, "wohngeld")

    def test_clerk_asks_citizen_answers_with_a_new_upload(self, journey):
        clerk = journey("wohngeld-sachbearbeitung")
        clerk.login("sachbearbeitung-wohngeld", "demo-sachbearbeitung-wohngeld-2026")
        page = open_from_worklist(clerk, self.reference)
        take_step(page, "Bearbeitung beginnen")
        page.get_by_label(re.compile("^Bemerkung")).fill(
            "Bitte laden Sie die Kontoauszüge der letzten drei Monate hoch."
        )
        take_step(page, "Unterlagen nachfordern")
        expect(page.get_by_text("Unterlagen nachgefordert").first).to_be_visible()
        clerk.check("Unterlagen nachgefordert")

        citizen = journey("wohngeld-buerger")
        citizen.login("buerger", "demo-buerger-2026")
        postkorb = citizen.goto("postkorb")
        row = postkorb.get_by_role("row", name=re.compile(self.reference))
        expect(row).to_contain_text("Sie sind am Zug")
        citizen.check("Postkorb: Sie sind am Zug")
        mine = open_from_postkorb(citizen, self.reference)
        request = mine.locator("section.herne-info-request")
        expect(request).to_contain_text("Kontoauszüge der letzten drei Monate")
        citizen.check("Nachforderung")

        # Sending without text is refused next to the field, and nothing is lost.
        mine.get_by_label("Unterlage 1 (PDF, JPEG oder PNG)").set_input_files(
            files=[{"name": "kontoauszug.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
        mine.get_by_role("button", name="Antwort senden").click()
        mine.wait_for_load_state()
        answer = mine.get_by_label("Ihre Antwort")
        expect(answer).to_have_attribute("aria-invalid", "true")
        expect(answer).to_have_accessible_description("Bitte schreiben Sie eine Antwort.")
        expect(mine.locator("section.herne-info-request")).to_be_visible()
        citizen.check("Antwort ohne Text")
        mine.get_by_label("Unterlage 1 (PDF, JPEG oder PNG)").set_input_files(
            files=[{"name": "kontoauszug.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
        answer.fill("Anbei die Kontoauszüge August bis Oktober.")
        mine.get_by_role("button", name="Antwort senden").click()
        mine.wait_for_load_state()
        expect(mine.locator("section.herne-info-request")).to_have_count(0)
        expect(mine.get_by_text("kontoauszug.pdf").first).to_be_visible()
        citizen.check("Antwort gesendet")

        page.reload()
        expect(page.get_by_text("In Bearbeitung").first).to_be_visible()
        expect(page.get_by_text("Anbei die Kontoauszüge August bis Oktober.").first).to_be_visible()
        expect(page.get_by_role("link", name="kontoauszug.pdf").first).to_be_visible()
        clerk.check("Antwort bei der Sachbearbeitung")
