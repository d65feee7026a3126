"""The OZG dashboard as the digitalisation unit sees it: page, charts, CSV, snapshot and REST."""

from datetime import date
import pytest
import re
from tests.fixtures.browsers import make_browser
import transaction
from xml.etree import ElementTree


UNIT = ("digitalisierung", "demo-digitalisierung-2026")


def browser_for(demo_functional, credentials=UNIT):
    return make_browser(demo_functional["app"], *(credentials or ()))


def dashboard_url(demo_functional):
    return demo_functional["portal"].absolute_url() + "/@@ozg-dashboard"


def test_unit_sees_coverage_against_target(demo_functional):
    from herne.portal.reporting.coverage import ozg_coverage

    _rows, summary, _departments = ozg_coverage()
    browser = browser_for(demo_functional)
    browser.open(dashboard_url(demo_functional))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", browser.contents))
    assert f"{summary['online']} von {summary['total']} veröffentlichten Leistungen" in text
    assert "Ziel: 80 %" in text
    for name in (
        "kategorien",
        "reifegrade",
        "organisationseinheiten",
        "leistungen",
        "verlauf",
        "eingaenge",
        "rueckstand",
        "bearbeitungszeit",
        "originale",
    ):
        assert f'id="tabelle-{name}"' in browser.contents
        assert f"@@ozg-dashboard-csv?tabelle={name}" in browser.contents


def test_charts_are_accessible_svg_with_the_table_figures(demo_functional):
    from herne.portal.reporting.coverage import ozg_coverage

    _rows, summary, _departments = ozg_coverage()
    browser = browser_for(demo_functional)
    browser.open(dashboard_url(demo_functional))
    svgs = re.findall(r"<svg[^>]*herne-chart.*?</svg>", browser.contents, re.S)
    assert svgs
    for svg in svgs:
        root = ElementTree.fromstring(svg)
        ns = "{http://www.w3.org/2000/svg}"
        assert root.get("role") == "img"
        title_id, desc_id = root.get("aria-labelledby").split()
        assert root.find(f"{ns}title").get("id") == title_id
        assert root.find(f"{ns}title").text
        assert root.find(f"{ns}desc").get("id") == desc_id
    categories = svgs[0]
    online_share = round(100 * summary["categories"]["fully_online"] / summary["total"], 1)
    assert f"{online_share:g} %".replace(".", ",") in categories
    assert "Ziel 80 %" in categories


def test_csv_of_a_table(demo_functional):
    from herne.portal.reporting.coverage import ozg_coverage

    _rows, summary, _departments = ozg_coverage()
    browser = browser_for(demo_functional)
    browser.open(
        demo_functional["portal"].absolute_url() + "/@@ozg-dashboard-csv?tabelle=kategorien"
    )
    assert browser.headers["Content-Type"].startswith("text/csv")
    body = browser.contents
    assert body.startswith("\ufeff")  # spreadsheets then read UTF-8
    lines = body.lstrip("\ufeff").splitlines()
    assert lines[0] == "Art;Leistungen;Anteil (%)"
    assert lines[1].startswith(f"Vollständig online;{summary['categories']['fully_online']};")
    assert len(lines) == 7
    assert lines[5] == ""
    assert re.fullmatch(r"Stand: \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr", lines[6])


def test_csv_of_a_statistic_says_when_it_was_computed(demo_functional, monkeypatch):
    from herne.portal.reporting import cache

    monkeypatch.setattr(cache, "_now", lambda: 1_000_000.0)  # within one cache window
    computed = cache.weekly_submissions().computed_at  # kept: the catalog has not changed
    browser = browser_for(demo_functional)
    browser.open(
        demo_functional["portal"].absolute_url() + "/@@ozg-dashboard-csv?tabelle=eingaenge"
    )
    lines = browser.contents.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Leistung;KW ")
    assert lines[-3].startswith("Alle Leistungen;")
    assert lines[-1] == computed.strftime("Stand: %d.%m.%Y, %H:%M Uhr")


def test_unknown_csv_table_is_not_found(demo_functional):
    browser = browser_for(demo_functional)
    with pytest.raises(Exception) as error:
        browser.open(
            demo_functional["portal"].absolute_url() + "/@@ozg-dashboard-csv?tabelle=geheim"
        )
    assert "NotFound" in type(error.value).__name__ or "404" in str(error.value)


def test_snapshot_feeds_the_trend(demo_functional):
    browser = browser_for(demo_functional)
    browser.open(dashboard_url(demo_functional))
    browser.getControl("Heutigen Stand für den Verlauf festhalten").click()
    assert f"Der Stand vom {date.today().isoformat()} ist festgehalten." in browser.contents
    trend = browser.contents.split('id="tabelle-verlauf"', 1)[1].split("</section>", 1)[0]
    assert date.today().isoformat() in trend


def test_snapshot_needs_the_form_token(demo_functional):
    browser = browser_for(demo_functional)
    with pytest.raises(Exception) as error:
        browser.post(demo_functional["portal"].absolute_url() + "/@@ozg-snapshot", "")
    assert "Forbidden" in type(error.value).__name__ or "403" in str(error.value)
    transaction.abort()
    from herne.portal.reporting.snapshots import trend

    assert trend() == []


@pytest.mark.parametrize(
    "credentials",
    [
        ("buerger", "demo-buerger-2026"),
        ("sachbearbeitung", "demo-sachbearbeitung-2026"),
        ("redaktion", "demo-redaktion-2026"),
        None,
    ],
    ids=["citizen", "clerk", "editor", "anonymous"],
)
def test_others_do_not_get_the_dashboard(demo_functional, credentials):
    portal_url = demo_functional["portal"].absolute_url()
    for path in ("@@ozg-dashboard", "@@ozg-dashboard-csv?tabelle=leistungen"):
        browser = browser_for(demo_functional, credentials)
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.open(f"{portal_url}/{path}")
        # Plone's answer: the log-in form, or "insufficient privileges" for the logged-in
        assert (
            "/login" in browser.url
            or "insufficient-privileges" in browser.url
            or ("Unzureichende Berechtigungen" in browser.contents)
        )
        assert "tabelle-kategorien" not in browser.contents
        assert "Reifegrad" not in browser.contents


def test_personal_bar_link_only_for_the_unit(demo_functional):
    portal = demo_functional["portal"]
    unit = browser_for(demo_functional)
    unit.open(portal.absolute_url())
    assert "@@ozg-dashboard" in unit.contents
    citizen = browser_for(demo_functional, ("buerger", "demo-buerger-2026"))
    citizen.open(portal.absolute_url())
    assert "@@ozg-dashboard" not in citizen.contents


def test_statistics_show_when_they_were_computed(demo_functional):
    browser = browser_for(demo_functional)
    browser.open(dashboard_url(demo_functional))
    for name in ("eingaenge", "rueckstand", "bearbeitungszeit", "originale"):
        section = browser.contents.split(f'id="tabelle-{name}"', 1)[1].split("</section>", 1)[0]
        assert re.search(r"Stand: \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr", section)
    # the coverage is computed for every request: no date needed
    section = browser.contents.split('id="tabelle-kategorien"', 1)[1].split("</section>", 1)[0]
    assert "Stand:" not in section


def submit_new_application(portal):
    from DateTime import DateTime
    from tests.fixtures.applications import bring_to
    from tests.fixtures.applications import draft_application

    application = draft_application(portal, "hundesteuer")
    application.submitted = DateTime()
    bring_to(application, "submitted")
    application.reindexObject()


def weekly_total(browser, demo_functional):
    browser.open(dashboard_url(demo_functional))
    section = browser.contents.split('id="tabelle-eingaenge"', 1)[1].split("</section>", 1)[0]
    row = re.search(r"<th[^>]*>Alle Leistungen</th>(.*?)</tr>", section, re.S).group(1)
    return int(re.findall(r"<td>\s*(\d+)\s*</td>", row)[-1])


def test_a_new_application_shows_up_at_once(demo_functional):
    browser = browser_for(demo_functional)
    before = weekly_total(browser, demo_functional)
    assert weekly_total(browser, demo_functional) == before  # kept
    submit_new_application(demo_functional["portal"])
    transaction.commit()  # the catalog changed: computed again
    assert weekly_total(browser, demo_functional) == before + 1


def test_statistics_are_kept_for_a_few_minutes(demo_functional, monkeypatch):
    from herne.portal.reporting import cache

    monkeypatch.setattr(cache, "_now", lambda: 1_000_000.0)
    first = cache.weekly_submissions()
    assert cache.weekly_submissions() is first
    monkeypatch.setattr(cache, "_now", lambda: 1_000_000.0 + cache.CACHE_SECONDS)
    later = cache.weekly_submissions()
    assert later is not first
    assert later.value == first.value
    assert later.computed_at >= first.computed_at

    # a change not yet committed (it may still be rolled back) is counted, never kept
    submit_new_application(demo_functional["portal"])
    uncommitted = cache.weekly_submissions()
    assert sum(uncommitted.value["totals"]) == sum(later.value["totals"]) + 1
    assert cache.weekly_submissions() is not uncommitted
    transaction.abort()
    assert cache.weekly_submissions() is later


def test_csv_computes_only_its_table(demo_functional, monkeypatch):
    from herne.portal.reporting import cache
    from herne.portal.reporting import dashboard

    def refused(*args, **kwargs):
        raise AssertionError("computed for another table")

    for name in ("backlog", "processing_times", "originals_share"):
        monkeypatch.setattr(cache, name, refused)
    monkeypatch.setattr(dashboard, "ozg_coverage", refused)
    browser = browser_for(demo_functional)
    browser.open(
        demo_functional["portal"].absolute_url() + "/@@ozg-dashboard-csv?tabelle=eingaenge"
    )
    assert "Alle Leistungen;" in browser.contents
    browser.open(demo_functional["portal"].absolute_url() + "/@@ozg-dashboard-csv?tabelle=verlauf")
    assert browser.contents.lstrip("\ufeff").startswith("Datum;Leistungen;online;")


def test_fractional_processing_times_are_written_with_a_decimal_comma(demo_functional, monkeypatch):
    from datetime import datetime
    from herne.portal.reporting import cache

    times = {
        "overall": {"count": 3, "median": 2.5, "p90": 13.25},
        "services": {"Hundesteuer": {"count": 3, "median": 2.5, "p90": 13.25}},
    }
    monkeypatch.setattr(cache, "processing_times", lambda: cache.Figures(times, datetime.now()))
    browser = browser_for(demo_functional)
    browser.open(dashboard_url(demo_functional))
    table = re.search(r'id="tabelle-bearbeitungszeit".*?</table>', browser.contents, re.S)[0]
    cells = [
        re.sub(r"<[^>]+>|\s+", "", cell)
        for cell in re.findall(r"<t[dh][^>]*>.*?</t[dh]>", table, re.S)
    ]
    assert cells[-3:] == ["3", "2,5", "13,25"]
    assert "2.5" not in table and "13.25" not in table
    browser.open(
        demo_functional["portal"].absolute_url() + "/@@ozg-dashboard-csv?tabelle=bearbeitungszeit"
    )
    lines = browser.contents.lstrip("\ufeff").splitlines()
    assert "Alle Leistungen;3;2,5;13,25" in lines
    assert "Hundesteuer;3;2,5;13,25" in lines
