"""A citizen finds an application entered for her offered in the Postkorb, accepts one and declines another, at 0 axe violations."""

from base64 import b64encode
from playwright.sync_api import expect
import pytest
import re
from tests.fixtures.assist import FOR_GERTRUD
from tests.fixtures.rest import portal_session


pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def entered_for_the_demo_citizen(site, last_name):
    """The demo Digitallotsin enters a dog-tax application with the e-mail of the citizen "buergerin"."""
    response = portal_session(site, "digitallotse", "demo-digitallotse-2026").post(
        "leistungen/hundesteuer/antrag/@antragsformular",
        json={
            "values": {**FOR_GERTRUD, "last_name": last_name, "email": "buergerin@example.org"},
            "fuer_andere": {
                "einwilligung": "vollmacht",
                "vollmacht": {
                    "filename": "vollmacht.pdf",
                    "content-type": "application/pdf",
                    "data": b64encode(PDF).decode(),
                },
            },
        },
    )
    assert response.status_code == 201, response.text
    return response.json()


class TestOffers:
    def test_the_citizen_accepts_one_offer_and_declines_another(self, journey, site):
        accepted = entered_for_the_demo_citizen(site, "Annehmer")
        entered_for_the_demo_citizen(site, "Ablehner")
        citizen = journey("angebot")
        citizen.login("buergerin", "demo-buergerin-2026")
        page = citizen.goto("@@postkorb")
        offers = page.locator(".herne-postkorb-offers")
        expect(offers.get_by_role("heading", name="Für Sie erfasste Anträge")).to_be_visible()
        expect(offers.locator(".herne-postkorb-offer")).to_have_count(2)
        expect(offers).to_contain_text("Erfasst von Digitallotse Doris Lotz")
        expect(offers).not_to_contain_text(accepted["reference_number"])
        citizen.check("Zwei Angebote im Postkorb")

        offer = offers.locator(".herne-postkorb-offer", has_text="Gertrud Annehmer")
        offer.get_by_role("button", name="Annehmen").click()
        expect(page.get_by_text(re.compile("Sie haben den Antrag angenommen"))).to_be_visible()
        expect(page.get_by_text(accepted["reference_number"]).first).to_be_visible()
        citizen.check("Angebot angenommen")

        page = citizen.goto("@@postkorb")
        offer = page.locator(".herne-postkorb-offer", has_text="Gertrud Ablehner")
        offer.get_by_role("button", name="Ablehnen").click()
        expect(page.get_by_text(re.compile("Sie haben den Antrag abgelehnt"))).to_be_visible()
        expect(page.locator(".herne-postkorb-offers")).to_have_count(0)
        expect(page.get_by_text(accepted["reference_number"])).to_be_visible()
        citizen.check("Angebot abgelehnt")
