"""The citizen's applications through plone.restapi: list, detail, messages, answers, errors."""

from base64 import b64encode
from herne.portal.applications.processing import perform
from plone import api
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import OTHER_CITIZEN
from tests.fixtures.applications import PDF
from tests.fixtures.rest import relative
import transaction


def test_postkorb_lists_the_callers_applications(api_session, rest_portal, certificate_application):
    response = api_session(*CITIZEN).get("@postkorb")
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["reference_number"] == certificate_application.reference_number
    assert item["state_title"] == "Eingegangen"
    assert item["must_act"] is False
    assert api_session(*OTHER_CITIZEN).get("@postkorb").json()["items"] == []


def test_postkorb_names_the_service_in_the_language_asked_for(
    api_session, rest_portal, certificate_application
):
    session = api_session(*CITIZEN)
    (item,) = session.get("@postkorb", headers={"Accept-Language": "tr"}).json()["items"]
    assert item["service_title"] == "İyi hal belgesi (Führungszeugnis) başvurusu"
    (item,) = session.get("@postkorb").json()["items"]
    assert item["service_title"] == "Führungszeugnis beantragen"


def test_postkorb_needs_a_log_in(api_session, rest_portal):
    response = api_session().get("@postkorb")
    assert response.status_code == 401


def test_detail_with_next_step_history_and_data(api_session, rest_portal, certificate_application):
    with api.env.adopt_user(username="sachbearbeitung"):
        perform(certificate_application, "accept", "Intern: bekannt", internal=True)
        perform(certificate_application, "request_info", "Bitte Nachweis des Vereins hochladen.")
    transaction.commit()
    response = api_session(*CITIZEN).get(
        f"{relative(certificate_application, rest_portal)}/@antrag"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["review_state"] == "info_requested"
    assert body["must_act"] is True
    assert "antworten" in body["next_step"]
    assert body["data"] == [{"title": "Zweck", "value": "Sportverein"}]
    comments = [entry["comment"] for entry in body["history"]]
    assert "Bitte Nachweis des Vereins hochladen." in comments
    assert "Intern: bekannt" not in response.text


def test_answer_with_file_returns_it_to_the_clerk(
    api_session, rest_portal, certificate_application
):
    with api.env.adopt_user(username="sachbearbeitung"):
        perform(certificate_application, "accept")
        perform(certificate_application, "request_info", "Bitte Nachweis hochladen.")
    transaction.commit()
    session = api_session(*CITIZEN)
    url = f"{relative(certificate_application, rest_portal)}/@antwort"
    bad = session.post(
        url,
        json={
            "text": "Anbei",
            "files": [{"filename": "x.pdf", "data": b64encode(b"<html>").decode()}],
        },
    )
    assert bad.status_code == 400
    assert "kein PDF-Dokument" in bad.json()["error"]["message"]
    good = session.post(
        url,
        json={
            "text": "Anbei",
            "files": [{"filename": "verein.pdf", "data": b64encode(PDF).decode()}],
        },
    )
    assert good.status_code == 200, good.text
    assert good.json()["review_state"] == "in_progress"
    assert [doc["filename"] for doc in good.json()["documents"]] == ["verein.pdf"]


def test_message_round_trip_and_errors(api_session, rest_portal, certificate_application):
    url = f"{relative(certificate_application, rest_portal)}/@nachrichten"
    citizen = api_session(*CITIZEN)
    empty = citizen.post(url, json={"text": "  "})
    assert empty.status_code == 400
    assert empty.json()["error"]["message"] == "Bitte schreiben Sie eine Nachricht."
    too_long = citizen.post(url, json={"text": "x" * 5001})
    assert too_long.status_code == 400
    broken = citizen.post(
        url, json={"text": "Hallo", "files": [{"filename": "a.pdf", "data": "%%%"}]}
    )
    assert broken.status_code == 400
    created = citizen.post(url, json={"text": "Wie lange dauert es?"})
    assert created.status_code == 201
    reply = api_session(*CLERK).post(url, json={"text": "Etwa zwei Wochen."})
    assert reply.status_code == 201
    texts = [
        m["text"]
        for m in citizen.get(f"{relative(certificate_application, rest_portal)}/@antrag").json()[
            "messages"
        ]
    ]
    assert texts == ["Wie lange dauert es?", "Etwa zwei Wochen."]


def test_others_get_no_detail_and_cannot_write(api_session, rest_portal, certificate_application):
    path = relative(certificate_application, rest_portal)
    for credentials in (
        OTHER_CITIZEN,
        ("sachbearbeitung-wohngeld", "demo-sachbearbeitung-wohngeld-2026"),
        ("redaktion", "demo-redaktion-2026"),
        (None, None),
    ):
        session = api_session(*credentials)
        detail = session.get(f"{path}/@antrag")
        assert detail.status_code in (401, 403, 404), credentials
        assert certificate_application.reference_number not in detail.text
        written = session.post(f"{path}/@nachrichten", json={"text": "Hallo"})
        assert written.status_code in (401, 403, 404), credentials
    transaction.abort()
    assert not certificate_application.messages


def test_citizen_withdraws_through_rest(api_session, rest_portal, certificate_application):
    session = api_session(*CITIZEN)
    response = session.post(
        f"{relative(certificate_application, rest_portal)}/@workflow/withdraw",
        json={"comment": "Erledigt"},
    )
    assert response.status_code == 200, response.text
    detail = session.get(f"{relative(certificate_application, rest_portal)}/@antrag").json()
    assert detail["review_state"] == "withdrawn"
    assert "zurückgezogen" in detail["next_step"]
    # withdrawing twice changes nothing (plone.restapi answers as for the first time)
    session.post(f"{relative(certificate_application, rest_portal)}/@workflow/withdraw", json={})
    transaction.abort()
    history = certificate_application.workflow_history["herne_application_workflow"]
    assert [entry["action"] for entry in history].count("withdraw") == 1
    # and a clerk's step stays refused for the citizen
    refused = session.post(
        f"{relative(certificate_application, rest_portal)}/@workflow/accept", json={}
    )
    assert refused.status_code == 400


def test_internal_comments_reach_no_citizen_channel(
    api_session, rest_portal, certificate_application
):
    with api.env.adopt_user(username="sachbearbeitung"):
        perform(certificate_application, "accept", "GEHEIM-INTERN Vorstrafe prüfen", internal=True)
    transaction.commit()
    path = relative(certificate_application, rest_portal)
    citizen = api_session(*CITIZEN)
    responses = [
        citizen.get(f"{path}/@history"),
        citizen.get(f"{path}/@workflow"),
        citizen.get(path, params={"expand": "workflow"}),
        citizen.get(f"{path}/@antrag"),
        citizen.get(f"{path}/@@historyview", headers={"Accept": "text/html"}),
        citizen.get(f"{path}/@@contenthistory", headers={"Accept": "text/html"}),
        citizen.get(path, headers={"Accept": "text/html"}),
    ]
    for response in responses:
        assert "GEHEIM-INTERN" not in response.text, response.request.url
    assert responses[0].status_code == 200  # the citizen does see the steps themselves
    clerk = api_session(*CLERK).get(f"{path}/@antrag")
    assert "GEHEIM-INTERN" in clerk.text


def test_malformed_bodies_get_a_german_400(api_session, rest_portal, certificate_application):
    url = f"{relative(certificate_application, rest_portal)}/@nachrichten"
    citizen = api_session(*CITIZEN)
    for body in (["Hallo"], {"text": 42}, {"text": "Hallo", "files": [17]}):
        response = citizen.post(url, json=body)
        assert response.status_code == 400, (body, response.text)
        assert "Bitte" in response.json()["error"]["message"] or "nicht lesbar" in response.text
