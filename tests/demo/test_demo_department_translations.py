"""The demo's departments in English, Turkish, Ukrainian and Arabic: the translated page, its German facts, the links to it."""

from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
import pytest
import re
from tests.fixtures.catalogue import demo_catalogue


LANGUAGES = ("en", "tr", "uk", "ar")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_demo_department_is_translated_and_published(demo, language):
    portal = demo["portal"]
    for department in demo_catalogue().departments:
        german = portal["organisation"][department["id"]]
        translation = ITranslationManager(german).get_translation(language)
        assert translation is not None, (department["id"], language)
        assert translation.Language() == language
        assert translation.title != german.title
        assert translation.Description() and translation.Description() != german.Description()
        assert api.content.get_state(translation) == "published"
        # the clerks and applications stay the German department's
        assert not translation.clerks_group


def test_the_turkish_department_page(anon_browser, demo_portal):
    german = demo_portal["organisation"]["steuern"]
    turkish = ITranslationManager(german).get_translation("tr")
    anon_browser.open(turkish.absolute_url())
    page = anon_browser.contents
    assert re.search(r'<html[^>]* lang="tr"', page)
    assert "Vergiler ve Harçlar (Steuern und Abgaben)" in page
    assert "Maliye birimi köpek vergisi" in page
    # address and contact are the German page's, marked as German
    assert re.search(r'class="herne-address"[^>]* lang="de"[^>]*>\s*Rathaus Herne', page)
    assert "steuern@herne.de" in page
    # the services it answers for, in Turkish
    dog_tax = ITranslationManager(demo_portal["leistungen"]["hundesteuer"]).get_translation("tr")
    assert dog_tax.absolute_url() in page
    assert "Köpek vergisi kaydı ve kaydın silinmesi" in page


def test_the_turkish_service_page_links_the_turkish_department(anon_browser, demo_portal):
    dog_tax = ITranslationManager(demo_portal["leistungen"]["hundesteuer"]).get_translation("tr")
    turkish = ITranslationManager(demo_portal["organisation"]["steuern"]).get_translation("tr")
    anon_browser.open(dog_tax.absolute_url())
    link = re.search(
        rf'<a href="{re.escape(turkish.absolute_url())}"[^>]* lang="tr"[^>]*>([^<]+)</a>',
        anon_browser.contents,
    )
    assert link is not None
    assert link.group(1) == "Vergiler ve Harçlar (Steuern und Abgaben)"


def test_the_german_service_page_keeps_the_german_department(anon_browser, demo_portal):
    german = demo_portal["organisation"]["steuern"]
    anon_browser.open(demo_portal["leistungen"]["hundesteuer"].absolute_url())
    assert f'<a href="{german.absolute_url()}">Steuern und Abgaben</a>' in anon_browser.contents
