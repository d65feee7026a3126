"""OZG coverage and maturity on a catalogue whose figures are known."""

from herne.portal.reporting.coverage import catalogue_rows
from herne.portal.reporting.coverage import ozg_coverage
from plone import api
import pytest
from tests.fixtures.catalogue import KNOWN_SERVICES


EXPECTED = {title: expected for _id, title, _facts, _form, expected in KNOWN_SERVICES}


def test_category_and_level_per_service(known_catalogue):
    rows = {row.title: row for row in catalogue_rows()}
    assert set(rows) == set(EXPECTED)  # the unpublished service is not counted
    assert {title: (row.category, row.level) for title, row in rows.items()} == EXPECTED


def test_summary_against_target(known_catalogue):
    _rows, summary, _departments = ozg_coverage()
    assert summary["total"] == 6
    assert summary["categories"] == {
        "fully_online": 1,
        "online_with_originals": 1,
        "on_site_only": 1,
        "info_only": 3,
    }
    assert summary["online"] == 2
    assert summary["online_share"] == pytest.approx(33.3)
    assert summary["target_percent"] == 80
    assert summary["missing_for_target"] == 3  # 80 % of 6 is 4.8: five services
    assert summary["levels"] == {0: 1, 1: 3, 2: 1, 3: 0, 4: 1}
    assert sorted(summary["announced_without_form"]) == [
        "Angekündigt, ohne Formular",
        "Führungszeugnis",
    ]


def test_eid_makes_the_certificate_online(known_catalogue):
    api.portal.set_registry_record("herne.portal.eid.enabled", True)
    api.portal.set_registry_record("herne.portal.eid.issuer", "https://id.example")
    api.portal.set_registry_record("herne.portal.eid.client_id", "herne")
    rows = {row.title: row for row in catalogue_rows()}
    # online with eID; fees without e-payment and a result by post keep it at 3
    assert (rows["Führungszeugnis"].category, rows["Führungszeugnis"].level) == ("fully_online", 3)
    _rows, summary, _departments = ozg_coverage()
    assert summary["online"] == 3
    assert summary["missing_for_target"] == 2


def test_configured_target(known_catalogue):
    api.portal.set_registry_record("herne.portal.site.ozg_target_percent", 25)
    _rows, summary, _departments = ozg_coverage()
    assert summary["target_percent"] == 25
    assert summary["missing_for_target"] == 0


def test_per_department(known_catalogue):
    _rows, _summary, departments = ozg_coverage()
    by_name = {row["department"]: row for row in departments}
    assert by_name["Steuern und Abgaben"]["total"] == 1
    assert by_name["Steuern und Abgaben"]["online_share"] == 100.0
    assert by_name["Bürgerdienste"]["total"] == 5
    assert by_name["Bürgerdienste"]["online"] == 1
    assert by_name["Bürgerdienste"]["categories"]["on_site_only"] == 1


def test_facts_come_from_the_service(known_catalogue):
    rows = {row.title: row.facts for row in catalogue_rows()}
    assert rows["Hundesteuer"].uploads is True  # the dog tax form has a file field
    assert rows["Hundesteuer"].digital_result is True
    assert rows["Lebensbescheinigung"].needs_originals is True
    assert rows["Führungszeugnis"].fees is True
    assert rows["Führungszeugnis"].needs_eid is True
    assert rows["Angekündigt, ohne Formular"].online_form is False
    assert rows["Ohne Beschreibung"].has_description is False


def test_empty_catalogue(integration):
    _rows, summary, departments = ozg_coverage()
    assert summary["total"] == 0
    assert summary["online_share"] == 0.0
    assert summary["missing_for_target"] == 0
    assert departments == []
