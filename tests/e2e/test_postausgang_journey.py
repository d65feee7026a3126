"""A citizen without e-mail chooses Brief; the clerk prints the day's letters from the Postausgang, at 0 axe violations."""

from herne.portal.applications.letters import letters_of
from playwright.sync_api import expect
from plone import api
import pytest
import re
import transaction


pytestmark = pytest.mark.browser

REFERENCE = re.compile(r"HER-\d{4}-\d{6}")


class TestLettersInsteadOfMail:
    def test_citizen_chooses_brief_and_the_clerk_prints_the_letters(self, journey, site):
        person = journey("brief-waehlen")
        person.login("buerger", "demo-buerger-2026")
        page = person.goto("leistungen/hundesteuer/antrag")
        page.get_by_label("Was möchten Sie tun?").select_option("Hund anmelden")
        page.get_by_label("Vorname").fill("Bernd")
        page.get_by_label("Nachname").fill("Bergmann")
        page.get_by_label("Geburtsdatum").fill("1961-04-12")
        page.get_by_label("Straße und Hausnummer").fill("Bahnhofstraße")
        page.get_by_label("Postleitzahl").fill("44623")
        page.get_by_label("Name des Hundes").fill("Bello")
        page.get_by_label("Rasse").fill("Dackel")
        page.get_by_label("Hund gehalten seit / abgegeben am").fill("2026-10-01")
        page.get_by_label("Brief (Post)").check()
        page.get_by_label(re.compile("Ich willige ein")).check()
        person.check("Antragsformular mit Brief")
        page.get_by_role("button", name="Antrag absenden").click()
        expect(page.get_by_text("Bitte geben Sie auch die Hausnummer an.")).to_be_visible()
        person.check("Hausnummer fehlt")

        page.get_by_label("Straße und Hausnummer").fill("Bahnhofstraße 12")
        page.get_by_label("Brief (Post)").check()
        page.get_by_label(re.compile("Ich willige ein")).check()
        page.get_by_role("button", name="Antrag absenden").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Hundesteuer")
        reference = REFERENCE.search(page.content()).group(0)

        clerk = journey("postausgang")
        clerk.login("sachbearbeitung-steuern", "demo-sachbearbeitung-steuern-2026")
        page = clerk.goto("@@arbeitskorb")
        page = clerk.goto("@@postausgang")
        expect(page.get_by_role("heading", level=1)).to_have_text("Postausgang")
        row = page.get_by_role("row", name=re.compile(reference))
        expect(row).to_contain_text("Eingangsbestätigung")
        clerk.check("Postausgang")

        # By keyboard: the letter is chosen already; Tab to the print button and press it.
        box = row.get_by_role("checkbox")
        expect(box).to_be_checked()
        box.focus()
        button = page.get_by_role("button", name=re.compile("als ein PDF drucken"))
        for _ in range(20):
            page.keyboard.press("Tab")
            if button.evaluate("element => element === document.activeElement"):
                break
        else:
            pytest.fail("The print button cannot be reached with the Tab key")
        with page.context.expect_page() as opened:
            page.keyboard.press("Enter")
        opened.value.wait_for_load_state()
        opened.value.close()

        transaction.abort()
        catalog = api.portal.get_tool("portal_catalog")
        (brain,) = catalog.unrestrictedSearchResults(reference_number=reference)
        (letter,) = letters_of(brain._unrestrictedGetObject())
        assert letter["printed_by"] == "sachbearbeitung-steuern"

        page = clerk.goto("@@postausgang")
        expect(page.get_by_text(reference)).to_have_count(0)
        page.get_by_role("link", name="Gedruckte Briefe").click()
        expect(page.get_by_role("row", name=re.compile(reference))).to_contain_text(
            "sachbearbeitung-steuern"
        )
        clerk.check("Gedruckte Briefe")
