"""The German catalogue is complete and the site speaks German."""

from pathlib import Path
import polib
import pytest
import subprocess
import sys


PACKAGE = Path(__file__).parents[2] / "src" / "herne" / "portal"
# Run i18ndude from the interpreter running the tests (virtualenv or buildout alike).
I18NDUDE = [sys.executable, "-c", "import sys; from i18ndude.script import main; sys.exit(main())"]


def extracted_msgids(tmp_path, domain, source):
    pot = tmp_path / f"{domain}.pot"
    subprocess.run(
        [*I18NDUDE, "rebuild-pot", "--pot", str(pot), "--create", domain, str(source)],
        check=True,
        capture_output=True,
    )
    text = pot.read_text(encoding="utf-8")
    return {entry.msgid for entry in polib.pofile(text[text.index('msgid ""') :]) if entry.msgid}


def german_catalogue(domain):
    return polib.pofile(str(PACKAGE / "locales" / "de" / "LC_MESSAGES" / f"{domain}.po"))


def test_every_message_of_the_code_has_a_german_translation(tmp_path):
    catalogue = {entry.msgid: entry.msgstr for entry in german_catalogue("herne.portal")}
    missing = {
        msgid
        for msgid in extracted_msgids(tmp_path, "herne.portal", PACKAGE)
        if not catalogue.get(msgid)
    }
    assert missing == set()


def test_workflow_titles_have_german_translations(tmp_path):
    catalogue = {entry.msgid for entry in german_catalogue("plone")}
    wanted = extracted_msgids(tmp_path, "plone", PACKAGE / "profiles")
    # what Plone translates itself (msgids it leaves untranslated we may translate)
    core = {
        entry.msgid
        for entry in polib.pofile(
            str(
                Path(__import__("plone.app.locales").app.locales.__file__).parent
                / "locales/de/LC_MESSAGES/plone.po"
            )
        )
        if entry.msgstr
    }
    assert wanted - core - catalogue == set()
    # our plone-domain catalogue never shadows Plone's own translations
    assert catalogue & core == set()


@pytest.mark.parametrize("domain", ["herne.portal", "plone"])
def test_catalogue_is_german(domain):
    catalogue = german_catalogue(domain)
    assert catalogue.metadata["Language"] == "de"
    assert [entry.msgid for entry in catalogue if not entry.msgstr] == []


def test_translation_is_used(portal):
    from herne.portal.vocabularies.catalogue import ONLINE_AVAILABILITY
    from zope.i18n import translate

    msgid = dict(ONLINE_AVAILABILITY)["on_site_only"]
    assert translate(msgid, target_language="de") == "Nicht online: nur vor Ort mit Termin"
    assert (
        translate("Herne Serviceportal (uninstall)", domain="herne.portal", target_language="de")
        == "Herne Serviceportal (Deinstallation)"
    )
