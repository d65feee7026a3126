"""The demo has a Digitallotsin at the Seniorentreff Wanne-Süd who can apply for someone."""

from herne.portal.assist.helpers import is_helper
from herne.portal.assist.helpers import organisation_of
from herne.portal.demo.helpers import demo_helpers
from plone import api
from tests.fixtures.assist import FOR_GERTRUD
from tests.fixtures.assist import vollmacht


def test_demo_helper_belongs_to_the_seniorentreff(demo):
    (organisation,) = demo_helpers()
    (data,) = organisation["helpers"]
    user = api.user.get(username=data["username"])
    assert is_helper(user)
    assert organisation_of(user) == "Seniorentreff Wanne-Süd"


def test_demo_helper_applies_for_someone(rest_portal, api_session):
    response = api_session("digitallotse", "demo-digitallotse-2026").post(
        "leistungen/hundesteuer/antrag/@antragsformular",
        json={
            "values": FOR_GERTRUD,
            "fuer_andere": {"einwilligung": "vollmacht", "vollmacht": vollmacht()},
        },
    )
    assert response.status_code == 201, response.text
    assert response.json()["erfasst"]["text"] == (
        "Erfasst von Digitallotse Doris Lotz, Seniorentreff Wanne-Süd, mit Vollmacht"
    )
