"""An application form in the citizen's language: labels, choices and errors translated, data stored as in German."""

from herne.portal.easyform.form_translations import form_translations
from herne.portal.easyform.form_translations import set_form_translations
import re
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import fill_dog_tax
from tests.fixtures.journeys import submit
import transaction


def form_url(portal, language):
    return (
        portal["leistungen"]["hundesteuer"]["antrag"].absolute_url() + f"?set_language={language}"
    )


def label_of(html, name):
    match = re.search(rf'<label[^>]*for="form-widgets-{name}"[^>]*>\s*(.*?)\s*<', html, re.S)
    return match.group(1).strip() if match else None


def test_turkish_citizen_reads_the_dog_tax_form_in_turkish(citizen, demo_portal):
    browser = citizen()
    browser.open(form_url(demo_portal, "tr"))

    html = browser.contents
    assert re.search(r'<html[^>]*\slang="tr"', html)
    assert label_of(html, "dog_name") == "Köpeğin adı"
    assert label_of(html, "first_name") == "Adı"
    # choices: Turkish labels, the German values the clerk's data keeps
    radio = browser.getControl(name="form.widgets.registration_type:list")
    assert "Hund anmelden" in radio.options
    assert "Köpek kaydı yaptırmak" in html
    assert "Was möchten Sie tun?" not in html


def test_a_field_without_translation_stays_german(citizen, demo_portal):
    form = demo_portal["leistungen"]["hundesteuer"]["antrag"]
    texts = {language: dict(fields) for language, fields in form_translations(form).items()}
    del texts["tr"]["dog_breed"]
    set_form_translations(form, texts)
    transaction.commit()
    browser = citizen()

    browser.open(form_url(demo_portal, "tr"))

    assert label_of(browser.contents, "dog_breed") == "Rasse"
    assert label_of(browser.contents, "dog_name") == "Köpeğin adı"


def test_arabic_form_is_right_to_left(citizen, demo_portal):
    browser = citizen()
    browser.open(form_url(demo_portal, "ar"))
    html = browser.contents
    assert re.search(r'<html[^>]*\slang="ar"', html)
    assert re.search(r'<body[^>]*\sdir="rtl"', html)
    assert label_of(html, "dog_name") == "اسم الكلب"


def test_bad_input_in_turkish_gets_a_turkish_message_and_saves_nothing(citizen, demo_portal):
    browser = citizen()
    browser.open(form_url(demo_portal, "tr"))
    fill_dog_tax(browser, **{"form.widgets.postcode": "12"})
    before = len(applications_of("buerger"))

    submit(browser)

    html = browser.contents
    assert re.search(r'<html[^>]*\slang="tr"', html)
    field = re.search(r'id="formfield-form-widgets-postcode".*?</div>\s*</div>', html, re.S)
    assert field is not None
    # the postcode message in Turkish, not German
    assert "Postleitzahl" not in field.group(0)
    assert "posta kodu" in field.group(0).lower()
    assert len(applications_of("buerger")) == before


def test_data_of_a_turkish_application_is_stored_as_in_german(citizen, demo_portal):
    browser = citizen()
    browser.open(form_url(demo_portal, "tr"))
    fill_dog_tax(browser)
    before = {brain.UID for brain in applications_of("buerger")}

    submit(browser)

    (brain,) = [b for b in applications_of("buerger") if b.UID not in before]
    rows = {row["name"]: row for row in brain._unrestrictedGetObject().submitted_data}
    # the German field names, titles and values: the clerk reads it as a German application
    assert rows["registration_type"] == {
        "name": "registration_type",
        "title": "Was möchten Sie tun?",
        "value": "Hund abmelden",
    }
    assert rows["dog_name"] == {"name": "dog_name", "title": "Name des Hundes", "value": "Bello"}
