"""The city's front page: search, featured services, life situations, offices, logo and footer."""

from plone import api
import re
import transaction
from urllib.parse import urlencode


def text_of(browser):
    return re.sub(r"\s+", " ", browser.contents)


def section(page, heading):
    return page.split(heading, 1)[1].split("</section>", 1)[0]


def test_front_page_shows_the_city_portal(anon_browser, demo_portal):
    api.portal.set_registry_record(
        "herne.portal.site.public_url", "https://www.herne.de/serviceportal"
    )
    transaction.commit()
    anon_browser.open(demo_portal.absolute_url())
    page = text_of(anon_browser)
    assert "Serviceportal der Stadt Herne</h1>" in page
    assert f'action="{demo_portal.absolute_url()}/@@leistungssuche"' in page
    featured = section(page, "Häufig genutzte Leistungen")
    titles = re.findall(r'class="fw-bold" href="[^"]+">([^<]+)</a>', featured)
    assert titles == [
        "Personalausweis beantragen",
        "Hundesteuer an- und abmelden",
        "Führungszeugnis beantragen",
        "Bewohnerparkausweis beantragen",
    ]
    assert ">Nur vor Ort</span>" in featured
    assert ">Online beantragen</span>" in featured
    situations = section(page, "Lebenslagen</h2>")
    assert "@@lebenslagen?lage=pets_animals" in situations
    assert "Tiere und Haustiere" in situations
    offices = section(page, "Wo und wann wir geöffnet haben")
    assert "Bürgerdienste Herne-Mitte" in offices
    assert "Do 8:00–18:00 Uhr" in offices
    assert "Friedrich-Ebert-Platz 2" in offices
    assert "Sie sind auf dem offiziellen Serviceportal der Stadt Herne:" in page
    assert "<strong>www.herne.de</strong>" in page


def test_city_logo_and_footer_instead_of_plones(anon_browser, demo_portal):
    anon_browser.open(demo_portal.absolute_url())
    page = text_of(anon_browser)
    logo = re.search(r'<a[^>]*id="portal-logo"[^>]*>.*?<img[^>]*src="([^"]+)"', page).group(1)
    assert "@@site-logo/stadt-herne-logo.svg" in logo
    anon_browser.open(logo)
    svg = anon_browser.contents
    svg = svg.decode() if isinstance(svg, bytes) else svg
    assert "<title>Stadt Herne</title>" in svg
    assert "<image" not in svg
    anon_browser.open(demo_portal.absolute_url())
    footer = text_of(anon_browser).split('id="portal-footer-wrapper"', 1)[1]
    assert "Plone Foundation" not in footer
    assert "Powered by Plone" not in footer
    links = {
        title.strip(): url
        for url, title in re.findall(r'<a href="([^"]+)"[^>]*> <span>([^<]+)</span> </a>', footer)
    }
    portal_url = demo_portal.absolute_url()
    assert links["Impressum"] == f"{portal_url}/impressum"
    assert links["Datenschutz"] == f"{portal_url}/datenschutz"
    assert links["Erklärung zur Barrierefreiheit"] == f"{portal_url}/@@erklaerung-barrierefreiheit"
    assert links["Kontakt"] == f"{portal_url}/kontakt"
    for title, heading in (
        ("Impressum", "Anbieterin"),
        ("Datenschutz", "Ihre Rechte"),
        ("Kontakt", "Bürgertelefon"),
    ):
        anon_browser.open(links[title])
        assert heading in anon_browser.contents


def test_featured_services_are_chosen_in_the_control_panel(
    manager_browser, anon_browser, demo_portal
):
    services = demo_portal["leistungen"]
    manager_browser.open(f"{demo_portal.absolute_url()}/@@herne-front-page-controlpanel")
    assert "Häufig genutzte Leistungen" in manager_browser.contents
    token = manager_browser.getControl(name="_authenticator").value
    # What the ordered selection sends once the editor has moved two services to the right.
    manager_browser.post(
        f"{demo_portal.absolute_url()}/@@herne-front-page-controlpanel",
        urlencode(
            [
                ("form.widgets.featured_services:list", services["wohngeld"].UID()),
                ("form.widgets.featured_services:list", services["reisepass"].UID()),
                ("form.widgets.featured_services-empty-marker", "1"),
                ("form.buttons.save", "Sichern"),
                ("_authenticator", token),
            ]
        ),
    )
    anon_browser.open(demo_portal.absolute_url())
    featured = section(text_of(anon_browser), "Häufig genutzte Leistungen")
    titles = re.findall(r'class="fw-bold" href="[^"]+">([^<]+)</a>', featured)
    assert titles == ["Wohngeld beantragen", "Reisepass beantragen"]


def test_front_page_through_rest(api_session, demo_portal):
    response = api_session().get("@startseite")
    assert response.status_code == 200
    data = response.json()
    services = demo_portal["leistungen"]
    assert [item["@id"] for item in data["featured_services"]] == [
        services[sid].absolute_url()
        for sid in ("personalausweis", "hundesteuer", "fuehrungszeugnis", "bewohnerparkausweis")
    ]
    assert data["featured_services"][1]["badge"] == {
        "token": "apply_online",
        "title": "Online beantragen",
    }
    assert {"token": "pets_animals", "title": "Tiere und Haustiere"}.items() <= (
        data["life_situations"][3].items()
    )
    office = next(o for o in data["offices"] if o["title"] == "Bürgerdienste Herne-Mitte")
    assert "Do 8:00–18:00 Uhr" in office["opening_hours"]
