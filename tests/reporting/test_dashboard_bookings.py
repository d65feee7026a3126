"""The dashboard's "Termine" for the digitalisation unit: wait, no-shows and bookings per office; CSV,
REST, and nobody else reads them."""

from datetime import timedelta
from herne.portal.booking.bookings import book
from herne.portal.booking.bookings import confirm
from herne.portal.booking.day_list import mark
from herne.portal.booking.figures import today
from herne.portal.booking.storage import utcnow
from herne.portal.reporting.bookings import invalidate
import pytest
import re
from tests.fixtures.booking_mail import at
from tests.fixtures.browsers import demo_password
from tests.fixtures.browsers import make_browser
import transaction


UNIT = ("digitalisierung", "demo-digitalisierung-2026")
TABLES = ("termine-wartezeit", "termine-je-tag", "termine-verlauf")


@pytest.fixture(autouse=True)
def fresh_figures():
    invalidate()
    yield
    invalidate()


def a_past_day_with_visits(department, service):
    """Two days ago: three confirmed online bookings; one came and was done, one did not come."""
    day = today(utcnow()) - timedelta(days=2)
    made = at(day - timedelta(days=5), 9)
    codes = []
    for index in range(3):
        booking, _token, _confirm = book(
            department,
            service.UID(),
            at(day, 9) + timedelta(minutes=15 * index),
            15,
            2,
            made,
            "Zoraida Quastenberg",
            f"z{index}@example.org",
        )
        codes.append(confirm(department, booking, made)["code"])
    counter = at(day, 11)
    mark(department, day, codes[0], "erschienen", counter)
    mark(department, day, codes[0], "erledigt", counter)
    mark(department, day, codes[1], "nicht erschienen", counter)
    transaction.commit()
    return day


def section(contents, name):
    return contents.split(f'id="tabelle-{name}"', 1)[1].split("</section>", 1)[0]


def cells(html):
    return [
        re.sub(r"<[^>]+>|\s+", " ", cell).strip()
        for cell in re.findall(r"<t[dh][^>]*>.*?</t[dh]>", html, re.S)
    ]


def test_the_unit_sees_wait_and_no_shows_per_office(booking_office, demo_functional):
    portal, department, service = booking_office
    day = a_past_day_with_visits(department, service)
    browser = make_browser(demo_functional["app"], *UNIT)
    browser.open(portal.absolute_url() + "/@@ozg-dashboard")
    for name in TABLES:
        assert f"@@ozg-dashboard-csv?tabelle={name}" in browser.contents
    wait = section(browser.contents, "termine-wartezeit")
    assert "Wartezeit: vom heutigen Tag bis zum Tag des ersten freien Termins" in wait
    row = next(row for row in re.findall(r"<tr>.*?</tr>", wait, re.S) if department.title in row)
    office, minutes, first_free, working, calendar, came, no_show, share = cells(row)
    assert (minutes, came, no_show, share) == ("15", "1", "1", "50")
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4}, 08:00", first_free)
    assert working == "1"
    assert "Zoraida" not in browser.contents and "@example.org" not in browser.contents
    assert re.search(r"Stand: \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr", wait)
    per_day = section(browser.contents, "termine-je-tag")
    row = next(
        row
        for row in re.findall(r"<tr>.*?</tr>", per_day, re.S)
        if day.strftime("%d.%m.%Y") in row and department.title in row
    )
    assert cells(row)[2:] == ["3", "3", "0", "0", "0", "1"]
    assert "herne-chart" in per_day


def test_no_free_slot_is_said_in_words(booking_office, demo_functional):
    portal, department, _service = booking_office
    department.booking_walk_in_percent = 100  # every counter kept for walk-ins: nothing bookable
    department.booking_counters = 2
    transaction.commit()
    browser = make_browser(demo_functional["app"], *UNIT)
    browser.open(portal.absolute_url() + "/@@ozg-dashboard-csv?tabelle=termine-wartezeit")
    lines = browser.contents.lstrip("\ufeff").splitlines()
    assert lines[0] == (
        "Amt;Termindauer (Min.);Nächster freier Termin;Wartezeit (Werktage);"
        "Wartezeit (Kalendertage);Erschienen (30 Tage);Nicht erschienen (30 Tage);"
        "Anteil nicht erschienen (%)"
    )
    assert f"{department.title};15;kein freier Termin im Buchungszeitraum;;;0;0;" in lines


def test_csv_of_bookings_per_day(booking_office, demo_functional):
    portal, department, service = booking_office
    day = a_past_day_with_visits(department, service)
    browser = make_browser(demo_functional["app"], *UNIT)
    browser.open(portal.absolute_url() + "/@@ozg-dashboard-csv?tabelle=termine-je-tag")
    lines = browser.contents.lstrip("\ufeff").splitlines()
    assert lines[0] == (
        "Amt;Tag;Termine bestätigt;davon online;davon von Mitarbeitenden gebucht;"
        "noch unbestätigt;storniert;nicht erschienen"
    )
    assert f"{department.title};{day.strftime('%d.%m.%Y')};3;3;0;0;0;1" in lines
    assert re.fullmatch(r"Stand: \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr", lines[-1])


def test_the_trend_shows_what_the_booking_job_kept(booking_office, demo_functional):
    from scripts.booking_reminders import run_booking_job

    portal, department, service = booking_office
    day = a_past_day_with_visits(department, service)
    run_booking_job(utcnow())
    run_booking_job(utcnow())
    browser = make_browser(demo_functional["app"], *UNIT)
    browser.open(portal.absolute_url() + "/@@ozg-dashboard-csv?tabelle=termine-verlauf")
    lines = browser.contents.lstrip("\ufeff").splitlines()
    assert lines[0] == (
        "Tag;Amt;Wartezeit (Werktage);Wartezeit (Kalendertage);Hinweis;Termine bestätigt;"
        "davon online;davon von Mitarbeitenden gebucht;nicht erschienen"
    )
    mine = [line for line in lines if f";{department.title};" in line]
    assert f"{day.strftime('%d.%m.%Y')};{department.title};;;;3;3;0;1" in mine
    measured = [line for line in mine if line.startswith(today(utcnow()).strftime("%d.%m.%Y"))]
    assert len(measured) == 1 and re.match(
        rf"[^;]+;{re.escape(department.title)};1;\d;", measured[0]
    )


def test_the_figures_over_rest(booking_office, api_session):
    _portal, department, service = booking_office
    a_past_day_with_visits(department, service)
    response = api_session(*UNIT).get("@ozg-dashboard")
    assert response.status_code == 200
    tables = {table["name"]: table for table in response.json()["tables"]}
    wait = tables["termine-wartezeit"]
    assert wait["columns"][0] == "Amt" and wait["computed_at"]
    (row,) = [row for row in wait["rows"] if row[0] == department.title]
    assert row[5:] == [1, 1, 50.0]
    assert "termine-je-tag" in tables and "termine-verlauf" in tables


OTHERS = [
    "sachbearbeitung",  # the clerk of this very office
    "sachbearbeitung-wanne",
    "buerger",
    "redaktion",
    None,
]


@pytest.mark.parametrize(
    "username",
    OTHERS,
    ids=["office-clerk", "other-clerk", "citizen", "editor", "anonymous"],
)
def test_nobody_else_reads_the_booking_figures(
    booking_office, demo_functional, api_session, username
):
    portal, department, service = booking_office
    a_past_day_with_visits(department, service)
    credentials = (username, demo_password(username)) if username else ()
    response = (api_session(*credentials) if username else api_session()).get("@ozg-dashboard")
    assert response.status_code == 401  # plone.restapi: also for those logged in
    assert "termine-wartezeit" not in response.text
    for name in TABLES:
        for path in ("@@ozg-dashboard", f"@@ozg-dashboard-csv?tabelle={name}"):
            browser = make_browser(demo_functional["app"], *credentials)
            browser.handleErrors = True
            browser.raiseHttpErrors = False
            browser.open(f"{portal.absolute_url()}/{path}")
            assert (
                "/login" in browser.url
                or "insufficient-privileges" in browser.url
                or "Unzureichende Berechtigungen" in browser.contents
            )
            assert "Wartezeit" not in browser.contents
            assert "Termine bestätigt" not in browser.contents


def test_the_wait_chart_writes_one_werktag_and_keeps_long_values_inside_the_chart():
    from herne.portal.reporting.bookings import working_days_unit
    from herne.portal.reporting.charts import WIDTH
    from herne.portal.reporting.charts import bar_chart
    import re
    from types import SimpleNamespace

    src = SimpleNamespace(de=str)
    svg = bar_chart(
        "Wartezeit", "Werktage", ["Wanne", "Herne-Mitte"], [1, 12], working_days_unit(src)
    )
    assert ">1 Werktag</text>" in svg
    assert ">12 Werktage</text>" in svg
    # the longest bar leaves room for "12 Werktage" (11 characters at the chart's font)
    widths = [float(width) for width in re.findall(r'<rect x="0" y="[\d.]+" width="([\d.]+)"', svg)]
    assert max(widths) + 6 + len("12 Werktage") * 0.56 * 20 <= WIDTH
