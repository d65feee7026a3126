"""Offices and services get their booking settings from the catalogue folder; the demo books at both Bürgerdienste."""

from datetime import time
from herne.portal.booking.office import office_settings
from herne.portal.catalogue_import.loader import CatalogueError
from herne.portal.catalogue_import.loader import load_catalogue
import json
import pytest
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import OTHER_OFFICE
from tests.fixtures.booking import office


def write(folder, office_booking, service_booking):
    department = {"id": "musteramt", "title": "Musteramt", "booking": office_booking}
    service = {
        "id": "musterleistung",
        "title": "Musterleistung",
        "department": "musteramt",
        "booking": service_booking,
    }
    for name, data in (("departments.json", [department]), ("services.json", [service])):
        (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def test_booking_entries_are_checked_with_every_problem_named(tmp_path):
    write(
        tmp_path,
        {"counters": 0, "hours": "montags immer", "walk_in_percent": "20", "lunch": True},
        {"visit_minutes": 7, "offices": ["gibt-es-nicht"]},
    )
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    found = info.value.problems
    expected = [
        "departments.json, entry 1 (id 'musteramt'): booking: 'counters' must be at least 1",
        "departments.json, entry 1 (id 'musteramt'): booking: 'walk_in_percent' must be a number",
        "departments.json, entry 1 (id 'musteramt'): booking: unknown key 'lunch'",
        "departments.json, entry 1 (id 'musteramt'): booking: Die Zeile „montags immer“ ist nicht lesbar.",
        "services.json, entry 1 (id 'musterleistung'): booking: 'visit_minutes' must be a multiple of 5",
        "services.json, entry 1 (id 'musterleistung'): booking: office 'gibt-es-nicht' is not in departments.json",
    ]
    for start in expected:
        assert any(problem.startswith(start) for problem in found), (start, found)


def test_a_correct_booking_entry_loads(tmp_path):
    write(
        tmp_path,
        {"counters": 3, "hours": "Mo-Fr 08:00-12:00"},
        {"visit_minutes": 10, "offices": ["musteramt"]},
    )
    catalogue = load_catalogue(tmp_path)
    assert catalogue.departments[0]["booking"]["counters"] == 3


def test_the_demo_books_at_both_buergerdienste(demo):
    portal = demo["portal"]
    herne_mitte = office_settings(office(portal, OFFICE))
    wanne = office_settings(office(portal, OTHER_OFFICE))
    thursday = [f"2027-03-04T{hour:02}:{minute:02}" for hour in range(24) for minute in (0, 30)]
    # 6 counters, 20 % for walk-ins: 4.8 places in each of the 20 half hours 08:00-18:00
    assert sum(herne_mitte.capacity(key) for key in thursday) == 96
    assert herne_mitte.hours[3] == [(time(8), time(18))]  # from the page's opening hours
    # 4 counters: 3.2 places in each of the 19 half hours 08:00-17:30, rounded down
    assert sum(wanne.capacity(key) for key in thursday) == 60
    assert wanne.hours[3] == [(time(8), time(17, 30))]
    passport = portal["leistungen"]["personalausweis"]
    assert passport.visit_minutes == 15
    assert passport.booking_offices == [
        office(portal, OFFICE).UID(),
        office(portal, OTHER_OFFICE).UID(),
    ]
