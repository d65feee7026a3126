"""A Digitallotse or a clerk applies for someone: consent checked, nothing of their own account used."""

from plone import api
import pytest
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import HTML_AS_PDF
from tests.fixtures.applications import OTHER_CITIZEN
from tests.fixtures.assist import FOR_GERTRUD
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import LONE_HELPER
from tests.fixtures.assist import TAX_CLERK
from tests.fixtures.assist import accept_offers
from tests.fixtures.assist import vollmacht
import transaction


def field_errors(response):
    return {item["field"]: item["message"] for item in response.json()["error"]["errors"]}


def entered_applications():
    transaction.abort()
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(portal_type="Application")
        if brain._unrestrictedGetObject().entered_by
    ]


def test_helper_with_vollmacht_files_it_for_the_applicant_with_a_claim_code(helpers, apply_for):
    response = apply_for()
    assert response.status_code == 201, response.text
    body = response.json()
    (application,) = entered_applications()
    assert body["reference_number"] == application.reference_number
    assert body["erfasst"]["text"] == (
        "Erfasst von Digitallotse Hanna Hilfreich, Seniorentreff Wanne-Süd, mit Vollmacht"
    )
    assert len(body["zuordnungscode"].replace("-", "")) == 12
    # the applicant's own data, nobody's account
    assert application.applicant == ""
    assert application.applicant_name == "Gertrud Groß"
    assert application.entered_by == "lotse"
    assert "lotse" not in [
        principal for principal, roles in application.get_local_roles() if "Owner" in roles
    ]
    files = {item.field_name: item for item in application.contentValues()}
    assert files["herne_vollmacht"].field_title == "Vollmacht"
    history = application.workflow_history["herne_application_workflow"]
    assert history[-1]["comments"].startswith("Erfasst von Digitallotse Hanna Hilfreich")


@pytest.mark.parametrize(
    "behalf, field, message",
    [
        ({}, "einwilligung", "Bitte geben Sie an, wie die antragstellende Person eingewilligt hat"),
        (
            {"einwilligung": "vollmacht"},
            "vollmacht",
            "Bitte laden Sie die unterschriebene Vollmacht hoch",
        ),
        (
            {"einwilligung": "vollmacht", "vollmacht": vollmacht(HTML_AS_PDF)},
            "vollmacht",
            "Diese Datei ist kein PDF-Dokument",
        ),
        (
            {"einwilligung": "vor_ort", "ausweis": "personalausweis"},
            "einwilligung",
            "kann nur die Sachbearbeitung am Schalter bestätigen",
        ),
        ({"einwilligung": "egal"}, "einwilligung", "Bitte geben Sie an"),
    ],
)
def test_without_valid_consent_nothing_is_filed(helpers, apply_for, behalf, field, message):
    response = apply_for(behalf=behalf)
    assert response.status_code == 400, response.text
    assert message in field_errors(response)[field]
    assert entered_applications() == []


@pytest.mark.parametrize(
    "user, message",
    [
        (LONE_HELPER, "gehört zu keiner Helferorganisation"),
        (CITIZEN, "können nur Digitallotsen und die Sachbearbeitung der zuständigen Stelle"),
        # the clerk of another department
        (CLERK, "können nur Digitallotsen und die Sachbearbeitung der zuständigen Stelle"),
    ],
)
def test_only_helpers_of_an_organisation_and_the_departments_clerks_may(
    helpers, apply_for, user, message
):
    response = apply_for(user=user)
    assert response.status_code == 400, response.text
    assert message in field_errors(response)["form"]
    assert entered_applications() == []


def test_clerk_at_the_counter_confirms_presence_and_the_kind_of_id(helpers, apply_for):
    response = apply_for(behalf={"einwilligung": "vor_ort"}, user=TAX_CLERK)
    assert response.status_code == 400
    assert "welchen Ausweis" in field_errors(response)["ausweis"]

    response = apply_for(behalf={"einwilligung": "vor_ort", "ausweis": "reisepass"}, user=TAX_CLERK)
    assert response.status_code == 201, response.text
    assert response.json()["erfasst"]["text"] == (
        "Am Schalter erfasst von Torsten Taler, Ausweis vorgelegt (Reisepass)"
    )
    (application,) = entered_applications()
    assert application.entry["id_kind"] == "reisepass"
    assert not list(application.contentValues())  # no Vollmacht to keep


def test_service_needing_eid_only_at_the_counter_with_the_person_present(helpers, apply_for):
    values = {
        "first_name": "Gertrud",
        "last_name": "Groß",
        "birth_date": "1941-02-03",
        "birth_name": "Klein",
        "birth_place": "Herne",
        "street": "Bahnhofstraße 12",
        "postcode": "44623",
        "city": "Herne",
        "certificate_kind": "Privatführungszeugnis",
        "nationality": "deutsch",
        "privacy_consent": True,
    }
    response = apply_for(values, service_id="fuehrungszeugnis")
    assert response.status_code == 400, response.text
    assert "nur am Schalter" in field_errors(response)["einwilligung"]

    response = apply_for(
        values,
        behalf={"einwilligung": "vor_ort", "ausweis": "personalausweis"},
        service_id="fuehrungszeugnis",
        user=CLERK,
    )
    assert response.status_code == 201, response.text


def test_an_account_with_the_applicants_email_is_offered_it_not_given_it(
    helpers, apply_for, api_session
):
    response = apply_for({**FOR_GERTRUD, "email": "BUERGERIN@example.org"})
    assert response.status_code == 201, response.text
    # the same code as for someone without an account: the helper learns nothing
    assert len(response.json()["zuordnungscode"].replace("-", "")) == 12
    (application,) = entered_applications()
    assert application.applicant == ""
    citizen = api_session(*OTHER_CITIZEN)
    postkorb = citizen.get("@postkorb").json()
    assert postkorb["items"] == []
    (offer,) = postkorb["angebote"]
    assert offer == {
        "id": application.UID(),
        "service_title": "Hundesteuer an- und abmelden",
        "erfasst": "Erfasst von Digitallotse Hanna Hilfreich, Seniorentreff Wanne-Süd, mit Vollmacht",
        "capacity": "helper",
        "organisation": "Seniorentreff Wanne-Süd",
        "date": offer["date"],
        "applicant_name": "Gertrud Groß",
    }
    assert citizen.get(f"{response.json()['@id']}/@antrag").status_code in (401, 403, 404)

    (accepted,) = accept_offers(citizen)

    assert accepted["reference_number"] == application.reference_number
    postkorb = citizen.get("@postkorb").json()
    assert [item["reference_number"] for item in postkorb["items"]] == [
        application.reference_number
    ]
    assert postkorb["angebote"] == []
    (application,) = entered_applications()
    assert application.applicant == "buergerin"
    assert application.claim is None  # the code is spent
    assert "lotse" not in dict(application.get_local_roles())


def test_a_repeated_post_files_once(helpers, api_session):
    session = api_session(*HELPER)
    body = {
        "values": FOR_GERTRUD,
        "fuer_andere": {"einwilligung": "vollmacht", "vollmacht": vollmacht()},
        "token": "einmal-1234",
    }
    first = session.post("leistungen/hundesteuer/antrag/@antragsformular", json=body)
    second = session.post("leistungen/hundesteuer/antrag/@antragsformular", json=body)
    assert first.status_code == 201, first.text
    assert second.json()["reference_number"] == first.json()["reference_number"]
    assert len(entered_applications()) == 1


def test_get_offers_the_consents_of_the_callers_capacity_and_no_eid_values(helpers, api_session):
    path = "leistungen/hundesteuer/antrag/@antragsformular"
    helper = api_session(*HELPER).get(path, params={"fuer_andere": "1"}).json()
    assert [kind["token"] for kind in helper["fuer_andere"]["einwilligung"]] == ["vollmacht"]
    assert helper["fuer_andere"]["ausweis"] == []
    assert helper["fuer_andere"]["organisation"] == "Seniorentreff Wanne-Süd"
    clerk = api_session(*TAX_CLERK).get(path, params={"fuer_andere": "1"}).json()
    assert [kind["token"] for kind in clerk["fuer_andere"]["einwilligung"]] == [
        "vollmacht",
        "vor_ort",
    ]
    assert "reisepass" in [kind["token"] for kind in clerk["fuer_andere"]["ausweis"]]
    citizen = api_session(*CITIZEN).get(path, params={"fuer_andere": "1"})
    assert citizen.status_code == 403
    assert "nur Digitallotsen" in citizen.json()["error"]["message"]
    assert api_session(*CITIZEN).get(path).json()["fuer_andere"] is None


def test_part_of_an_accounts_address_owns_nothing(helpers, apply_for):
    response = apply_for({**FOR_GERTRUD, "email": "erin@example.org"})  # in buergerin@…
    assert response.status_code == 201, response.text
    assert response.json()["zuordnungscode"]
    (application,) = entered_applications()
    assert application.applicant == ""
