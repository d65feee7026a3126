"""Searching tolerates German umlaut spellings and typos, and says what it took the word for."""

import pytest
import re


def text_of(browser):
    return re.sub(r"\s+", " ", browser.contents)


def service_search(browser, portal, term):
    browser.open(f"{portal.absolute_url()}/@@leistungssuche?SearchableText={term}")
    return text_of(browser)


@pytest.mark.parametrize(
    "term,service_id,title",
    [
        ("Hundesteur", "hundesteuer", "Hundesteuer an- und abmelden"),
        ("Fuehrungszeugnis", "fuehrungszeugnis", "Führungszeugnis"),
        ("Wohngeldd", "wohngeld", "Wohngeld beantragen"),
    ],
)
def test_service_search_finds_misspelled_services(
    anon_browser, demo_portal, term, service_id, title
):
    page = service_search(anon_browser, demo_portal, term)
    assert "0 Leistungen gefunden" not in page
    url = demo_portal["leistungen"][service_id].absolute_url()
    suggestion = page.split("Meinten Sie", 1)[1].split("?", 1)[0]
    assert f'href="{url}"' in suggestion
    assert title in suggestion
    results = page.split("Leistungen gefunden", 1)[1]
    assert f'href="{url}"' in results


def test_umlaut_left_out_finds_the_service(anon_browser, demo_portal):
    page = service_search(anon_browser, demo_portal, "fuhrungszeugnis")
    url = demo_portal["leistungen"]["fuehrungszeugnis"].absolute_url()
    assert f'href="{url}"' in page.split("Leistungen gefunden", 1)[1]


def test_correct_spelling_needs_no_suggestion(anon_browser, demo_portal):
    page = service_search(anon_browser, demo_portal, "Hundesteuer")
    assert "Meinten Sie" not in page
    assert "Hundesteuer an- und abmelden" in page


def test_nonsense_finds_nothing(anon_browser, demo_portal):
    page = service_search(anon_browser, demo_portal, "Xylophonquark")
    assert "0 Leistungen gefunden" in page
    assert "Meinten Sie" not in page


@pytest.mark.parametrize("term", ["Hundesteur", "Fuehrungszeugnis"])
def test_plone_search_page_tolerates_spellings(anon_browser, demo_portal, term):
    anon_browser.open(f"{demo_portal.absolute_url()}/@@search?SearchableText={term}")
    page = text_of(anon_browser)
    assert "Keine Ergebnisse" not in page
    service_id = "hundesteuer" if term == "Hundesteur" else "fuehrungszeugnis"
    url = demo_portal["leistungen"][service_id].absolute_url()
    assert url in page.split('id="search-results"', 1)[1]
    suggestion = page.split('class="herne-did-you-mean', 1)[1].split("</aside>", 1)[0]
    assert "Meinten Sie" in suggestion
    assert f'href="{url}"' in suggestion


def test_plone_search_page_needs_no_suggestion_for_right_spelling(anon_browser, demo_portal):
    anon_browser.open(f"{demo_portal.absolute_url()}/@@search?SearchableText=Hundesteuer")
    assert "herne-did-you-mean" not in anon_browser.contents


def test_rest_service_search_tolerates_spellings(api_session, demo_portal):
    response = api_session().get("@leistungssuche", params={"SearchableText": "Hundesteur"})
    assert response.status_code == 200
    data = response.json()
    url = demo_portal["leistungen"]["hundesteuer"].absolute_url()
    assert url in [item["@id"] for item in data["items"]]
    assert data["suggestions"][0] == {"@id": url, "title": "Hundesteuer an- und abmelden"}
    assert next(item for item in data["items"] if item["@id"] == url)["badge"] == {
        "token": "apply_online",
        "title": "Online beantragen",
    }
    odd = api_session().get("@leistungssuche", params={"SearchableText": '"(NOT AND)*'})
    assert odd.status_code == 400
    assert odd.json()["error"]["message"].startswith("Diesen Suchbegriff verstehen wir nicht")


@pytest.mark.parametrize(
    "path",
    [
        "@@search?SearchableText=%22%28NOT+AND%29*",
        "@@search?SearchableText=(((",
        "@@search?SearchableText:list=Hund&SearchableText:list=Katze",
        "@@leistungssuche?SearchableText=" + "+".join(["Hundesteur"] * 200),
        "@leistungssuche?SearchableText=(((",
    ],
)
def test_odd_search_terms_are_no_server_error(demo_functional, path):
    import requests

    url = demo_functional["portal"].absolute_url()
    response = requests.get(f"{url}/{path}", headers={"Accept": "text/html"}, timeout=30)
    assert response.status_code < 500, (path, response.status_code)


def test_words_that_find_services_as_typed_get_no_suggestion(anon_browser, demo_portal):
    # "Steuern" is close to the keyword "Steuer", but finds services as it is written.
    page = service_search(anon_browser, demo_portal, "Steuern")
    assert "0 Leistungen gefunden" not in page
    assert "Meinten Sie" not in page
    anon_browser.open(f"{demo_portal.absolute_url()}/@@search?SearchableText=Steuern")
    assert "herne-did-you-mean" not in anon_browser.contents
