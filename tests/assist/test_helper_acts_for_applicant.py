"""While the consent holds, the Digitallotse answers for the applicant; the consent can be withdrawn."""

from plone import api
from tests.fixtures.applications import OTHER_CITIZEN
from tests.fixtures.assist import FOR_GERTRUD
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import TAX_CLERK
from tests.fixtures.assist import application_of


def request_info(clerk, body):
    for step, comment in (("accept", ""), ("request_info", "Bitte Geburtsurkunde des Hundes.")):
        response = clerk.post(f"{body['@id']}/@workflow/{step}", json={"comment": comment})
        assert response.status_code == 200, response.text


def test_helper_answers_an_information_request_for_the_applicant(helpers, apply_for, api_session):
    body = apply_for().json()
    request_info(api_session(*TAX_CLERK), body)
    helper = api_session(*HELPER)
    page = helper.get(body["@id"], headers={"Accept": "text/html"}).text
    assert "herne-answer" in page

    response = helper.post(f"{body['@id']}/@antwort", json={"text": "Liegt bei."})

    assert response.status_code == 200, response.text
    application = application_of(body)
    assert api.content.get_state(application) == "in_progress"
    last = application.workflow_history["herne_application_workflow"][-1]
    assert (last["action"], last["actor"]) == ("answer", "lotse")


def test_after_withdrawal_the_helper_can_neither_answer_nor_see_it(helpers, apply_for, api_session):
    body = apply_for().json()
    clerk = api_session(*TAX_CLERK)
    request_info(clerk, body)
    # only the applicant and the department withdraw it
    refused = api_session(*OTHER_CITIZEN).post(f"{body['@id']}/@einwilligung-widerrufen")
    assert refused.status_code in (401, 403, 404)
    refused = api_session(*HELPER).post(f"{body['@id']}/@einwilligung-widerrufen")
    assert refused.status_code == 400
    assert (
        "nur die antragstellende Person und die zuständige Stelle"
        in (refused.json()["error"]["message"])
    )

    response = clerk.post(f"{body['@id']}/@einwilligung-widerrufen")

    assert response.status_code == 200, response.text
    assert response.json()["erfasst"]["consent_withdrawn"] is True
    assert "Einwilligung widerrufen am" in response.json()["erfasst"]["text"]
    helper = api_session(*HELPER)
    assert helper.post(f"{body['@id']}/@antwort", json={"text": "x"}).status_code in (
        401,
        403,
        404,
    )
    assert helper.get(f"{body['@id']}/@antrag").status_code in (401, 403, 404)
    assert body["reference_number"] not in helper.get("@postkorb").text
    assert api.content.get_state(application_of(body)) == "info_requested"
    # and it cannot be withdrawn twice
    assert clerk.post(f"{body['@id']}/@einwilligung-widerrufen").status_code == 400


def test_the_applicant_with_an_account_accepts_it_on_the_postkorb_and_the_helper_leaves(
    helpers, apply_for, browser_as
):
    body = apply_for({**FOR_GERTRUD, "email": "buergerin@example.org"}).json()
    browser = browser_as(*OTHER_CITIZEN)
    browser.open(f"{helpers.absolute_url()}/@@postkorb")
    assert "Für Sie erfasste Anträge" in browser.contents
    assert "Gertrud Groß" in browser.contents
    assert body["reference_number"] not in browser.contents  # not the application's data yet

    browser.getForm(action="@@antrag-angebot").getControl("Annehmen").click()

    assert "Sie haben den Antrag angenommen" in browser.contents
    assert body["reference_number"] in browser.contents
    application = application_of(body)
    assert application.applicant == "buergerin"
    # as after a claim: the helper's access and consent end, nothing is left to withdraw
    assert "lotse" not in dict(application.get_local_roles())
    assert "@@einwilligung-widerrufen" not in browser.contents
