"""Every interface language's catalogues are complete, keep the placeholders, and are used."""

from herne.portal.i18n import INTERFACE_LANGUAGES
from pathlib import Path
import polib
import pytest
import re


LOCALES = Path(__file__).parents[2] / "src" / "herne" / "portal" / "locales"
FOREIGN = [code for code in INTERFACE_LANGUAGES if code != "de"]
PLACEHOLDER = re.compile(r"\$\{[^}]+\}")


def template_msgids():
    text = (LOCALES / "herne.portal.pot").read_text(encoding="utf-8")
    return {e.msgid for e in polib.pofile(text[text.index('msgid ""') :]) if e.msgid}


def catalogue(language, domain="herne.portal"):
    return polib.pofile(str(LOCALES / language / "LC_MESSAGES" / f"{domain}.po"))


def test_every_catalogue_on_disk_is_an_interface_language():
    """A language directory is offered only once its catalogues are complete (and listed)."""
    on_disk = {path.name for path in LOCALES.iterdir() if path.is_dir()}
    assert on_disk == set(INTERFACE_LANGUAGES)


@pytest.mark.parametrize("language", FOREIGN)
def test_every_message_has_a_translation(language):
    po = catalogue(language)
    assert po.metadata["Language"] == language
    translated = {e.msgid: e.msgstr for e in po if e.msgstr.strip()}
    assert sorted(template_msgids() - set(translated)) == []


@pytest.mark.parametrize("language", FOREIGN)
def test_translations_keep_the_placeholders(language):
    mismatched = [
        (e.msgid, e.msgstr)
        for e in catalogue(language)
        if sorted(PLACEHOLDER.findall(e.msgid)) != sorted(PLACEHOLDER.findall(e.msgstr))
    ]
    assert mismatched == []


@pytest.mark.parametrize("language", FOREIGN)
def test_plone_domain_strings_are_translated(language):
    german = {e.msgid for e in catalogue("de", "plone") if e.msgid}
    import plone.app.locales

    core_path = (
        Path(plone.app.locales.__file__).parent / "locales" / language / "LC_MESSAGES" / "plone.po"
    )
    core = {e.msgid for e in polib.pofile(str(core_path)) if e.msgstr}
    ours = {e.msgid: e.msgstr for e in catalogue(language, "plone") if e.msgstr.strip()}
    assert sorted(german - core - set(ours)) == []
    # never shadowing what Plone translates itself
    assert set(ours) & core == set()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Not online: on site only with an appointment"),
        ("tr", "Çevrimiçi değil: yalnızca randevuyla yerinde"),
        ("uk", "Не онлайн: лише на місці за записом"),
        ("ar", "غير متاح إلكترونيًا: حضوريًا فقط بموعد"),
    ],
)
def test_catalogue_is_used(portal, language, expected):
    from herne.portal.i18n import in_language
    from herne.portal.vocabularies.catalogue import ONLINE_AVAILABILITY

    msgid = dict(ONLINE_AVAILABILITY)["on_site_only"]
    assert in_language(msgid, language) == expected
    assert in_language(msgid, "de") == "Nicht online: nur vor Ort mit Termin"


def test_the_visitors_choice_names_the_language_of_a_request(portal):
    from herne.portal.i18n import request_language
    from plone import api

    class Request(dict):
        """What a request holds of languages: Plone's negotiated one and the switch's cookie."""

        cookies = {}

    api.portal.set_registry_record("plone.available_languages", ["de", "tr", "ar"])
    # A German page (a form) seen by a visitor who chose Turkish with the language switch.
    request = Request(LANGUAGE="de")
    request.cookies = {"I18N_LANGUAGE": "tr"}
    assert request_language(request) == "tr"
    # Only offered languages count; German otherwise.
    request.cookies["I18N_LANGUAGE"] = "uk"
    assert request_language(request) == "de"
    request["LANGUAGE"] = "ar"
    assert request_language(request) == "ar"


@pytest.mark.parametrize("language", ["tr", "uk", "ar"])
def test_plone_translates_its_own_strings_the_citizen_sees(portal, language):
    from zope.i18n import translate

    for msgid in ("Log in", "Log out", "Search", "Home"):
        translated = translate(msgid, domain="plone", target_language=language)
        assert translated and translated != msgid, (language, msgid)
