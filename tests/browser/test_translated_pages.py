"""Languages: the switch on every page, translations linked to German, notices, lang and dir."""

from herne.portal.languages import GERMAN
from plone import api
from plone.app.multilingual import api as multilingual
import pytest
import re
import transaction
from urllib.parse import quote


TRANSLATIONS = ("en", "tr", "uk", "ar")


def html_lang_and_dir(html):
    lang = re.search(r"<html[^>]*\slang=\"([^\"]+)\"", html).group(1)
    body_dir = re.search(r"<body[^>]*\sdir=\"([^\"]+)\"", html).group(1)
    return lang, body_dir


def switch_links(html):
    nav = re.search(r'<nav class="herne-language-switch".*?</nav>', html, re.S)
    assert nav is not None, "no language switch on the page"
    return re.findall(
        r'<a href="([^"]+)" lang="([^"]+)" hreflang="[^"]+" dir="([^"]+)"', nav.group(0)
    )


def translate_service(service, language, title):
    with api.env.adopt_roles(["Manager"]):
        translation = multilingual.translate(service, language)
        translation.title = title
        translation.reindexObject()
        api.content.transition(obj=translation, transition="publish")
    return translation


@pytest.fixture()
def dog_tax(demo_portal):
    """A service the demo has not translated (the riding plate), for translating in the test."""
    return demo_portal["leistungen"]["reitkennzeichen"]


def test_every_offered_language_has_a_root_and_german_stays_at_the_site_root(demo_portal):
    assert api.portal.get_registry_record("plone.available_languages") == [
        "de",
        *TRANSLATIONS,
    ]
    assert demo_portal.getLayout() == "startseite"
    assert "de" not in demo_portal.objectIds()
    for language in TRANSLATIONS:
        root = demo_portal[language]
        assert root.Language() == language
        folder = root["leistungen"]
        assert folder.Language() == language
        assert multilingual.get_translation_manager(folder).get_translation(GERMAN).UID() == (
            demo_portal["leistungen"].UID()
        )


def test_german_service_page_links_each_language_and_its_translation(anon_browser, dog_tax):
    translation = translate_service(dog_tax, "tr", "Köpek vergisi")
    transaction.commit()

    anon_browser.open(dog_tax.absolute_url())

    assert html_lang_and_dir(anon_browser.contents) == ("de", "ltr")
    links = {lang: (url, direction) for url, lang, direction in switch_links(anon_browser.contents)}
    assert list(links) == ["de", *TRANSLATIONS]
    assert links["tr"][0] == translation.absolute_url() + "?set_language=tr"
    # no English page yet: the German page, in the reader's chosen language
    assert links["en"][0] == dog_tax.absolute_url() + "?set_language=en"
    assert links["ar"][1] == "rtl"


def test_translation_is_shown_in_its_language_and_direction(anon_browser, dog_tax):
    turkish = translate_service(dog_tax, "tr", "Köpek vergisi")
    arabic = translate_service(dog_tax, "ar", "ضريبة الكلاب")
    transaction.commit()

    anon_browser.open(turkish.absolute_url() + "?set_language=tr")
    assert html_lang_and_dir(anon_browser.contents) == ("tr", "ltr")
    assert "Köpek vergisi" in anon_browser.contents

    anon_browser.open(arabic.absolute_url() + "?set_language=ar")
    assert html_lang_and_dir(anon_browser.contents) == ("ar", "rtl")
    assert "ضريبة الكلاب" in anon_browser.contents


def test_missing_translation_shows_the_german_page_with_a_notice(anon_browser, dog_tax):
    anon_browser.open(dog_tax.absolute_url() + "?set_language=uk")

    html = anon_browser.contents
    notice = re.search(r'<aside class="herne-translation-notice[^"]*"[^>]*>', html)
    assert notice is not None
    assert 'lang="uk"' in notice.group(0)
    # the German page itself, not an empty page
    assert "Reitkennzeichen beantragen" in html
    assert 'class="herne-prerequisites"' in html


def test_no_notice_on_the_german_page_for_german_readers_nor_on_a_current_translation(
    anon_browser, dog_tax
):
    turkish = translate_service(dog_tax, "tr", "Köpek vergisi")
    transaction.commit()
    anon_browser.open(dog_tax.absolute_url())
    assert "herne-translation-notice" not in anon_browser.contents
    anon_browser.open(turkish.absolute_url() + "?set_language=tr")
    assert "herne-translation-notice" not in anon_browser.contents


def test_translation_older_than_the_german_page_says_so(anon_browser, dog_tax):
    turkish = translate_service(dog_tax, "tr", "Köpek vergisi")
    # the German page is edited a day after the translation was made
    dog_tax.setModificationDate(turkish.modified() + 1)
    dog_tax.reindexObject(idxs=["modified"])
    transaction.commit()

    anon_browser.open(turkish.absolute_url() + "?set_language=tr")
    notice = re.search(
        r'<aside class="herne-translation-notice alert alert-warning".*?</aside>',
        anon_browser.contents,
        re.S,
    )
    assert notice is not None
    assert 'lang="tr"' in notice.group(0)
    assert dog_tax.absolute_url() + "?set_language=de" in notice.group(0)


def test_german_listings_and_counts_leave_translations_out(anon_browser, demo_portal, dog_tax):
    translate_service(dog_tax, "en", "Dog tax")
    transaction.commit()

    anon_browser.open(demo_portal["leistungen"].absolute_url())

    assert "Dog tax" not in anon_browser.contents
    assert "Reitkennzeichen" in anon_browser.contents
    # the demo's own translations neither
    assert "Köpek vergisi" not in anon_browser.contents
    assert demo_portal["tr"].absolute_url() + "/leistungen/" not in anon_browser.contents


def test_language_neutral_pages_follow_the_chosen_language(citizen, demo_portal):
    browser = citizen()
    browser.open(demo_portal.absolute_url() + "/@@postkorb?set_language=ar")
    assert html_lang_and_dir(browser.contents) == ("ar", "rtl")
    links = {lang: url for url, lang, _dir in switch_links(browser.contents)}
    assert links["de"].startswith(demo_portal.absolute_url() + "/@@postkorb")


def test_front_page_switch_leads_to_the_language_roots(anon_browser, demo_portal):
    anon_browser.open(demo_portal.absolute_url())
    links = {lang: url for url, lang, _dir in switch_links(anon_browser.contents)}
    assert links["de"] == demo_portal.absolute_url() + "?set_language=de"
    assert links["tr"] == demo_portal["tr"].absolute_url() + "?set_language=tr"

    anon_browser.open(links["tr"])
    assert html_lang_and_dir(anon_browser.contents) == ("tr", "ltr")


def test_search_finds_a_translation_by_its_words_and_by_the_german_name(
    anon_browser, demo_portal, dog_tax
):
    turkish = translate_service(dog_tax, "tr", "At plakası")
    transaction.commit()
    search = demo_portal["tr"].absolute_url() + "/@@leistungssuche?SearchableText="

    anon_browser.open(search + quote("plakası"))
    assert turkish.absolute_url() in anon_browser.contents

    # the German name from the Turkish search: the Turkish page, not the German one
    anon_browser.open(search + "Reitkennzeichen")
    assert turkish.absolute_url() in anon_browser.contents
    assert dog_tax.absolute_url() + '"' not in anon_browser.contents


def test_translated_page_falls_back_to_german_per_field_marked_as_german(anon_browser, dog_tax):
    arabic = translate_service(dog_tax, "ar", "لوحة تسجيل الخيول")
    transaction.commit()

    anon_browser.open(arabic.absolute_url() + "?set_language=ar")

    html = anon_browser.contents
    # the translator wrote no fees yet: the German rows, marked as German text
    fees = re.search(r'<section class="herne-fees">.*?</section>', html, re.S).group(0)
    assert re.search(r'<li lang="de" dir="ltr"', fees)
    # the department's German name and address inside the Arabic page
    department = re.search(r'<section class="herne-department">.*?</section>', html, re.S).group(0)
    assert re.search(r'<p lang="de" dir="ltr"', department)


DEMO_TRANSLATED = (
    "hundesteuer",
    "personalausweis",
    "wohnsitz-anmelden",
    "wohngeld",
    "fuehrungszeugnis",
    "bewohnerparkausweis",
)


@pytest.mark.parametrize("service_id", DEMO_TRANSLATED)
def test_demo_translates_the_main_services_into_every_language(demo_portal, service_id):
    german = demo_portal["leistungen"][service_id]
    found = multilingual.get_translation_manager(german).get_translations()
    for language in TRANSLATIONS:
        translation = found[language]
        assert translation.aq_parent.UID() == demo_portal[language]["leistungen"].UID()
        assert api.content.get_state(translation) == "published"
        assert translation.title and translation.title != german.title
        # facts and amounts are the German page's
        assert translation.online_availability == german.online_availability
        assert [row["amount"] for row in translation.fees] == [row["amount"] for row in german.fees]
        assert [row["provision"] for row in translation.required_documents] == [
            row["provision"] for row in german.required_documents
        ]


def test_arabic_identity_card_page_is_right_to_left_with_the_on_site_box(anon_browser, demo_portal):
    german = demo_portal["leistungen"]["personalausweis"]
    arabic = multilingual.get_translation_manager(german).get_translation("ar")

    anon_browser.open(arabic.absolute_url() + "?set_language=ar")

    html = anon_browser.contents
    assert html_lang_and_dir(html) == ("ar", "rtl")
    assert "بطاقة الهوية" in html
    on_site = re.search(r'<section class="card herne-on-site.*?</section>', html, re.S).group(0)
    # the box's heading in Arabic, not "Nur vor Ort"
    assert "Nur vor Ort" not in on_site
    assert "صورة بيومترية لجواز السفر" in on_site
    # the office's German name and address keep their language and direction
    assert re.search(r'<p class="herne-address"[^>]*lang="de"', on_site) or re.search(
        r'<p lang="de" dir="ltr"[^>]*class="herne-address"', on_site
    )
    # Leichte Sprache stays German
    assert re.search(r'<section class="card herne-plain-language[^"]*"\s+lang="de"', html)


def test_search_in_arabic_finds_the_identity_card_by_its_german_name(anon_browser, demo_portal):
    german = demo_portal["leistungen"]["personalausweis"]
    arabic = multilingual.get_translation_manager(german).get_translation("ar")

    anon_browser.open(
        demo_portal["ar"].absolute_url() + "/@@leistungssuche?SearchableText=Personalausweis"
    )

    assert arabic.absolute_url() in anon_browser.contents
