"""The front page a newcomer meets: checked with axe at desktop and 320 px, search and footer used."""

from playwright.sync_api import expect
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest
import re


pytestmark = pytest.mark.browser


class TestFrontPage:
    def test_newcomer_starts_on_the_front_page(self, journey):
        person = journey("startseite")
        page = person.goto("")
        expect(page.get_by_role("heading", level=1)).to_have_text("Serviceportal der Stadt Herne")
        expect(page.locator("#portal-logo img")).to_have_attribute(
            "src", re.compile(r"stadt-herne-logo\.svg$")
        )
        featured = page.get_by_role("region", name="Häufig genutzte Leistungen")
        expect(featured.get_by_role("link")).to_have_count(4)
        expect(page.get_by_role("region", name="Wo und wann wir geöffnet haben")).to_contain_text(
            "Bürgerdienste Herne-Mitte"
        )
        footer = page.locator("#portal-footer-wrapper")
        for name in ("Impressum", "Datenschutz", "Erklärung zur Barrierefreiheit", "Kontakt"):
            expect(footer.get_by_role("link", name=name, exact=True)).to_be_visible()
        expect(footer).not_to_contain_text("Plone Foundation")
        person.check("Startseite")

        page.get_by_label("Was möchten Sie erledigen?").fill("Hundesteur")
        page.get_by_role("button", name="Suchen").click()
        page.wait_for_load_state()
        expect(page.locator(".herne-did-you-mean")).to_contain_text("Hundesteuer an- und abmelden")
        person.check("Suche von der Startseite")

        person.goto("")
        page.locator("#portal-footer-wrapper").get_by_role("link", name="Impressum").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Impressum")
        person.check("Impressum")


class TestFeaturedServicesControlPanel:
    def test_administration_chooses_the_featured_services(self, journey):
        person = journey("startseite-bedienfeld")
        person.login(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        page = person.goto("@@herne-front-page-controlpanel")
        chosen = page.locator("select[name='form.widgets.featured_services.to']")
        available = page.locator("select[name='form.widgets.featured_services.from']")
        chosen.select_option(label="Bewohnerparkausweis beantragen")
        page.get_by_role("button", name="Entfernen").click()
        available.select_option(label="Wohngeld beantragen")
        page.get_by_role("button", name="Hinzufügen").click()
        page.get_by_role("button", name="Sichern").click()
        page.wait_for_load_state()
        page = person.goto("")
        featured = page.get_by_role("region", name="Häufig genutzte Leistungen")
        expect(featured.get_by_role("link", name="Wohngeld beantragen")).to_be_visible()
        expect(featured.get_by_role("link", name="Bewohnerparkausweis beantragen")).to_have_count(0)


class TestEditorChoosesFeaturedServices:
    def test_editor_chooses_the_featured_services_and_visitors_see_them(self, journey):
        editor = journey("startseite-redaktion")
        editor.login("redaktion", "demo-redaktion-2026")
        page = editor.goto("")
        page.get_by_role("link", name="Startseite bearbeiten").click()
        page.wait_for_load_state()
        expect(page.get_by_role("heading", level=1)).to_have_text("Startseite")
        editor.check("Startseite bearbeiten")
        chosen = page.locator("select[name='form.widgets.featured_services.to']")
        available = page.locator("select[name='form.widgets.featured_services.from']")
        chosen.select_option(label="Personalausweis beantragen")
        page.get_by_role("button", name="Entfernen").click()
        available.select_option(label="Wohngeld beantragen")
        page.get_by_role("button", name="Hinzufügen").click()
        page.get_by_role("button", name="Sichern").click()
        page.wait_for_load_state()
        expect(page.get_by_text("Änderungen wurden gespeichert.")).to_be_visible()

        visitor = journey("startseite-besuch")
        page = visitor.goto("")
        featured = page.get_by_role("region", name="Häufig genutzte Leistungen")
        expect(featured.get_by_role("link", name="Wohngeld beantragen")).to_be_visible()
        expect(featured.get_by_role("link", name="Personalausweis beantragen")).to_have_count(0)
        expect(page.get_by_role("link", name="Startseite bearbeiten")).to_have_count(0)
