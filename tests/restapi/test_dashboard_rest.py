"""REST: the dashboard's figures for the unit only."""

from datetime import datetime
import pytest


def test_unit_gets_the_figures(api_session):
    session = api_session("digitalisierung", "demo-digitalisierung-2026")
    response = session.get("@ozg-dashboard")
    assert response.status_code == 200
    data = response.json()
    assert data["summary"]["target_percent"] == 80
    assert data["summary"]["total"] == sum(data["summary"]["categories"].values())
    names = [table["name"] for table in data["tables"]]
    assert names[:3] == ["kategorien", "reifegrade", "organisationseinheiten"]
    services = next(table for table in data["tables"] if table["name"] == "leistungen")
    assert len(services["rows"]) == data["summary"]["total"]


def test_statistics_say_when_they_were_computed(api_session):
    data = api_session("digitalisierung", "demo-digitalisierung-2026").get("@ozg-dashboard").json()
    computed = {table["name"]: table["computed_at"] for table in data["tables"]}
    for name in ("eingaenge", "rueckstand", "bearbeitungszeit", "originale"):
        assert datetime.fromisoformat(computed[name]).tzinfo is not None
    assert computed["kategorien"] is None  # computed for this answer
    assert data["computed_at"] == min(value for value in computed.values() if value is not None)


@pytest.mark.parametrize(
    "credentials,status",
    [
        (("buerger", "demo-buerger-2026"), 401),
        (("redaktion", "demo-redaktion-2026"), 401),
        ((None, None), 401),
    ],
)
def test_others_are_refused(api_session, credentials, status):
    response = api_session(*credentials).get("@ozg-dashboard")
    assert response.status_code in (401, 403)
    assert "summary" not in response.text
