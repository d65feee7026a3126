"""A citizen finds the dog tax, applies with an upload, keeps a draft, submits and follows it up."""

from playwright.sync_api import expect
import pytest
import re
from tests.fixtures.applications import PDF


pytestmark = pytest.mark.browser

REFERENCE = re.compile(r"HER-\d{4}-\d{6}")


def fill_dog_tax_person(page):
    page.get_by_label("Vorname").fill("Bernd")
    page.get_by_label("Nachname").fill("Bergmann")
    page.get_by_label("Geburtsdatum").fill("1961-04-12")
    page.get_by_label("Straße und Hausnummer").fill("Bahnhofstraße 12")
    page.get_by_label("Postleitzahl").fill("44623")


class TestFindTheService:
    def test_a_to_z_and_search_lead_to_the_dog_tax(self, journey):
        person = journey("finden")
        page = person.goto("")
        person.check("Startseite")

        page.get_by_role("link", name="Leistungen A-Z").first.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Leistungen")
        person.check("Leistungen A-Z")
        page.get_by_role("link", name="Hundesteuer an- und abmelden").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Hundesteuer an- und abmelden")
        person.check("Leistung Hundesteuer")

        page = person.goto("leistungssuche")
        person.check("Leistungssuche")
        search = page.get_by_role("searchbox", name=re.compile("Suchbegriff|Leistung suchen"))
        search.fill("Hund")
        search.press("Enter")
        page.wait_for_load_state()
        result = page.get_by_role("link", name="Hundesteuer an- und abmelden")
        expect(result).to_be_visible()
        person.check("Suchergebnis Hund")
        result.click()
        expect(page).to_have_url(re.compile(r"/leistungen/hundesteuer$"))


class TestApplyForTheDogTax:
    def test_log_in_upload_draft_resume_submit_receipt_postkorb(self, journey):
        person = journey("hundesteuer")
        page = person.goto("leistungen/hundesteuer")
        page.get_by_role("link", name="Online beantragen").click()
        expect(page.get_by_role("link", name="Anmelden und Antrag stellen")).to_be_visible()
        person.check("Anmeldung erforderlich")

        page.get_by_role("link", name="Anmelden und Antrag stellen").click()
        person.check("Anmeldeseite")
        page.get_by_label("Benutzername").fill("buerger")
        page.get_by_label("Passwort").fill("demo-buerger-2026")
        page.get_by_role("button", name="Anmelden").click()
        expect(page).to_have_url(re.compile(r"/leistungen/hundesteuer/antrag"))
        expect(page.get_by_role("note")).to_contain_text("offiziellen Serviceportal")
        person.check("Antragsformular")

        page.get_by_label("Was möchten Sie tun?").select_option("Hund abmelden")
        fill_dog_tax_person(page)
        page.get_by_label("Nachweis über die Abgabe des Hundes").set_input_files(
            files=[{"name": "abgabevertrag.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
        page.get_by_role("button", name="Zwischenspeichern").click()
        expect(page.get_by_text("Dies ist ein Entwurf")).to_be_visible()
        person.check("Entwurf gespeichert")

        page = person.goto("postkorb")
        drafts = page.locator("section.herne-postkorb-draft")
        expect(drafts.get_by_role("link", name="Hundesteuer an- und abmelden")).to_be_visible()
        person.check("Postkorb mit Entwurf")
        drafts.get_by_role("link", name="Hundesteuer an- und abmelden").click()
        page.get_by_role("link", name="Antrag fortsetzen").click()
        expect(page.get_by_label("Vorname")).to_have_value("Bernd")
        expect(page.get_by_label("Postleitzahl")).to_have_value("44623")
        person.check("Entwurf fortsetzen")

        page.get_by_label("Name des Hundes").fill("Bello")
        page.get_by_label("Rasse").fill("Dackel")
        page.get_by_label("Hund gehalten seit / abgegeben am").fill("2026-10-01")
        page.get_by_label(re.compile("Ich willige ein")).check()
        page.get_by_role("button", name="Antrag absenden").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Hundesteuer")
        reference = REFERENCE.search(page.content()).group(0)
        expect(page.get_by_text("abgabevertrag.pdf")).to_be_visible()
        person.check("Antrag eingegangen")

        with page.expect_download() as download_info:
            page.get_by_role("link", name=re.compile("Eingangsbestätigung herunterladen")).click()
        download = download_info.value
        assert download.suggested_filename.endswith(".pdf")
        with open(download.path(), "rb") as receipt:
            assert receipt.read(5) == b"%PDF-"

        page = person.goto("postkorb")
        running = page.locator("section.herne-postkorb-open")
        expect(running.get_by_role("row", name=re.compile(reference))).to_contain_text(
            "Eingegangen"
        )
        expect(page.locator("section.herne-postkorb-draft")).to_have_count(0)
        person.check("Postkorb mit Antrag")


class TestKeyboardAndErrors:
    def test_form_by_keyboard_alone_with_errors_tied_to_fields(self, journey):
        person = journey("tastatur")
        person.login("buerger", "demo-buerger-2026")
        page = person.goto("leistungen/hundesteuer/antrag")

        # Tab from the top of the page to the first name field: nothing traps the focus.
        page.locator("body").focus()
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "form-widgets-first_name":
                break
        else:
            pytest.fail("The first-name field cannot be reached with the Tab key")
        outline = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
        )
        assert outline[0] != "none" and outline[1] != "0px", f"no visible focus: {outline}"

        page.keyboard.type("Bernd")
        page.keyboard.press("Tab")
        page.keyboard.type("Bergmann")
        # Tab on to the post code and enter a wrong one, then send with the keyboard.
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "form-widgets-postcode":
                break
        page.keyboard.type("446")
        submit = page.get_by_role("button", name="Antrag absenden")
        submit.focus()
        page.keyboard.press("Enter")
        page.wait_for_load_state()

        alert = page.get_by_role("alert").filter(has_text="Bitte korrigieren Sie")
        expect(alert).to_contain_text("Postleitzahl")
        postcode = page.get_by_label("Postleitzahl")
        expect(postcode).to_have_attribute("aria-invalid", "true")
        described_by = postcode.get_attribute("aria-describedby")
        expect(page.locator(f"#{described_by}")).to_contain_text("fünf Ziffern")
        expect(postcode).to_have_accessible_description(re.compile("fünf Ziffern"))
        expect(page.get_by_label("Vorname")).to_have_value("Bernd")
        person.check("Formular mit Fehlern")


class TestOnSiteOnly:
    def test_identity_card_is_only_on_site(self, journey):
        person = journey("personalausweis")
        page = person.goto("leistungen/personalausweis")
        expect(page.get_by_role("heading", name="Nur vor Ort")).to_be_visible()
        expect(page.get_by_role("link", name="Online beantragen")).to_have_count(0)
        expect(page.get_by_role("heading", name="Online beantragen")).to_have_count(0)
        expect(page.get_by_role("heading", name="Bitte mitbringen")).to_be_visible()
        person.check("Personalausweis nur vor Ort")
        response = page.goto(f"{person.portal_url}/leistungen/personalausweis/antrag")
        assert response.status == 404
