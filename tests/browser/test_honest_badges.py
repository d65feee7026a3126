"""Badges tell citizens what is true: "Online beantragen" only where they can apply now, as the dashboard counts."""

from collections import Counter
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import re
from tests.fixtures.eid import configure_eid
import transaction


BADGE = re.compile(r'<span class="badge herne-badge-[\w-]+"\s*>([^<]+)</span>')


def az_badges(browser, portal):
    browser.open(f"{portal.absolute_url()}/@@leistungen-a-z")
    return Counter(label.strip() for label in BADGE.findall(browser.contents))


def dashboard_summary(api_session):
    session = api_session("digitalisierung", "demo-digitalisierung-2026")
    return session.get("@ozg-dashboard").json()["summary"]


def test_az_badges_agree_with_the_dashboard(anon_browser, demo_portal, api_session):
    badges = az_badges(anon_browser, demo_portal)
    summary = dashboard_summary(api_session)
    categories = summary["categories"]
    assert "Online verfügbar" not in badges
    assert badges["Online beantragen"] == categories["fully_online"]
    assert (
        badges["Online beantragen, Originale vor Ort zeigen"]
        == (categories["online_with_originals"])
    )
    assert (
        badges["Online beantragen"] + badges["Online beantragen, Originale vor Ort zeigen"]
        == summary["online"]
        == 4
    )
    assert badges["Nur vor Ort"] == categories["on_site_only"]
    assert sum(badges.values()) == summary["total"]
    # Without eID log-in the services that need it cannot be applied for yet.
    assert badges["Online mit Online-Ausweis – Anmeldung folgt"] == 2
    assert badges["Online-Antrag in Vorbereitung"] == len(summary["announced_without_form"]) - 2


def test_badges_follow_the_eid_log_in(anon_browser, demo_portal, api_session):
    configure_eid("https://id.bund.example")
    badges = az_badges(anon_browser, demo_portal)
    summary = dashboard_summary(api_session)
    assert "Online mit Online-Ausweis – Anmeldung folgt" not in badges
    assert (
        badges["Online beantragen"] + badges["Online beantragen, Originale vor Ort zeigen"]
        == summary["online"]
        == 6
    )


def test_service_page_and_search_show_the_same_badge(anon_browser, demo_portal):
    services = demo_portal["leistungen"]
    anon_browser.open(services["wohngeld"].absolute_url())
    assert "Online mit Online-Ausweis – Anmeldung folgt" in anon_browser.contents
    anon_browser.open(services["hundesteuer"].absolute_url())
    assert ">Online beantragen</span>" in anon_browser.contents
    anon_browser.open(f"{demo_portal.absolute_url()}/@@leistungssuche?SearchableText=Wohngeld")
    assert "Online mit Online-Ausweis – Anmeldung folgt" in anon_browser.contents


def test_removing_the_form_changes_the_badge(anon_browser, demo_portal):
    setRoles(demo_portal, TEST_USER_ID, ["Manager"])
    service = demo_portal["leistungen"]["hundesteuer"]
    form_id = next(
        item.getId() for item in service.objectValues() if item.portal_type == "EasyForm"
    )
    api.content.delete(obj=service[form_id], check_linkintegrity=False)
    transaction.commit()
    anon_browser.open(f"{demo_portal.absolute_url()}/@@leistungen-a-z")
    entry = anon_browser.contents.split("Hundesteuer an- und abmelden", 1)[1][:300]
    assert "Online-Antrag in Vorbereitung" in entry


def test_service_page_offers_the_form_only_where_citizens_can_apply_now(anon_browser, demo_portal):
    wohngeld = demo_portal["leistungen"]["wohngeld"]
    anon_browser.open(wohngeld.absolute_url())
    cta = anon_browser.contents.split('class="card herne-cta', 1)[1].split("</section>", 1)[0]
    assert "Online mit Online-Ausweis – Anmeldung folgt</h2>" in cta
    assert "noch nicht eingerichtet" in cta
    assert 'class="btn btn-primary btn-lg"' not in cta
    configure_eid("https://id.bund.example")
    anon_browser.open(wohngeld.absolute_url())
    cta = anon_browser.contents.split('class="card herne-cta', 1)[1].split("</section>", 1)[0]
    assert ">Online beantragen</h2>" in cta
    assert 'class="btn btn-primary btn-lg"' in cta
