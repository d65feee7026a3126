"""Declining an offer on the Postkorb page leaves the application unclaimed: the code still works, the helper notices nothing."""

from herne.portal.assist.offer import offers_for
from tests.fixtures.applications import OTHER_CITIZEN
from tests.fixtures.assist import FOR_GERTRUD
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import NEWCOMER
from tests.fixtures.assist import application_of
import transaction


def claim(session, body):
    return session.post(
        "@antrag-zuordnen",
        json={
            "code": body["zuordnungscode"],
            "reference_number": body["reference_number"],
            "birth_date": FOR_GERTRUD["birth_date"],
        },
    )


def test_declined_on_the_page_the_rightful_applicant_claims_it_with_the_code(
    helpers, apply_for, api_session, browser_as
):
    # the e-mail the helper typed is another citizen's: a wrong match
    body = apply_for({**FOR_GERTRUD, "email": "buergerin@example.org"}).json()
    helper = api_session(*HELPER)
    before = helper.get(f"{body['@id']}/@antrag").json()
    browser = browser_as(*OTHER_CITIZEN)
    browser.open(f"{helpers.absolute_url()}/@@postkorb")

    browser.getForm(action="@@antrag-angebot").getControl("Ablehnen").click()

    assert "Sie haben den Antrag abgelehnt" in browser.contents
    assert "Für Sie erfasste Anträge" not in browser.contents
    assert offers_for("buergerin") == []
    application = application_of(body)
    assert application.applicant == "" and application.claim
    # the helper sees just what she saw before: no trace of the offer or its decline
    assert helper.get(f"{body['@id']}/@antrag").json() == before
    response = claim(api_session(*NEWCOMER), body)
    assert response.status_code == 200, response.text
    assert application_of(body).applicant == "neuling"


def test_a_claim_with_the_code_ends_the_offer(helpers, apply_for, api_session):
    body = apply_for({**FOR_GERTRUD, "email": "buergerin@example.org"}).json()
    assert claim(api_session(*NEWCOMER), body).status_code == 200
    citizen = api_session(*OTHER_CITIZEN)
    assert citizen.get("@angebote").json()["items"] == []
    transaction.abort()
    assert offers_for("buergerin") == []
