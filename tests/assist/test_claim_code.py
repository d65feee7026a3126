"""The applicant attaches an application entered for them with code, reference number and birth date."""

from DateTime import DateTime
from herne.portal.assist.claim import MAX_TRIES
import re
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import NEWCOMER
from tests.fixtures.assist import application_of
import transaction


def entered(apply_for):
    response = apply_for()
    assert response.status_code == 201, response.text
    return response.json()


def claim(session, body, code=None, birth_date="1941-02-03"):
    return session.post(
        "@antrag-zuordnen",
        json={
            "code": code or body["zuordnungscode"],
            "reference_number": body["reference_number"],
            "birth_date": birth_date,
        },
    )


def messages(response):
    return {item["field"]: item["message"] for item in response.json()["error"]["errors"]}


def test_claim_moves_it_to_the_applicants_postkorb_and_ends_the_helpers_access(
    helpers, apply_for, api_session
):
    body = entered(apply_for)
    helper = api_session(*HELPER)
    assert helper.get(f"{body['@id']}/@antrag").status_code == 200
    newcomer = api_session(*NEWCOMER)

    response = claim(newcomer, body, code=body["zuordnungscode"].lower().replace("-", " "))

    assert response.status_code == 200, response.text
    assert response.json()["reference_number"] == body["reference_number"]
    postkorb = newcomer.get("@postkorb").json()
    assert [item["reference_number"] for item in postkorb["items"]] == [body["reference_number"]]
    assert helper.get(f"{body['@id']}/@antrag").status_code in (401, 403, 404)
    application = application_of(body)
    assert application.applicant == "neuling"
    assert application.claim is None
    # single use: a second claim, by anyone, finds nothing to claim
    again = claim(api_session("buergerin", "demo-buergerin-2026"), body)
    assert again.status_code == 400
    assert application_of(body).applicant == "neuling"


def test_five_wrong_tries_lock_the_claim_for_an_hour(helpers, apply_for, api_session):
    body = entered(apply_for)
    newcomer = api_session(*NEWCOMER)
    for _try in range(MAX_TRIES - 1):
        response = claim(newcomer, body, birth_date="1941-02-04")
        assert response.status_code == 400
        assert "passen nicht zusammen" in messages(response)["code"]
    wrong = claim(newcomer, body, code="AAAA-BBBB-CCCC")
    assert "für eine Stunde gesperrt" in messages(wrong)["code"]
    # now even the right data are refused, with the answer a wrong code gets: the lock
    # does not tell a stranger that the reference number exists
    response = claim(newcomer, body)
    assert response.status_code == 400
    assert messages(response) == messages(wrong)
    assert application_of(body).applicant == ""
    # an hour later it works
    application = application_of(body)
    application.claim["locked_until"] = DateTime() - 1 / 24.0 / 60
    transaction.commit()
    assert claim(newcomer, body).status_code == 200


def test_expired_code_and_missing_fields_are_refused_in_german(helpers, apply_for, api_session):
    body = entered(apply_for)
    application = application_of(body)
    application.claim["expires"] = DateTime() - 1
    transaction.commit()
    newcomer = api_session(*NEWCOMER)
    assert "abgelaufen" in messages(claim(newcomer, body))["code"]
    response = newcomer.post("@antrag-zuordnen", json={"birth_date": "3.2.41"})
    assert set(messages(response)) == {"code", "reference_number", "birth_date"}
    assert api_session().post("@antrag-zuordnen", json={}).status_code == 401


def test_the_helper_cannot_claim_what_they_entered(helpers, apply_for, api_session):
    body = entered(apply_for)
    response = claim(api_session(*HELPER), body)
    assert "nur die antragstellende Person" in messages(response)["code"]
    assert application_of(body).applicant == ""


def test_page_antrag_zuordnen(helpers, apply_for, browser_as):
    body = entered(apply_for)
    browser = browser_as(*NEWCOMER)
    portal_url = helpers.absolute_url()
    browser.open(f"{portal_url}/@@antrag-zuordnen")
    form = browser.getForm(action=f"{portal_url}/@@antrag-zuordnen")
    form.getControl(name="code").value = "FALSCH"
    form.getControl(name="reference_number").value = body["reference_number"]
    form.getControl(name="birth_date").value = "1941-02-03"
    browser.handleErrors = False
    browser.raiseHttpErrors = False
    form.submit()
    assert "passen nicht zusammen" in browser.contents
    form = browser.getForm(action=f"{portal_url}/@@antrag-zuordnen")
    form.getControl(name="code").value = body["zuordnungscode"]
    form.submit()
    assert browser.url == body["@id"]
    assert re.search("ist jetzt Ihrem Konto zugeordnet", browser.contents)
    assert application_of(body).applicant == "neuling"
