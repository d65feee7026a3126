"""The editor's journey: a new service with documents and fees, edited again, on forms without barriers."""

from playwright.sync_api import expect
import pytest


pytestmark = pytest.mark.browser

EDITOR = ("redaktion", "demo-redaktion-2026")
SPARE_ROW_ERROR = "Erforderliche Eingabe fehlt"


def field_errors(page):
    """The error messages shown at the fields, by field id."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.invalid-feedback')]
            .filter(e => e.textContent.trim())
            .map(e => [e.id, e.textContent.trim()])"""
    )


def fill_row(page, field, index, **cells):
    for name, value in cells.items():
        cell = page.locator(f"#form-widgets-{field}-{index}-widgets-{name}")
        if cell.evaluate("e => e.tagName") == "SELECT":
            cell.select_option(value)
        else:
            cell.fill(value)


def fill_new_row(page, field, index, first, **cells):
    """Typing into the grid's spare row makes it row ``index`` and adds a new spare row."""
    ((name, value),) = first.items()
    spare = page.locator(f"#form-widgets-{field}-AA-widgets-{name}")
    spare.fill(value)
    spare.press("Tab")
    expect(page.locator(f"#form-widgets-{field}-{index}-widgets-{name}")).to_have_value(value)
    fill_row(page, field, index, **cells)


class TestServiceForm:
    def test_editor_adds_a_service_with_documents_and_fees_and_edits_it(self, journey):
        editor = journey("redaktion-leistung")
        editor.login(*EDITOR)
        page = editor.goto("leistungen/++add++Service")
        page.wait_for_load_state("networkidle")
        editor.check("Neue Leistung")

        # TinyMCE without its English "Build with TinyMCE" link and resize handle.
        expect(page.locator(".tox-edit-area__iframe")).to_have_attribute("title", "Voraussetzungen")
        expect(page.locator(".tox-statusbar__branding")).to_have_count(0)
        expect(page.get_by_text("Build with")).to_have_count(0)
        # Every cell is named by its column, for screen readers and voice control.
        expect(page.get_by_role("textbox", name="Unterlage")).to_have_count(1)
        expect(page.get_by_role("combobox", name="Wie einreichen")).to_have_count(1)
        expect(page.get_by_role("textbox", name="Betrag in Euro")).to_have_count(1)
        expect(page.get_by_role("textbox", name="Wofür")).to_have_count(1)

        page.fill("#form-widgets-IDublinCore-title", "Angelkarte Kanalufer")
        department = page.locator("#form-widgets-department option", has_text="Steuern und Abgaben")
        page.select_option("#form-widgets-department", department.get_attribute("value"))
        fill_new_row(
            page, "required_documents", 0, {"name": "Personalausweis"}, provision="original"
        )
        fill_new_row(page, "fees", 0, {"amount": "12,50"}, purpose="Jahreskarte")
        # A wrong service key: the form comes back with that error only.
        page.get_by_text("Details", exact=True).first.click()
        page.fill("#form-widgets-service_key", "123")
        page.click("#form-buttons-save")
        page.wait_for_load_state()
        errors = field_errors(page)
        assert [field for field, _message in errors] == ["form-widgets-service_key-error"], errors
        assert not page.get_by_text(SPARE_ROW_ERROR).count()
        editor.check("Neue Leistung mit Fehler")

        page.get_by_text("Details", exact=True).first.click()
        page.fill("#form-widgets-service_key", "99000000000042")
        page.click("#form-buttons-save")
        page.wait_for_load_state()
        expect(page.get_by_role("heading", name="Angelkarte Kanalufer", level=1)).to_be_visible()
        expect(page.locator("section.herne-fees")).to_contain_text("12,50\xa0€: Jahreskarte")
        expect(page.locator("body")).to_contain_text("Personalausweis")
        editor.check("Neue Leistung gespeichert")

        service_url = page.url.rstrip("/").removesuffix("/view")
        page = editor.goto(f"{service_url}/edit")
        page.wait_for_load_state("networkidle")
        editor.check("Leistung bearbeiten")
        fill_row(page, "fees", 0, amount="15,00")
        fill_new_row(page, "fees", 1, {"amount": "7,50"}, purpose="Tageskarte")
        page.click("#form-buttons-save")
        page.wait_for_load_state()
        fees = page.locator("section.herne-fees")
        expect(fees).to_contain_text("15,00\xa0€: Jahreskarte")
        expect(fees).to_contain_text("7,50\xa0€: Tageskarte")
        editor.check("Leistung geändert")


class TestChangeToAPublishedService:
    def test_fee_change_goes_live_only_after_review(self, journey):
        editor = journey("redaktion-arbeitskopie")
        editor.login(*EDITOR)
        page = editor.goto("leistungen/hundesteuer/@@content-checkout")
        editor.check("Arbeitskopie erstellen")
        page.locator("input[name='form.button.Checkout']").click()
        page.wait_for_load_state()
        expect(page.get_by_text("Arbeitskopie erzeugt")).to_be_visible()
        working_copy = page.url.rstrip("/").removesuffix("/view")
        assert working_copy.endswith("/leistungen/working_copy_of_hundesteuer")
        editor.check("Arbeitskopie")

        page = editor.goto(f"{working_copy}/edit")
        page.wait_for_load_state("networkidle")
        fill_row(page, "fees", 0, amount="7,50")
        page.click("#form-buttons-save")
        page.wait_for_load_state()
        page.locator("#plone-contentmenu-workflow > a").click()
        page.locator("#workflow-transition-submit").click()
        page.wait_for_load_state()
        expect(page.locator("#plone-contentmenu-workflow")).to_contain_text("Zur Freigabe")

        visitor = journey("besucher-hundesteuer")
        page = visitor.goto("leistungen/hundesteuer")
        expect(page.locator("section.herne-fees")).not_to_contain_text("7,50")

        reviewer = journey("freigabe-arbeitskopie")
        reviewer.login("freigabe", "demo-freigabe-2026")
        page = reviewer.goto(f"{working_copy}/@@content-checkin")
        reviewer.check("Arbeitskopie übernehmen")
        page.locator("[name='form.button.Checkin']").click()
        page.wait_for_load_state()
        expect(page.get_by_text("Original durch Arbeitskopie ersetzt")).to_be_visible()

        page = visitor.goto("leistungen/hundesteuer")
        expect(page.locator("section.herne-fees")).to_contain_text("7,50\xa0€")
        visitor.check("Leistung mit neuer Gebühr")


class TestFormTranslation:
    def test_editor_translates_a_label_and_a_turkish_citizen_reads_it(self, journey):
        editor = journey("redaktion-formular-uebersetzen")
        editor.login(*EDITOR)
        page = editor.goto("leistungen/hundesteuer/antrag")
        page.get_by_role("link", name="Formular übersetzen").first.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Formular übersetzen")
        editor.check("Formular übersetzen")

        page.get_by_role("navigation", name="Sprache der Übersetzung").get_by_role(
            "link", name="Arabisch"
        ).click()
        arabic = page.locator("#field-dog_name-title")
        expect(arabic).to_have_attribute("dir", "rtl")
        expect(arabic).to_have_attribute("lang", "ar")
        editor.check("Formular übersetzen auf Arabisch")

        page.get_by_role("navigation", name="Sprache der Übersetzung").get_by_role(
            "link", name="Türkisch"
        ).click()
        label = page.get_by_label("Beschriftung (Türkisch)").first
        expect(label).to_be_visible()
        page.locator("#field-dog_name-title").fill("Köpeğinizin adı")
        page.get_by_role("button", name="Übersetzung speichern").click()
        page.wait_for_load_state()
        expect(page.locator("#field-dog_name-title")).to_have_value("Köpeğinizin adı")
        editor.check("Übersetzung gespeichert")

        citizen = journey("tuerkisch-formular")
        citizen.login("buerger", "demo-buerger-2026")
        page = citizen.goto("leistungen/hundesteuer/antrag?set_language=tr")
        expect(page.get_by_label("Köpeğinizin adı")).to_be_visible()
        # a field the editor left alone keeps the translation it had
        expect(page.get_by_label("Cinsi")).to_be_visible()
        citizen.check("Formular mit neuer Übersetzung")
