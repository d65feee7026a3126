"""After a withdrawal, the Digitallotse who entered the application or its department renews the consent."""

from herne.portal.assist.helpers import create_organisation
from io import BytesIO
from plone import api
from tests.fixtures.applications import HTML_AS_PDF
from tests.fixtures.applications import OTHER_CITIZEN
from tests.fixtures.applications import PDF
from tests.fixtures.assist import FOR_GERTRUD
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import OTHER_HELPER
from tests.fixtures.assist import TAX_CLERK
from tests.fixtures.assist import accept_offers
from tests.fixtures.assist import application_of
from tests.fixtures.assist import vollmacht
import transaction


#: Hanna's application for Gertrud, whose e-mail is the account of the demo citizen "buergerin".
FOR_GERTRUD_WITH_ACCOUNT = {**FOR_GERTRUD, "email": "buergerin@example.org"}
FAR_HELPER = ("lotse-sodingen", "lotse-sodingen-passwort-2026")


def withdrawn_with_open_request(apply_for, api_session):
    """Hanna's application for Gertrud, asked for information, the consent withdrawn by the department."""
    body = apply_for(FOR_GERTRUD_WITH_ACCOUNT).json()
    clerk = api_session(*TAX_CLERK)
    for step, comment in (("accept", ""), ("request_info", "Bitte Geburtsurkunde des Hundes.")):
        response = clerk.post(f"{body['@id']}/@workflow/{step}", json={"comment": comment})
        assert response.status_code == 200, response.text
    response = clerk.post(f"{body['@id']}/@einwilligung-widerrufen")
    assert response.status_code == 200, response.text
    return body


def renew(session, body, **consent):
    consent = consent or {"einwilligung": "vollmacht", "vollmacht": vollmacht()}
    return session.post(
        "@einwilligung-erneuern", json={"reference_number": body["reference_number"], **consent}
    )


def test_the_helper_renews_the_consent_and_answers_again(helpers, apply_for, api_session):
    body = withdrawn_with_open_request(apply_for, api_session)
    helper = api_session(*HELPER)
    assert helper.post(f"{body['@id']}/@antwort", json={"text": "x"}).status_code in (401, 403, 404)

    response = renew(helper, body)

    assert response.status_code == 200, response.text
    assert response.json()["erfasst"]["consent_withdrawn"] is False
    assert "Einwilligung erneuert am" in response.json()["erfasst"]["text"]
    assert body["reference_number"] in helper.get("@postkorb").text
    answered = helper.post(f"{body['@id']}/@antwort", json={"text": "Liegt bei."})
    assert answered.status_code == 200, answered.text
    application = application_of(body)
    assert api.content.get_state(application) == "in_progress"
    vollmachten = [
        item for item in application.contentValues() if item.field_name == "herne_vollmacht"
    ]
    assert len(vollmachten) == 2  # the first and the renewed one
    # it cannot be renewed while it holds
    assert renew(helper, body).json()["error"]["message"] == (
        "Die Einwilligung gilt noch: Sie muss nicht erneuert werden."
    )


def test_the_applicant_sees_withdrawal_and_renewal_in_the_history(helpers, apply_for, api_session):
    body = withdrawn_with_open_request(apply_for, api_session)
    assert renew(api_session(*HELPER), body).status_code == 200
    applicant = api_session(*OTHER_CITIZEN)
    accept_offers(applicant)  # offered in her Postkorb: hers once she accepts it

    history = applicant.get(f"{body['@id']}/@antrag").json()["history"]

    renewed, withdrawn = history[0], history[1]
    assert renewed["action"] == "Einwilligung erneuert"
    assert renewed["comment"] == (
        "Einwilligung erneuert von Digitallotse Hanna Hilfreich, Seniorentreff Wanne-Süd, "
        "mit Vollmacht"
    )
    assert withdrawn["action"] == "Einwilligung widerrufen"
    assert "zuständige Stelle hat die Einwilligung" in withdrawn["comment"]


def test_only_the_helper_who_entered_it_renews_and_nobody_learns_of_others(
    helpers, apply_for, api_session
):
    body = withdrawn_with_open_request(apply_for, api_session)
    with api.env.adopt_roles(["Manager"]):
        organisation = create_organisation("Familienzentrum Sodingen")
        api.user.create(username=FAR_HELPER[0], password=FAR_HELPER[1], email="s@example.org")
        api.group.add_user(group=organisation, username=FAR_HELPER[0])
    transaction.commit()
    unknown = {"reference_number": "HER-2026-999999"}

    for user in (FAR_HELPER, OTHER_HELPER, OTHER_CITIZEN):
        session = api_session(*user)
        refused = renew(session, body)
        assert refused.status_code == 400, (user, refused.text)
        # the same answer as for a reference number that does not exist
        assert refused.json() == renew(session, unknown).json()
        assert (
            "keinen Antrag, für den Sie die Einwilligung erneuern"
            in (refused.json()["error"]["message"])
        )
    application = application_of(body)
    assert application.entry["consent_withdrawn"]
    assert "lotse" not in dict(application.get_local_roles())


def test_a_disguised_vollmacht_or_the_counter_consent_of_a_helper_is_refused(
    helpers, apply_for, api_session
):
    body = withdrawn_with_open_request(apply_for, api_session)
    helper = api_session(*HELPER)

    disguised = renew(helper, body, einwilligung="vollmacht", vollmacht=vollmacht(HTML_AS_PDF))
    at_counter = renew(helper, body, einwilligung="vor_ort", ausweis="personalausweis")

    assert disguised.status_code == 400
    assert "kein PDF-Dokument" in disguised.json()["error"]["errors"][0]["message"]
    assert disguised.json()["error"]["errors"][0]["field"] == "vollmacht"
    assert at_counter.status_code == 400
    assert "nur die Sachbearbeitung" in at_counter.json()["error"]["message"]
    application = application_of(body)
    assert application.entry["consent_withdrawn"]
    assert len(application.contentValues()) == 1  # the first Vollmacht only


def test_the_clerk_renews_at_the_counter_on_the_page(helpers, apply_for, api_session, browser_as):
    body = withdrawn_with_open_request(apply_for, api_session)
    clerk = browser_as(*TAX_CLERK)
    clerk.open(body["@id"])
    clerk.getLink("Einwilligung erneuern").click()
    assert clerk.getControl(name="reference_number").value == body["reference_number"]

    clerk.getControl(name="herne_einwilligung").value = ["vor_ort"]
    clerk.getControl(name="herne_ausweis").value = ["reisepass"]
    clerk.getControl("Einwilligung erneuern").click()

    assert clerk.url == body["@id"]
    assert "Die Einwilligung für den Antrag" in clerk.contents
    assert "Einwilligung am Schalter erneuert von" in clerk.contents
    assert "Ausweis vorgelegt (Reisepass)" in clerk.contents
    helper = api_session(*HELPER)
    assert helper.get(f"{body['@id']}/@antrag").status_code == 200


def test_the_helper_renews_from_the_postkorb_with_a_new_vollmacht(
    helpers, apply_for, api_session, browser_as
):
    body = withdrawn_with_open_request(apply_for, api_session)
    helper = browser_as(*HELPER)
    helper.open(f"{api.portal.get().absolute_url()}/@@postkorb")
    helper.getLink("Einwilligung erneuern").click()
    # a helper is offered the Vollmacht only
    assert helper.getControl(name="herne_einwilligung").options == ["vollmacht"]
    helper.getControl(name="reference_number").value = body["reference_number"]
    helper.getControl(name="herne_vollmacht").add_file(
        BytesIO(PDF), "application/pdf", "vollmacht-neu.pdf"
    )
    helper.getControl("Einwilligung erneuern").click()

    assert helper.url == body["@id"]
    assert "herne-answer" in helper.contents


def test_leaving_the_organisation_ends_the_consent_until_renewed_after_returning(
    helpers, apply_for, api_session
):
    body = apply_for(FOR_GERTRUD_WITH_ACCOUNT).json()
    clerk = api_session(*TAX_CLERK)
    for step, comment in (("accept", ""), ("request_info", "Bitte Geburtsurkunde des Hundes.")):
        assert clerk.post(f"{body['@id']}/@workflow/{step}", json={"comment": comment}).ok
    group = "lotsen-seniorentreff-wanne-sued"
    transaction.abort()  # see what the requests committed
    with api.env.adopt_roles(["Manager"]):
        api.group.remove_user(groupname=group, username=HELPER[0])
    transaction.commit()

    helper = api_session(*HELPER)
    answered = helper.post(f"{body['@id']}/@antwort", json={"text": "x"})

    assert answered.status_code in (400, 401, 403, 404)
    assert helper.get(f"{body['@id']}/@antrag").status_code in (401, 403, 404)
    assert api.content.get_state(application_of(body)) == "info_requested"
    history = clerk.get(f"{body['@id']}/@antrag").json()["history"]
    assert history[0]["action"] == "Einwilligung widerrufen"
    assert "gehört nicht mehr zu Seniorentreff Wanne-Süd" in history[0]["comment"]
    refused = renew(clerk, body, einwilligung="vor_ort", ausweis="personalausweis")
    assert refused.status_code == 400
    assert "gehört nicht mehr zu Seniorentreff Wanne-Süd" in refused.json()["error"]["message"]
    assert "lotse" not in dict(application_of(body).get_local_roles())
    # back in the organisation, a new Vollmacht brings the helper back
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname=group, username=HELPER[0])
    transaction.commit()
    assert renew(helper, body).status_code == 200
    assert helper.post(f"{body['@id']}/@antwort", json={"text": "Liegt bei."}).ok
