"""The digitalisation unit sees the share of applications entered for someone, per service."""

from herne.portal.reporting.statistics import assisted_share
from tests.fixtures.applications import build_application
from tests.fixtures.assist import TAX_CLERK
import transaction


DOG_TAX = "Hundesteuer an- und abmelden"


def test_share_of_applications_entered_for_someone_per_service(helpers, apply_for, api_session):
    assert apply_for().status_code == 201
    assert (
        apply_for(behalf={"einwilligung": "vor_ort", "ausweis": "reisepass"}, user=TAX_CLERK)
    ).status_code == 201
    transaction.abort()
    build_application(helpers, "hundesteuer")
    build_application(helpers, "hundesteuer")
    build_application(helpers, "fuehrungszeugnis")
    build_application(helpers, "hundesteuer", submit=False)  # a draft counts nowhere

    share = assisted_share()

    assert share["services"][DOG_TAX] == {"total": 4, "assisted": 2, "share": 50.0}
    assert share["services"]["Führungszeugnis beantragen"]["assisted"] == 0
    assert (share["total"], share["assisted"], share["share"]) == (5, 2, 40.0)
    transaction.commit()
    unit = api_session("digitalisierung", "demo-digitalisierung-2026")
    csv = unit.get("@@ozg-dashboard-csv", params={"tabelle": "mit-hilfe"})
    assert csv.status_code == 200
    assert "davon für andere erfasst" in csv.text
    assert f"{DOG_TAX};4;2;50" in csv.text.replace(",", ".").replace('"', "")
