"""The demo plays every journey: registration with the demo mail, and an eID application with the demo OpenID provider."""

from email import message_from_bytes
from email import policy
from playwright.sync_api import expect
import pytest
import re
from tests.fixtures.eid import configure_eid
from tests.fixtures.eid import running_provider
from tests.fixtures.mail import wait_for


pytestmark = pytest.mark.browser

REFERENCE = re.compile(r"HER-\d{4}-\d{6}")


def password_link(messages, address):
    (envelope,) = [m for m in wait_for(messages, 1, timeout=10) if address in m.rcpt_tos]
    body = (
        message_from_bytes(envelope.content, policy=policy.default)
        .get_body(("plain",))
        .get_content()
    )
    return re.search(r"(http://\S+/passwordreset/\S+)", body).group(1)


class TestRegisterWithTheDemoMail:
    def test_register_read_the_mail_set_the_password_log_in(self, journey, sent_mail):
        person = journey("registrierung")
        page = person.goto("@@register")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        person.check("Registrierung")
        page.get_by_label("Vor- und Nachname").fill("Hanna Neu")
        page.get_by_label("Benutzername").fill("hanna")
        page.get_by_label("E-Mail", exact=True).fill("hanna.neu@example.org")
        page.get_by_role("button", name="Registrieren").click()
        page.wait_for_load_state()
        person.check("Registrierung abgeschickt")

        page = person.goto(password_link(sent_mail, "hanna.neu@example.org"))
        person.check("Passwort festlegen")
        page.get_by_label("Benutzername").fill("hanna")
        page.get_by_label("Neues Passwort").fill("Herne-2026-sicher")
        page.get_by_label("Passwort bestätigen").fill("Herne-2026-sicher")
        page.get_by_role("button", name="Passwort festlegen").click()
        page.wait_for_load_state()
        person.check("Passwort festgelegt")

        person.login("hanna", "Herne-2026-sicher")
        page = person.goto("leistungen/hundesteuer/antrag")
        expect(page.get_by_role("button", name="Antrag absenden")).to_be_visible()
        person.check("Antrag als neue Bürgerin")


class TestApplyWithEid:
    def test_certificate_of_good_conduct_with_the_demo_provider(self, journey, site):
        with running_provider(site.absolute_url()) as issuer:
            configure_eid(issuer)
            person = journey("eid-fuehrungszeugnis")
            page = person.goto("leistungen/fuehrungszeugnis")
            page.get_by_role("link", name="Online beantragen").click()
            person.check("Anmeldung erforderlich")
            page.get_by_role("link", name="Mit Online-Ausweis anmelden").click()

            # the demo OpenID provider: a test person and the trust level
            expect(page.get_by_label("Person")).to_be_visible()
            page.get_by_label("Person").select_option("erika")
            page.get_by_label("Vertrauensniveau").select_option("substantial")
            page.get_by_role("button", name="Anmelden").click()
            page.wait_for_url(re.compile(r"/leistungen/fuehrungszeugnis/antrag"))
            # the verified names come from the online ID card
            expect(page.locator("#content")).to_contain_text(
                "Nachname (aus dem Online-Ausweis bestätigt) Mustermann"
            )
            person.check("Formular mit Online-Ausweis")

            page.get_by_label("Art des Führungszeugnisses").select_option(
                label="Privatführungszeugnis"
            )
            page.get_by_label("Geburtsort").fill("Bochum")
            page.get_by_label(re.compile("Ich willige ein")).check()
            page.get_by_role("button", name="Antrag absenden").click()
            page.wait_for_load_state()
            expect(page.locator("body")).to_contain_text("Ihr Antrag ist eingegangen")
            assert REFERENCE.search(page.content())
            person.check("Antrag eingegangen")
