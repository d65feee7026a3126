"""The pages around the journeys: information, accessibility statement with feedback, the dashboard."""

from email import message_from_bytes
from email import policy
from playwright.sync_api import expect
import pytest
import re


pytestmark = pytest.mark.browser


class TestInformationPages:
    def test_information_pages_anonymous(self, journey):
        person = journey("informationen")
        for path, heading, label in (
            ("lebenslagen", "Lebenslagen", "Lebenslagen"),
            ("organisation/buergerdienste-wanne", "Bürgerdienste Wanne", "Organisationseinheit"),
            ("@@echtes-serviceportal", "So erkennen Sie das echte Serviceportal", "Echtes Portal"),
            ("@@register", None, "Registrierung"),
            ("leistungen/wohngeld", "Wohngeld beantragen", "Leistung mit Online-Ausweis"),
        ):
            page = person.goto(path)
            if heading:
                expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
            person.check(label)

    def test_plain_language_summary_on_the_service_page(self, journey):
        person = journey("leichte-sprache")
        page = person.goto("leistungen/hundesteuer")
        summary = page.get_by_role("region", name="In Leichter Sprache")
        expect(summary).to_be_visible()
        expect(summary).to_contain_text("Hund")
        person.check("Leistung mit Leichter Sprache")


class TestAccessibilityStatement:
    def test_statement_reached_from_the_footer_and_feedback_sent(self, journey, sent_mail):
        person = journey("barrierefreiheit")
        page = person.goto("leistungen/hundesteuer")
        page.locator("#portal-footer-wrapper").get_by_role(
            "link", name="Erklärung zur Barrierefreiheit"
        ).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Erklärung zur Barrierefreiheit")
        person.check("Erklärung zur Barrierefreiheit")

        email = page.get_by_label("Ihre E-Mail-Adresse (freiwillig)")
        email.fill("keine-adresse")
        page.get_by_role("button", name="Rückmeldung senden").click()
        page.wait_for_load_state()
        email = page.get_by_label("Ihre E-Mail-Adresse (freiwillig)")
        message = page.get_by_label("Ihre Nachricht")
        expect(email).to_have_attribute("aria-invalid", "true")
        expect(email).to_have_accessible_description(re.compile("gültige E-Mail-Adresse"))
        expect(message).to_have_attribute("aria-invalid", "true")
        expect(message).to_have_accessible_description(re.compile("welche Barriere"))
        person.check("Rückmeldung mit Fehlern")
        assert sent_mail == []

        email.fill("berta@example.org")
        message.fill("Die Tabelle der Gebühren ist mit dem Bildschirmleser schwer zu lesen.")
        page.get_by_role("button", name="Rückmeldung senden").click()
        page.wait_for_load_state()
        expect(page.get_by_text("Ihre Rückmeldung zur Barrierefreiheit ist")).to_be_visible()
        person.check("Rückmeldung gesendet")
        (envelope,) = sent_mail
        assert envelope.rcpt_tos == ["serviceportal@herne.example"]
        mail = message_from_bytes(envelope.content, policy=policy.default)
        assert mail["Reply-To"] == "berta@example.org"
        assert "Bildschirmleser" in mail.get_body(("plain",)).get_content()


class TestDashboard:
    def test_digitalisation_unit_reads_the_dashboard(self, journey):
        person = journey("dashboard")
        person.login("digitalisierung", "demo-digitalisierung-2026")
        page = person.goto("@@ozg-dashboard")
        expect(page.get_by_role("heading", level=1)).to_contain_text("OZG")
        expect(page.locator("svg[role='img']").first).to_be_visible()
        person.check("OZG-Dashboard")


class TestContentSecurityPolicy:
    def test_the_journeys_see_what_the_policy_blocks(self, journey):
        """The check the journeys rely on: a page's eval without 'unsafe-eval' is reported."""
        person = journey("sicherheitsrichtlinie-probe")
        url = f"{person.portal_url}/csp-probe"
        person.page.route(
            url,
            lambda route: route.fulfill(
                status=200,
                headers={"Content-Security-Policy": "script-src 'self' 'unsafe-inline'"},
                content_type="text/html",
                body="<html><body><script>try { eval('1') } catch (e) {}</script></body></html>",
            ),
        )
        person.page.goto(url)
        person.page.wait_for_timeout(300)
        assert any("blocked eval" in entry for entry in person.blocked_by_policy())

    def test_no_page_needs_eval(self, journey, site):
        """Citizens' pages run without 'unsafe-eval', and so does the editors' service form."""
        person = journey("sicherheitsrichtlinie")
        for path in ("", "leistungen/hundesteuer", "@@search?SearchableText=Hund", "login"):
            response = person.page.goto(f"{person.portal_url}/{path}")
            assert "'unsafe-eval'" not in response.headers["content-security-policy"], path
            person.page.wait_for_load_state("networkidle")
            assert not person.blocked_by_policy(), (path, person.blocked_by_policy())
        editor = journey("sicherheitsrichtlinie-redaktion")
        editor.login("redaktion", "demo-redaktion-2026")
        for path in ("leistungen/++add++Service", "leistungen/hundesteuer/antrag/fields"):
            response = editor.page.goto(f"{editor.portal_url}/{path}")
            assert response.status == 200, path
            assert "'unsafe-eval'" not in response.headers["content-security-policy"], path
            editor.page.wait_for_load_state("networkidle")
            assert not editor.blocked_by_policy(), (path, editor.blocked_by_policy())
