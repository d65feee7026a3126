"""Editors translate an application form on "Formular übersetzen"; citizens read it in their language."""

from herne.portal.easyform.form_translations import form_translations
import pytest
import re
from tests.fixtures.browsers import demo_password
from tests.fixtures.browsers import make_browser
from urllib.parse import urlencode


def dog_tax(portal):
    return portal["leistungen"]["hundesteuer"]


def editor_page(portal, language="tr"):
    return dog_tax(portal)["antrag"].absolute_url() + f"/@@formular-uebersetzen?sprache={language}"


def label_of(html, name):
    match = re.search(rf'<label[^>]*for="form-widgets-{name}"[^>]*>\s*(.*?)\s*<', html, re.S)
    return match.group(1).strip() if match else None


@pytest.fixture()
def editor(browser_as):
    """The editorial team's browser (the form's workflow lets editors change it)."""
    return browser_as("redaktion", demo_password("redaktion"))


def citizen_reads(citizen, portal, language):
    browser = citizen()
    browser.open(dog_tax(portal)["antrag"].absolute_url() + f"?set_language={language}")
    return browser.contents


def test_editor_translates_a_label_and_a_turkish_citizen_reads_it(editor, citizen, demo_portal):
    editor.open(editor_page(demo_portal))
    assert editor.getControl(name="field.dog_name.title").value == "Köpeğin adı"
    editor.getControl(name="field.dog_name.title").value = "Köpeğinizin adı"
    editor.getControl(name="form.buttons.save").click()

    assert "Die Übersetzung ist gespeichert (Türkisch)." in editor.contents
    html = citizen_reads(citizen, demo_portal, "tr")
    assert label_of(html, "dog_name") == "Köpeğinizin adı"
    # the other languages keep their own texts
    english = form_translations(dog_tax(demo_portal)["antrag"])["en"]["dog_name"]["title"]
    assert english == "Dog's name"


def test_a_choice_is_translated_and_stored_data_keeps_the_german_value(editor, demo_portal):
    editor.open(editor_page(demo_portal))
    # the choices in the order of the German form: "Hund anmelden", "Hund abmelden"
    editor.getControl(name="field.registration_type.value.0").value = "Köpeğimi kaydettiriyorum"
    editor.getControl(name="form.buttons.save").click()

    texts = form_translations(dog_tax(demo_portal)["antrag"])["tr"]["registration_type"]
    assert texts["values"]["Hund anmelden"] == "Köpeğimi kaydettiriyorum"
    assert texts["values"]["Hund abmelden"] == "Köpeğin kaydını sildirmek"


def test_a_field_left_untranslated_shows_german(editor, citizen, demo_portal):
    editor.open(editor_page(demo_portal))
    editor.getControl(name="field.dog_breed.title").value = ""
    editor.getControl(name="form.buttons.save").click()

    editor.open(editor_page(demo_portal))
    # the German text shows in the empty input, as the citizen will read it
    assert re.search(r'name="field.dog_breed.title"[^>]*placeholder="Rasse"', editor.contents)
    html = citizen_reads(citizen, demo_portal, "tr")
    assert label_of(html, "dog_breed") == "Rasse"
    assert label_of(html, "dog_name") == "Köpeğin adı"


def test_every_offered_language_has_its_page_with_right_to_left_for_arabic(editor, demo_portal):
    editor.open(editor_page(demo_portal, "ar"))

    assert editor.getControl(name="field.dog_name.title").value == "اسم الكلب"
    (tag,) = re.findall(r'<input[^>]*name="field.dog_name.title"[^>]*>', editor.contents, re.S)
    assert 'dir="rtl"' in tag and 'lang="ar"' in tag
    for language in ("Englisch", "Türkisch", "Ukrainisch", "Arabisch"):
        assert editor.getLink(language)


def test_tampered_field_name_is_refused_in_german_and_nothing_saved(editor, demo_portal):
    form = dog_tax(demo_portal)["antrag"]
    before = form_translations(form)["tr"]["dog_name"]["title"]
    editor.open(editor_page(demo_portal))
    token = editor.getControl(name="_authenticator").value
    editor.raiseHttpErrors = False

    editor.post(
        form.absolute_url() + "/@@formular-uebersetzen",
        urlencode(
            {
                "sprache": "tr",
                "_authenticator": token,
                "field.dog_name.title": "Değişti",
                "field.password.title": "Şifre",
                "form.buttons.save": "save",
            }
        ),
    )

    assert editor.headers["status"].startswith("400")
    assert "Das Formular hat kein Feld „password“." in editor.contents
    assert form_translations(form)["tr"]["dog_name"]["title"] == before


def test_without_the_token_nothing_is_saved(editor, demo_portal):
    form = dog_tax(demo_portal)["antrag"]
    editor.raiseHttpErrors = False

    editor.post(
        form.absolute_url() + "/@@formular-uebersetzen",
        urlencode(
            {"sprache": "tr", "field.dog_name.title": "Değişti", "form.buttons.save": "save"}
        ),
    )

    assert editor.headers["status"].startswith("403")
    assert "Das Formular war zu lange geöffnet oder ist ungültig." in editor.contents
    assert form_translations(form)["tr"]["dog_name"]["title"] == "Köpeğin adı"


def test_the_form_offers_editors_the_translation_screen(editor, demo_portal):
    editor.open(dog_tax(demo_portal)["antrag"].absolute_url())

    link = editor.getLink("Formular übersetzen")
    assert "/antrag/@@formular-uebersetzen" in link.url


@pytest.mark.parametrize("who", ["anonymous", "citizen"])
def test_citizens_and_visitors_get_no_screen_and_save_nothing(who, demo_functional, demo_portal):
    username = "buerger" if who == "citizen" else None
    browser = make_browser(
        demo_functional["app"], username, demo_password(username) if username else None
    )
    browser.handleErrors = True
    browser.raiseHttpErrors = False

    browser.open(editor_page(demo_portal))

    assert "/login" in browser.url or "insufficient-privileges" in browser.url
    assert "Formular übersetzen:" not in browser.contents
    browser.post(
        dog_tax(demo_portal)["antrag"].absolute_url() + "/@@formular-uebersetzen",
        urlencode(
            {"sprache": "tr", "field.dog_name.title": "Değişti", "form.buttons.save": "save"}
        ),
    )
    assert form_translations(dog_tax(demo_portal)["antrag"])["tr"]["dog_name"]["title"] == (
        "Köpeğin adı"
    )
