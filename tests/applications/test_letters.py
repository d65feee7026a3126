"""Applicants who chose "Brief" get every notice as a DIN 5008 letter instead of a mail."""

from DateTime import DateTime
from herne.portal.applications.contact import address_errors
from herne.portal.applications.letter_pdf import letters_pdf
from herne.portal.applications.letters import letters_of
from herne.portal.applications.processing import perform
from io import BytesIO
from plone import api
from pypdf import PdfReader
from reportlab.lib.units import mm
from tests.fixtures.applications import CLERK
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import fill_dog_tax
from tests.fixtures.journeys import open_dog_tax_form
from tests.fixtures.journeys import submit
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import settle
from tests.fixtures.rest import DOG_TAX
import transaction


CITIZEN_ADDRESS = "buerger@example.org"
DEPARTMENT_ADDRESS = "steuern@herne.de"


def choose_letter(browser):
    browser.getControl(name="form.widgets.herne_contact").value = ["letter"]


def apply_by_letter(browser, portal, **overrides):
    open_dog_tax_form(browser, portal)
    fill_dog_tax(browser, **overrides)
    choose_letter(browser)
    submit(browser)


def pdf_text(data):
    reader = PdfReader(BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_form_offers_email_or_letter_and_email_is_the_default(citizen, demo_portal):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    control = browser.getControl(name="form.widgets.herne_contact")
    assert control.options == ["email", "letter"]
    assert control.value == ["email"]
    assert "Wie möchten Sie Nachrichten der Stadt zu diesem Antrag erhalten?" in browser.contents
    assert "Brief (Post)" in browser.contents


def test_receipt_by_letter_instead_of_mail(citizen, demo_portal, mailbox, browser_as):
    browser = citizen()
    apply_by_letter(browser, demo_portal)
    (brain,) = applications_of("buerger")
    application = brain._unrestrictedGetObject()
    assert application.contact_method == "letter"
    assert application.postal_address == "Bernd Bergmann\nBahnhofstraße 12\n44623 Herne"
    (letter,) = letters_of(application)
    assert letter["kind"] == "receipt"
    assert letter["subject"].startswith(f"Eingangsbestätigung {brain.reference_number}")
    assert "Ihr Aktenzeichen lautet" in letter["body"]
    assert letter["printed"] is None
    settle(mailbox, 1)
    assert mails_to(mailbox, CITIZEN_ADDRESS) == []  # no mail to the citizen ...
    assert mails_to(mailbox, DEPARTMENT_ADDRESS)  # ... the department still hears of it

    clerk = browser_as("sachbearbeitung-steuern", "demo-sachbearbeitung-steuern-2026")
    clerk.open(application.absolute_url())
    assert "Brief (Post)" in clerk.contents
    assert "Bahnhofstraße 12" in clerk.contents
    assert "noch nicht gedruckt" in clerk.contents


def test_email_stays_the_way_for_everyone_else(citizen, demo_portal, mailbox):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser)
    submit(browser)
    (brain,) = applications_of("buerger")
    application = brain._unrestrictedGetObject()
    assert application.contact_method == "email"
    assert letters_of(application) == []
    settle(mailbox, 2)
    assert mails_to(mailbox, CITIZEN_ADDRESS)


def test_letter_needs_a_house_number_by_the_field_and_stores_nothing(citizen, demo_portal):
    browser = citizen()
    apply_by_letter(browser, demo_portal, **{"form.widgets.street": "Bahnhofstraße"})
    assert "Bitte geben Sie auch die Hausnummer an." in browser.contents
    assert len(applications_of("buerger")) == 0


def test_address_checks_for_letters():
    fields = {"street": "", "postcode": "4462", "city": " "}
    errors = address_errors(fields, ["street", "postcode", "city"])
    assert set(errors) == {"street", "postcode", "city"}
    assert not address_errors(
        {"street": "Am Hang 3a", "postcode": "44623", "city": "Herne"},
        ["street", "postcode", "city"],
    )
    # a form that asks no address cannot promise letters
    assert set(address_errors({}, ["first_name"])) == {"herne_contact"}
    long_street = {"street": "Weg " * 20 + "1", "postcode": "44623", "city": "Herne"}
    assert "street" in address_errors(long_street, ["street", "postcode", "city"])


def test_each_status_notice_becomes_a_letter_with_the_mail_text(
    demo_portal, mailbox, submitted_application
):
    api.portal.set_registry_record(
        "herne.portal.mail.in_progress", "Hallo ${name}, Ihr Antrag ${reference} ist in Arbeit."
    )
    application = submitted_application("fuehrungszeugnis")
    application.contact_method = "letter"
    application.postal_address = "Bernd Bergmann\nBahnhofstraße 12\n44623 Herne"
    transaction.commit()
    with api.env.adopt_user(username=CLERK[0]):
        perform(application, "accept")
    transaction.commit()
    settle(mailbox, 1)
    assert mails_to(mailbox, CITIZEN_ADDRESS) == []
    (letter,) = letters_of(application)
    assert letter["subject"] == f"Ihr Antrag {application.reference_number}: In Bearbeitung"
    assert letter["body"] == (
        f"Hallo Bernd Bergmann, Ihr Antrag {application.reference_number} ist in Arbeit.\n"
    )
    assert letter["kind_title"] == "Neuer Stand: In Bearbeitung"


def test_rest_submission_by_letter_and_its_german_errors(api_session, rest_portal):
    session = api_session("buerger", "demo-buerger-2026")
    form = "leistungen/hundesteuer/antrag/@antragsformular"
    offered = session.get(form).json()["contact"]
    assert [choice["value"] for choice in offered["choices"]] == ["email", "letter"]

    refused = session.post(form, json={"values": DOG_TAX, "contact": "fax"})
    assert refused.status_code == 400
    assert refused.json()["error"]["errors"] == [
        {"field": "contact", "message": "Bitte wählen Sie „E-Mail“ oder „Brief (Post)“."}
    ]
    no_number = session.post(
        form, json={"values": {**DOG_TAX, "street": "Bahnhofstraße"}, "contact": "letter"}
    )
    assert no_number.status_code == 400
    assert no_number.json()["error"]["errors"][0]["field"] == "street"
    assert len(applications_of("buerger")) == 0

    filed = session.post(form, json={"values": DOG_TAX, "contact": "letter"})
    assert filed.status_code == 201, filed.text
    detail = session.get(f"{filed.json()['@id']}/@antrag").json()
    assert detail["contact"] == {
        "method": "letter",
        "title": "Brief (Post)",
        "postal_address": "Bernd Bergmann\nBahnhofstraße 12\n44623 Herne",
        "language": "de",
        "language_title": "Deutsch",
    }
    assert detail["letters"] == []  # the applicant gets them by post, not here


def test_letter_pdf_in_din_5008_layout():
    letter = {
        "id": "abc",
        "created": DateTime("2026/12/04 10:00 Europe/Berlin"),
        "subject": "Ihr Antrag HER-2026-000042: In Bearbeitung",
        "body": "Guten Tag Bernd Bergmann,\n\nwir bearbeiten Ihren Antrag.\n\nMit freundlichen Grüßen",
        "reference": "HER-2026-000042",
        "recipient": "Bernd Bergmann\nBahnhofstraße 12\n44623 Herne",
        "sender": ("Stadt Herne", "Steuern und Abgaben", "Friedrich-Ebert-Platz 2", "44623 Herne"),
        "contact": "Steuern und Abgaben, Telefon 02323 16-0",
        "kind_title": "Neuer Stand: In Bearbeitung",
    }
    data = letters_pdf([letter, {**letter, "body": "Zeile\n\n" * 120}])
    reader = PdfReader(BytesIO(data))
    assert len(reader.pages) >= 3  # the long second letter runs over a page of its own
    first = reader.pages[0]
    text = " ".join(first.extract_text().split())
    for expected in (
        "Stadt Herne · Steuern und Abgaben",  # the return line
        "Bahnhofstraße 12",
        "HER-2026-000042",
        "04.12.2026",
        "Ihr Antrag HER-2026-000042: In Bearbeitung",
        "wir bearbeiten Ihren Antrag.",
    ):
        assert expected in text, expected
    # Where the recipient's lines sit: inside the window of a DL envelope (form B).
    positions = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            positions.setdefault(text.strip(), (tm[4], tm[5]))

    first.extract_text(visitor_text=visit)
    height = float(first.mediabox.height)
    x, y = positions["Bahnhofstraße 12"]
    assert 20 * mm <= x <= 30 * mm
    assert 45 * mm + 17.7 * mm <= height - y <= 90 * mm
    x, y = positions["HER-2026-000042"]
    assert x >= 125 * mm - 1  # the information block on the right


def test_a_draft_keeps_the_choice_of_letter(citizen, demo_portal):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser)
    choose_letter(browser)
    browser.getControl(name="form.buttons.save_draft").click()
    (brain,) = applications_of("buerger")
    draft = brain._unrestrictedGetObject()
    assert draft.contact_method == "letter"
    browser.open(
        f"{demo_portal['leistungen']['hundesteuer']['antrag'].absolute_url()}?entwurf={draft.UID()}"
    )
    assert browser.getControl(name="form.widgets.herne_contact").value == ["letter"]


def test_a_clerks_message_becomes_a_letter(demo_portal, submitted_application, mailbox):
    from herne.portal.applications.conversation import write_message

    application = submitted_application("fuehrungszeugnis")
    application.contact_method = "letter"
    application.postal_address = "Bernd Bergmann\nBahnhofstraße 12\n44623 Herne"
    with api.env.adopt_user(username=CLERK[0]):
        assert write_message(application, "Bitte rufen Sie uns an.", {}) == {}
    transaction.commit()
    settle(mailbox, 0)
    assert mails_to(mailbox, CITIZEN_ADDRESS) == []
    (letter,) = letters_of(application)
    assert letter["kind_title"] == "Nachricht"
    assert "Bitte rufen Sie uns an." in letter["body"]
