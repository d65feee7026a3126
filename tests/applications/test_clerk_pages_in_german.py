"""Clerks' pages stay German when the clerk's cookie or browser asks for Turkish; the citizen's do not."""

import pytest
import re
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import build_application
from tests.fixtures.browsers import make_browser
import transaction


def turkish_browser(demo_functional, credentials):
    """A browser whose language switch chose Turkish and that asks for Turkish pages."""
    browser = make_browser(demo_functional["app"], *credentials, language="tr")
    browser.addHeader("Cookie", "I18N_LANGUAGE=tr")
    return browser


def page_language(contents):
    return re.search(r'<html[^>]* lang="([^"]+)"', contents).group(1)


@pytest.fixture()
def turkish_application(demo_functional):
    application = build_application(demo_functional["portal"], "fuehrungszeugnis")
    application.citizen_language = "tr"
    transaction.commit()
    return application


def test_clerk_reads_the_application_in_german(demo_functional, turkish_application):
    clerk = turkish_browser(demo_functional, CLERK)
    clerk.open(turkish_application.absolute_url())
    assert page_language(clerk.contents) == "de"
    assert "Aktenzeichen:" in clerk.contents
    assert "Sprache der Antragstellung" in clerk.contents
    assert "Bearbeitung beginnen" in clerk.contents
    assert "Dosya numarası" not in clerk.contents
    assert "Başvuru dili" not in clerk.contents


def test_the_citizen_reads_the_same_application_in_turkish(demo_functional, turkish_application):
    citizen = turkish_browser(demo_functional, CITIZEN)
    citizen.open(turkish_application.absolute_url())
    assert page_language(citizen.contents) == "tr"
    assert "Dosya numarası:" in citizen.contents


@pytest.mark.parametrize(
    "view, german, turkish",
    [
        ("arbeitskorb", "Arbeitskorb", "İş kutusu"),
        ("postausgang", "Postausgang", "Giden posta"),
    ],
)
def test_worklist_and_postausgang_are_german(
    demo_functional, turkish_application, view, german, turkish
):
    clerk = turkish_browser(demo_functional, CLERK)
    clerk.open(f"{demo_functional['portal'].absolute_url()}/@@{view}")
    assert page_language(clerk.contents) == "de"
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", clerk.contents, re.S).group(1)
    assert german in heading
    assert turkish not in clerk.contents


def test_the_offices_day_list_is_german(demo_functional, booking_office):
    _portal, office, _service = booking_office
    clerk = turkish_browser(demo_functional, CLERK)
    clerk.open(f"{office.absolute_url()}/@@tagesliste")
    assert page_language(clerk.contents) == "de"
    assert f"Tagesliste {office.Title()}" in clerk.contents
    assert "Günlük liste" not in clerk.contents


def test_no_language_switch_on_the_clerks_pages_but_on_the_citizens(
    demo_functional, turkish_application
):
    clerk = turkish_browser(demo_functional, CLERK)
    for page in (
        turkish_application.absolute_url(),
        demo_functional["portal"].absolute_url() + "/arbeitskorb",
    ):
        clerk.open(page)
        assert "herne-language-switch" not in clerk.contents  # it would change nothing here
    clerk.open(demo_functional["portal"].absolute_url())
    assert "herne-language-switch" in clerk.contents  # the public pages keep it
    citizen = turkish_browser(demo_functional, CITIZEN)
    citizen.open(turkish_application.absolute_url())
    assert "herne-language-switch" in citizen.contents
