"""The Turkish front page features the Turkish service pages; a service nobody translated stays German, marked so."""

from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
import re
import transaction


FEATURED = ("personalausweis", "hundesteuer", "fuehrungszeugnis", "bewohnerparkausweis")


def featured_links(contents, page_language):
    """(lang, href, title) of the front page's featured services; lang where it is not the page's."""
    featured = contents.split('id="herne-featured-heading"', 1)[1].split("</section>", 1)[0]
    return [
        (lang or page_language, href, title)
        for href, lang, title in re.findall(
            r'<a class="fw-bold"\s+href="([^"]+)"(?:\s+lang="([^"]+)"[^>]*)?>([^<]+)</a>', featured
        )
    ]


def turkish(portal, service_id):
    return ITranslationManager(portal["leistungen"][service_id]).get_translation("tr")


def test_turkish_front_page_links_the_turkish_pages(anon_browser, demo_portal):
    anon_browser.open(f"{demo_portal.absolute_url()}/tr")
    assert "Sık kullanılan hizmetler" in anon_browser.contents
    expected = [turkish(demo_portal, sid) for sid in FEATURED]
    assert featured_links(anon_browser.contents, "tr") == [
        ("tr", page.absolute_url(), page.Title()) for page in expected
    ]
    assert "Köpek vergisi kaydı ve kaydın silinmesi" in anon_browser.contents


def test_an_untranslated_service_stays_german_and_says_so(anon_browser, demo_portal):
    services = demo_portal["leistungen"]
    api.portal.set_registry_record(
        "herne.portal.front_page.featured_services",
        [services["reitkennzeichen"].UID(), services["hundesteuer"].UID()],
    )
    transaction.commit()
    anon_browser.open(f"{demo_portal.absolute_url()}/tr")
    assert featured_links(anon_browser.contents, "tr") == [
        ("de", services["reitkennzeichen"].absolute_url(), "Reitkennzeichen beantragen"),
        (
            "tr",
            turkish(demo_portal, "hundesteuer").absolute_url(),
            "Köpek vergisi kaydı ve kaydın silinmesi",
        ),
    ]


def test_the_german_front_page_keeps_the_german_pages(anon_browser, demo_portal):
    anon_browser.open(demo_portal.absolute_url())
    services = demo_portal["leistungen"]
    assert [href for _lang, href, _title in featured_links(anon_browser.contents, "de")] == [
        services[sid].absolute_url() for sid in FEATURED
    ]


def test_the_front_page_through_rest_in_turkish(api_session, demo_portal):
    data = api_session().get("@startseite", headers={"Accept-Language": "tr"}).json()
    assert [item["@id"] for item in data["featured_services"]] == [
        turkish(demo_portal, sid).absolute_url() for sid in FEATURED
    ]
    assert data["featured_services"][1]["title"] == "Köpek vergisi kaydı ve kaydın silinmesi"


def test_the_turkish_front_page_names_the_offices_in_turkish_and_searches_in_turkish(
    anon_browser, demo_portal
):
    anon_browser.open(f"{demo_portal.absolute_url()}/tr")
    page = anon_browser.contents
    offices = page.split('id="herne-offices-heading"', 1)[1].split("</section>", 1)[0]
    turkish = ITranslationManager(demo_portal["organisation"]["buergerdienste-herne-mitte"])
    turkish = turkish.get_translation("tr")
    assert f'href="{turkish.absolute_url()}"' in offices
    assert "Vatandaşlık Hizmetleri Herne-Mitte (Bürgerdienste)" in offices
    # the German address and opening hours are marked as German
    assert re.search(r'<p class="mb-1" lang="de" dir="ltr"[^>]*>\s*Rathaus Herne', offices)
    assert re.search(r'<span lang="de" dir="ltr"[^>]*>Mo, Di 8:00–16:00 Uhr', offices)
    root = demo_portal["tr"].absolute_url()
    assert f'action="{root}/@@leistungssuche"' in page
    assert f'href="{root}/leistungen"' in page


def test_the_offices_through_rest_in_turkish(api_session, demo_portal):
    data = api_session().get("@startseite", headers={"Accept-Language": "tr"}).json()
    titles = [office["title"] for office in data["offices"]]
    assert "Vatandaşlık Hizmetleri Herne-Mitte (Bürgerdienste)" in titles
    assert "Bürgerdienste Herne-Mitte" not in titles
