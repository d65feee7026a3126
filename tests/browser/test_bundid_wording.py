"""Citizens are sent to BundID for the eID log-in: no page names the switched-off Servicekonto.NRW."""

from tests.fixtures.eid import configure_eid


def test_no_citizen_page_names_servicekonto(anon_browser, demo_portal):
    configure_eid("https://id.bund.example")
    portal_url = demo_portal.absolute_url()
    pages = [
        f"{portal_url}/login",
        f"{portal_url}/@@erklaerung-barrierefreiheit",
        *(service.absolute_url() for service in demo_portal["leistungen"].objectValues()),
    ]
    for url in pages:
        anon_browser.open(url)
        assert "Servicekonto" not in anon_browser.contents, url
    anon_browser.open(demo_portal["leistungen"]["fuehrungszeugnis"].absolute_url())
    assert "melden Sie sich mit der BundID (Online-Ausweis) an" in anon_browser.contents
    anon_browser.open(f"{portal_url}/login")
    assert "Über die BundID." in anon_browser.contents
