"""The pages citizens use show the right facts of the demo catalogue."""

from herne.portal.languages import german_only
from plone import api
import re


def text_of(browser):
    return re.sub(r"\s+", " ", browser.contents)


def test_online_service_page(anon_browser, demo_portal):
    anon_browser.open(demo_portal["leistungen"]["hundesteuer"].absolute_url())
    page = text_of(anon_browser)
    assert "Hundesteuer" in page
    assert 'id="herne-cta-heading"' in page
    assert "Nur vor Ort</h2>" not in page
    assert "Erforderliche Unterlagen" in page
    assert "Zuständige Stelle" in page
    assert "Zusendung per Post" in page


def test_online_service_says_how_long_applications_are_kept(anon_browser, demo_portal):
    import transaction

    services = demo_portal["leistungen"]
    anon_browser.open(services["hundesteuer"].absolute_url())
    page = text_of(anon_browser)
    assert "Aufbewahrung Ihrer Daten" in page
    assert "nach seinem Abschluss 2 Jahre aufbewahrt. Danach werden Ihre Angaben" in page
    services["wohngeld"].retention_months = 1
    services["wohngeld"].retention_action = "delete"
    services["fuehrungszeugnis"].retention_months = 30
    transaction.commit()
    anon_browser.open(services["wohngeld"].absolute_url())
    assert "Abschluss einen Monat aufbewahrt und danach mit allen Angaben und Dateien gelöscht" in (
        text_of(anon_browser)
    )
    anon_browser.open(services["fuehrungszeugnis"].absolute_url())
    assert "Abschluss 30 Monate aufbewahrt" in text_of(anon_browser)
    anon_browser.open(services["personalausweis"].absolute_url())
    assert "Aufbewahrung Ihrer Daten" not in text_of(anon_browser)


def test_service_with_eid_says_so(anon_browser, demo_portal):
    anon_browser.open(demo_portal["leistungen"]["fuehrungszeugnis"].absolute_url())
    page = text_of(anon_browser)
    assert "melden Sie sich mit der BundID (Online-Ausweis) an" in page
    assert "13,00 €" in page


def test_originals_listed_on_online_service(anon_browser, demo_portal):
    service = demo_portal["leistungen"]["lebensbescheinigung"]
    anon_browser.open(service.absolute_url())
    page = text_of(anon_browser)
    assert "Nach dem Online-Antrag zeigen Sie diese Originale vor Ort vor:" in page
    for name in service.originals_in_person:
        assert name in page


def test_on_site_only_service_page(anon_browser, demo_portal):
    service = demo_portal["leistungen"]["personalausweis"]
    department = service.department_object()
    anon_browser.open(service.absolute_url())
    page = text_of(anon_browser)
    assert "Nur vor Ort</h2>" in page
    assert 'id="herne-cta-heading"' not in page
    assert "Bitte mitbringen" in page
    for row in service.required_documents:
        assert row["name"] in page
    assert department.title in page
    assert department.address.splitlines()[0] in page
    assert department.opening_hours.splitlines()[0] in page
    assert "Persönliche Abholung" in page


def test_free_service_says_free(anon_browser, demo_portal):
    free = [s for s in demo_portal["leistungen"].objectValues() if not s.fees]
    assert free, "the demo catalogue has free services"
    anon_browser.open(free[0].absolute_url())
    assert "Gebührenfrei" in anon_browser.contents


def test_az_index(anon_browser, demo_portal):
    anon_browser.open(demo_portal["leistungen"].absolute_url())
    page = anon_browser.contents
    assert 'href="#buchstabe-H"' in page
    section = page.split('id="buchstabe-H"', 1)[1].split("</section>", 1)[0]
    assert "Hundesteuer" in section
    # the German A–Z lists the German pages, not their translations
    published = api.content.find(portal_type="Service", review_state="published", **german_only())
    assert page.count('class="fw-bold"') == len(published)
    assert len(published) < len(api.content.find(portal_type="Service", review_state="published"))
    # letters without services are shown but not linked
    empty = [
        letter for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if f'id="buchstabe-{letter}"' not in page
    ]
    for letter in empty:
        assert f'href="#buchstabe-{letter}"' not in page


def test_draft_service_not_listed_for_citizens(anon_browser, demo_portal):
    service = demo_portal["leistungen"]["hundesteuer"]
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=service, transition="retract")
    import transaction

    transaction.commit()
    link = f'href="{service.absolute_url()}"'
    anon_browser.open(demo_portal["leistungen"].absolute_url())
    assert link not in anon_browser.contents
    anon_browser.open(demo_portal.absolute_url() + "/@@leistungssuche?SearchableText=Hundesteuer")
    assert link not in anon_browser.contents
    assert "Befreiung oder Ermäßigung" in anon_browser.contents


def test_life_situations_overview(anon_browser, demo_portal):
    anon_browser.open(demo_portal.absolute_url() + "/@@lebenslagen")
    page = text_of(anon_browser)
    assert "Tiere und Haustiere" in page
    assert "?lage=pets_animals" in page


def test_life_situation_lists_its_services(anon_browser, demo_portal):
    anon_browser.open(demo_portal.absolute_url() + "/@@lebenslagen?lage=pets_animals")
    page = text_of(anon_browser)
    assert "Hundesteuer" in page
    assert "Personalausweis" not in page


def test_unknown_life_situation(demo_functional, demo_portal):
    from plone.testing.zope import Browser

    browser = Browser(demo_functional["app"])
    browser.raiseHttpErrors = False
    browser.open(demo_portal.absolute_url() + "/@@lebenslagen?lage=zeitreise")
    assert browser.headers["status"].startswith("404")
    assert "Diese Lebenslage gibt es nicht" in browser.contents


def test_service_search_finds_only_services(anon_browser, demo_portal):
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(
            container=demo_portal, type="Document", id="hundewiese", title="Hundewiese im Park"
        )
        api.content.transition(obj=page, transition="publish")
    import transaction

    transaction.commit()
    anon_browser.open(demo_portal.absolute_url() + "/@@leistungssuche?SearchableText=Hund")
    results = text_of(anon_browser).split('class="herne-service-search"', 1)[1]
    assert "Hundesteuer" in results
    assert "Hundewiese" not in results


def test_service_search_survives_odd_input(anon_browser, demo_portal):
    anon_browser.open(
        demo_portal.absolute_url() + "/@@leistungssuche?SearchableText=%22%28NOT+AND%29*"
    )
    assert "Diesen Suchbegriff verstehen wir nicht" in anon_browser.contents


def test_department_page_lists_services(anon_browser, demo_portal):
    department = demo_portal["leistungen"]["hundesteuer"].department_object()
    anon_browser.open(department.absolute_url())
    page = text_of(anon_browser)
    assert "Öffnungszeiten" in page
    assert "Hundesteuer" in page


def test_pages_are_responsive(anon_browser, demo_portal):
    anon_browser.open(demo_portal["leistungen"]["hundesteuer"].absolute_url())
    assert 'name="viewport"' in anon_browser.contents
