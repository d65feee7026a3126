"""A Digitallotsin applies for someone with a Vollmacht; the applicant claims it with the code, at 0 axe violations."""

from pathlib import Path
from playwright.sync_api import expect
from plone import api
import pytest
import re
import transaction


pytestmark = pytest.mark.browser

REFERENCE = re.compile(r"HER-\d{4}-\d{6}")
CODE = re.compile(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


class TestApplyingForSomeone:
    def test_helper_applies_with_a_vollmacht_and_the_applicant_claims_it(
        self, journey, site, tmp_path
    ):
        vollmacht = Path(tmp_path) / "vollmacht.pdf"
        vollmacht.write_bytes(PDF)
        helper = journey("fuer-andere")
        helper.login("digitallotse", "demo-digitallotse-2026")
        page = helper.goto("leistungen/hundesteuer/antrag")
        page.get_by_role("link", name="Für eine andere Person beantragen").click()
        expect(
            page.get_by_text("Geben Sie die Angaben der antragstellenden Person ein")
        ).to_be_visible()
        page.get_by_label("Was möchten Sie tun?").select_option("Hund anmelden")
        page.get_by_label("Vorname").fill("Gertrud")
        page.get_by_label("Nachname").fill("Groß")
        page.get_by_label("Geburtsdatum").fill("1941-02-03")
        page.get_by_label("Straße und Hausnummer").fill("Hauptstraße 3")
        page.get_by_label("Postleitzahl").fill("44649")
        page.get_by_label("Name des Hundes").fill("Bello")
        page.get_by_label("Rasse").fill("Dackel")
        page.get_by_label("Hund gehalten seit / abgegeben am").fill("2026-10-01")
        page.get_by_label(re.compile("Ich willige ein")).check()
        helper.check("Für eine andere Person beantragen")
        page.get_by_role("button", name="Antrag absenden").click()
        expect(
            page.get_by_text(re.compile("Bitte geben Sie an, wie die antragstellende Person"))
        ).to_be_visible()
        helper.check("Einwilligung fehlt")

        page.get_by_label("Unterschriebene Vollmacht (hochladen)").check()
        page.get_by_label("Vollmacht", exact=True).set_input_files(str(vollmacht))
        page.get_by_label(re.compile("Ich willige ein")).check()
        page.get_by_role("button", name="Antrag absenden").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Hundesteuer")
        expect(page.locator(".herne-provenance")).to_contain_text(
            "Erfasst von Digitallotse Doris Lotz"
        )
        helper.check("Antrag für Gertrud Groß")
        content = page.content()
        reference = REFERENCE.search(content).group(0)
        code = CODE.search(content).group(0)
        # while the consent holds she writes in Gertrud Groß's thread, and it says so
        page.get_by_label("Neue Nachricht").fill("Frau Groß ist dienstags erreichbar.")
        page.get_by_role("button", name="Nachricht senden").click()
        expect(
            page.get_by_text(
                "geschrieben von Digitallotse Doris Lotz (Seniorentreff Wanne-Süd) für Gertrud Groß"
            )
        ).to_be_visible()
        helper.check("Nachricht für Gertrud Groß")

        transaction.abort()
        with api.env.adopt_roles(["Manager"]):
            api.user.create(
                username="gertrud", email="gertrud@example.org", password="gertrud-2026!"
            )
        transaction.commit()
        applicant = journey("zuordnen")
        applicant.login("gertrud", "gertrud-2026!")
        page = applicant.goto("@@antrag-zuordnen")
        page.get_by_label("Zuordnungscode").fill("FALSCH")
        page.get_by_label("Aktenzeichen").fill(reference)
        page.get_by_label("Geburtsdatum").fill("1941-02-03")
        page.get_by_role("button", name="Antrag zuordnen").click()
        expect(page.get_by_text(re.compile("passen nicht zusammen"))).to_be_visible()
        applicant.check("Antrag zuordnen, falscher Code")
        page.get_by_label("Zuordnungscode").fill(code)
        page.get_by_role("button", name="Antrag zuordnen").click()
        expect(page.get_by_text(re.compile("ist jetzt Ihrem Konto zugeordnet"))).to_be_visible()
        applicant.check("Antrag zugeordnet")
        page = applicant.goto("@@postkorb")
        expect(page.get_by_text(reference)).to_be_visible()

    def test_clerk_enters_an_application_at_the_counter(self, journey, site):
        clerk = journey("am-schalter")
        clerk.login("sachbearbeitung-steuern", "demo-sachbearbeitung-steuern-2026")
        page = clerk.goto("leistungen/hundesteuer/antrag?fuer=andere")
        page.get_by_label("Was möchten Sie tun?").select_option("Hund anmelden")
        page.get_by_label("Vorname").fill("Walter")
        page.get_by_label("Nachname").fill("Wagner")
        page.get_by_label("Geburtsdatum").fill("1938-07-21")
        page.get_by_label("Straße und Hausnummer").fill("Hauptstraße 5")
        page.get_by_label("Postleitzahl").fill("44649")
        page.get_by_label("Name des Hundes").fill("Rex")
        page.get_by_label("Rasse").fill("Pudel")
        page.get_by_label("Hund gehalten seit / abgegeben am").fill("2026-09-01")
        page.get_by_label("Die Person war am Schalter anwesend und hat sich ausgewiesen").check()
        page.get_by_label(re.compile("Ich willige ein")).check()
        page.get_by_role("button", name="Antrag absenden").click()
        expect(
            page.get_by_text("Bitte wählen Sie, welchen Ausweis die Person vorgelegt hat.")
        ).to_be_visible()
        clerk.check("Am Schalter: Ausweis fehlt")
        page.get_by_label("Die Person war am Schalter anwesend und hat sich ausgewiesen").check()
        page.get_by_label("Vorgelegter Ausweis").select_option("Personalausweis")
        page.get_by_label(re.compile("Ich willige ein")).check()
        page.get_by_role("button", name="Antrag absenden").click()
        expect(page.locator(".herne-provenance")).to_contain_text(
            "Am Schalter erfasst von Torsten Taler, Ausweis vorgelegt (Personalausweis)"
        )
        clerk.check("Am Schalter erfasst")
