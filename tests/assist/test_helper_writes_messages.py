"""The Digitallotse writes in the applicant's thread while the consent holds, and the message says so."""

from herne.portal.applications.conversation import write_message
from plone import api
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import NEWCOMER
from tests.fixtures.assist import OTHER_HELPER
from tests.fixtures.assist import TAX_CLERK
from tests.fixtures.assist import application_of


WRITTEN_FOR = (
    "geschrieben von Digitallotse Hanna Hilfreich (Seniorentreff Wanne-Süd) für Gertrud Groß"
)
NO_LONGER = "solange ihre Einwilligung gilt"


def entered(apply_for):
    response = apply_for()
    assert response.status_code == 201, response.text
    return response.json()


def texts(application):
    return [message["text"] for message in application.messages or () if message["text"]]


def test_helper_writes_a_message_for_the_applicant_over_rest(helpers, apply_for, api_session):
    body = entered(apply_for)
    helper = api_session(*HELPER)

    response = helper.post(
        f"{body['@id']}/@nachrichten", json={"text": "Frau Groß fragt, wann die Marke kommt."}
    )

    assert response.status_code == 201, response.text
    (message,) = response.json()["messages"]
    assert message["from_citizen"] is True
    assert message["written_for"] == WRITTEN_FOR
    # the department reads it as the applicant's, and who wrote it for her
    clerk_view = api_session(*TAX_CLERK).get(f"{body['@id']}/@antrag").json()
    (message,) = clerk_view["messages"]
    assert (message["author"], message["written_for"]) == ("lotse", WRITTEN_FOR)
    assert message["text"] == "Frau Groß fragt, wann die Marke kommt."


def test_helper_writes_on_the_page_and_the_thread_says_for_whom(helpers, apply_for, browser_as):
    body = entered(apply_for)
    browser = browser_as(*HELPER)
    browser.open(body["@id"])
    form = browser.getForm(action=f"{body['@id']}/@@message")
    form.getControl(name="message_text").value = "Die Vollmacht gilt auch für Rückfragen."

    form.submit()

    assert "Ihre Nachricht wurde gesendet." in browser.contents
    assert WRITTEN_FOR in browser.contents
    clerk = browser_as(*TAX_CLERK)
    clerk.open(body["@id"])
    assert WRITTEN_FOR in clerk.contents
    assert "Die Vollmacht gilt auch für Rückfragen." in clerk.contents


def test_the_answer_to_a_request_names_the_helper_too(helpers, apply_for, api_session):
    body = entered(apply_for)
    clerk = api_session(*TAX_CLERK)
    for step, comment in (("accept", ""), ("request_info", "Bitte Impfpass des Hundes.")):
        assert clerk.post(f"{body['@id']}/@workflow/{step}", json={"comment": comment}).ok

    response = api_session(*HELPER).post(f"{body['@id']}/@antwort", json={"text": "Liegt bei."})

    assert response.status_code == 200, response.text
    answers = [
        m for m in clerk.get(f"{body['@id']}/@antrag").json()["messages"] if m["from_citizen"]
    ]
    assert [(m["text"], m["written_for"]) for m in answers] == [("Liegt bei.", WRITTEN_FOR)]


def test_another_helper_of_the_organisation_may_not_write(helpers, apply_for, api_session):
    body = entered(apply_for)

    response = api_session(*OTHER_HELPER).post(f"{body['@id']}/@nachrichten", json={"text": "x"})

    assert response.status_code in (401, 403, 404)
    assert texts(application_of(body)) == []


def test_after_the_claim_the_helper_writes_no_more_and_the_owner_reads_who_wrote(
    helpers, apply_for, api_session
):
    body = entered(apply_for)
    helper = api_session(*HELPER)
    assert helper.post(f"{body['@id']}/@nachrichten", json={"text": "Vorher."}).status_code == 201
    newcomer = api_session(*NEWCOMER)
    claimed = newcomer.post(
        "@antrag-zuordnen",
        json={
            "code": body["zuordnungscode"],
            "reference_number": body["reference_number"],
            "birth_date": "1941-02-03",
        },
    )
    assert claimed.status_code == 200, claimed.text

    refused = helper.post(f"{body['@id']}/@nachrichten", json={"text": "Nachher."})

    assert refused.status_code in (401, 403, 404)
    assert texts(application_of(body)) == ["Vorher."]
    (message,) = newcomer.get(f"{body['@id']}/@antrag").json()["messages"]
    assert message["written_for"] == WRITTEN_FOR
    # the applicant now writes herself, without any "geschrieben von"
    own = newcomer.post(f"{body['@id']}/@nachrichten", json={"text": "Danke."})
    assert own.status_code == 201, own.text
    assert [m["written_for"] for m in own.json()["messages"]] == [WRITTEN_FOR, ""]


def test_after_withdrawal_the_helper_writes_no_more(helpers, apply_for, api_session):
    body = entered(apply_for)
    clerk = api_session(*TAX_CLERK)
    assert clerk.post(f"{body['@id']}/@einwilligung-widerrufen").status_code == 200

    refused = api_session(*HELPER).post(f"{body['@id']}/@nachrichten", json={"text": "Noch da?"})

    assert refused.status_code in (401, 403, 404)
    assert texts(application_of(body)) == []


def test_a_former_helper_who_still_sees_it_is_refused_in_german(helpers, apply_for):
    """Should anything leave the helper able to see it without the consent: refused, in German."""
    body = entered(apply_for)
    application = application_of(body)
    application.entry = {**application.entry, "consent_withdrawn": application.entry["time"]}
    with api.env.adopt_user(username=HELPER[0]):
        errors = write_message(application, "Hallo", {})
    assert NO_LONGER in str(errors["text"])
    assert texts(application) == []
