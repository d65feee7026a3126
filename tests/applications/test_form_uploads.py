"""Uploads on the application form: a refused file is never offered as kept, a draft's files are."""

from plone import api
import pytest
import re
from tests.fixtures.applications import PDF
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import attach
from tests.fixtures.journeys import fill_dog_tax
from tests.fixtures.journeys import open_dog_tax_form
from tests.fixtures.journeys import submit


#: A Windows program renamed to look like a PDF.
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
PROOF = "form.widgets.transfer_proof"


def visible_text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_refused_file_is_not_offered_as_kept_and_all_errors_show_at_once(citizen, demo_portal):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser, **{"form.widgets.dog_name": ""})
    attach(browser, PROOF, PROGRAM, "programm.pdf")
    submit(browser)

    text = visible_text(browser.contents)
    assert "Diese Datei ist kein PDF-Dokument und kein Foto" in text
    assert "Erforderliche Eingabe fehlt" in text  # the missing dog's name, in the same answer
    assert "programm.pdf" not in browser.contents
    assert "hochgeladen" not in text
    with pytest.raises(LookupError):
        browser.getControl(name=f"{PROOF}.action")  # no "Vorhandene Datei behalten"
    assert len(applications_of("buerger")) == 0

    # Corrected, the application is filed without the refused file.
    browser.getControl(name="form.widgets.dog_name").value = "Bello"
    attach(browser, PROOF, PDF, "abgabevertrag.pdf")
    submit(browser)
    (brain,) = applications_of("buerger")
    (evidence,) = brain._unrestrictedGetObject().contentValues()
    assert evidence.file.data == PDF


def test_good_file_is_kept_while_another_field_is_corrected(citizen, demo_portal):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser, **{"form.widgets.dog_name": ""})
    attach(browser, PROOF, PDF, "abgabevertrag.pdf")
    submit(browser)
    assert "Bereits hochgeladen: abgabevertrag.pdf" in visible_text(browser.contents)
    assert browser.getControl(name=f"{PROOF}.action").value == ["nochange"]

    browser.getControl(name="form.widgets.dog_name").value = "Bello"
    submit(browser)
    (brain,) = applications_of("buerger")
    (evidence,) = brain._unrestrictedGetObject().contentValues()
    assert evidence.file.data == PDF
    assert evidence.file.filename == "abgabevertrag.pdf"


def open_parking_form(browser, portal):
    browser.open(portal["leistungen"]["bewohnerparkausweis"]["antrag"].absolute_url())


def fill_parking_permit(browser):
    values = {
        "form.widgets.first_name": "Bernd",
        "form.widgets.last_name": "Bergmann",
        "form.widgets.birth_date": "1970-04-12",
        "form.widgets.street": "Bahnhofstraße 12",
        "form.widgets.postcode": "44623",
        "form.widgets.city": "Herne",
        "form.widgets.vehicle_plate": "HER-AB 123",
    }
    for name, value in values.items():
        browser.getControl(name=name).value = value
    zone = browser.getControl(name="form.widgets.parking_zone:list")
    zone.value = [option for option in zone.options if "Herne-Mitte" in option]
    browser.getControl(name="form.widgets.privacy_consent:list").value = ["selected"]


def test_resumed_draft_shows_its_file_and_does_not_ask_for_it_again(citizen, demo_portal, mailbox):
    browser = citizen()
    open_parking_form(browser, demo_portal)
    browser.getControl(name="form.widgets.first_name").value = "Bernd"
    attach(browser, "form.widgets.vehicle_registration", PDF, "fahrzeugschein.pdf")
    browser.getControl(name="form.buttons.save_draft").click()
    assert "Ihr Entwurf ist gespeichert" in browser.contents

    browser.getLink("Antrag fortsetzen").click()
    assert "Bereits hochgeladen: fahrzeugschein.pdf" in visible_text(browser.contents)
    choice = browser.getControl(name="form.widgets.vehicle_registration.action")
    assert choice.value == ["nochange"]
    assert "Mit neuer Datei ersetzen" in browser.contents
    browser.getLink("fahrzeugschein.pdf").click()
    assert browser.contents == PDF
    browser.goBack()

    fill_parking_permit(browser)
    submit(browser)
    assert "Erforderliche Eingabe fehlt" not in browser.contents
    (brain,) = applications_of("buerger")
    assert brain.review_state == "submitted"
    files = brain._unrestrictedGetObject().contentValues()
    assert [(item.field_name, item.file.data) for item in files] == [("vehicle_registration", PDF)]


def test_resumed_draft_file_can_be_replaced(citizen, demo_portal, mailbox):
    browser = citizen()
    open_parking_form(browser, demo_portal)
    attach(browser, "form.widgets.vehicle_registration", PDF, "alt.pdf")
    browser.getControl(name="form.buttons.save_draft").click()
    browser.getLink("Antrag fortsetzen").click()

    fill_parking_permit(browser)
    browser.getControl(name="form.widgets.vehicle_registration.action").value = ["replace"]
    new = PDF.replace(b"%%EOF", b"% neu\n%%EOF")
    attach(browser, "form.widgets.vehicle_registration", new, "neu.pdf")
    submit(browser)
    (brain,) = applications_of("buerger")
    files = brain._unrestrictedGetObject().contentValues()
    assert [(item.file.filename, item.file.data) for item in files] == [("neu.pdf", new)]
    assert api.content.get_state(brain._unrestrictedGetObject()) == "submitted"


def test_resumed_draft_file_can_be_removed_where_it_is_optional(citizen, demo_portal, mailbox):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    attach(browser, PROOF, PDF, "abgabevertrag.pdf")
    browser.getControl(name="form.buttons.save_draft").click()
    browser.getLink("Antrag fortsetzen").click()

    fill_dog_tax(browser)
    browser.getControl(name=f"{PROOF}.action").value = ["remove"]
    submit(browser)
    (brain,) = applications_of("buerger")
    assert brain.review_state == "submitted"
    assert brain._unrestrictedGetObject().contentValues() == []
