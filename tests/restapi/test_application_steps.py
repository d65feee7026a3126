"""Clerks move applications through plone.restapi's @workflow with the same rules as on the page."""

from herne.portal.applications.factory import create_application
from plone import api
import pytest
import transaction


CLERK = ("sachbearbeitung", "demo-sachbearbeitung-2026")
OTHER_CLERK = ("sachbearbeitung-wohngeld", "demo-sachbearbeitung-wohngeld-2026")


@pytest.fixture()
def application(rest_portal):
    service = rest_portal["leistungen"]["fuehrungszeugnis"]
    with api.env.adopt_user(username="buerger"):
        created = create_application(
            service,
            userid="buerger",
            applicant_name="Bernd Bergmann",
            rows=[],
            uploads={},
            consent_time=None,
            delivery_method="post",
            delivery_address="Bahnhofstraße 12\n44623 Herne",
        )
    transaction.commit()
    return created


def path_of(application, portal):
    return application.absolute_url()[len(portal.absolute_url()) :]


def state(application):
    transaction.abort()
    return api.content.get_state(application)


def test_clerk_accepts_through_rest(api_session, rest_portal, application):
    session = api_session(*CLERK)
    response = session.post(
        f"{path_of(application, rest_portal)}/@workflow/accept", json={"comment": "Gesehen"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "in_progress"
    assert state(application) == "in_progress"


def test_rejection_without_reason_is_refused_through_rest(api_session, rest_portal, application):
    session = api_session(*CLERK)
    response = session.post(f"{path_of(application, rest_portal)}/@workflow/reject", json={})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Bitte begründen Sie die Ablehnung."
    assert state(application) == "submitted"


def test_other_departments_clerk_gets_nothing_through_rest(api_session, rest_portal, application):
    session = api_session(*OTHER_CLERK)
    response = session.post(f"{path_of(application, rest_portal)}/@workflow/accept", json={})
    assert response.status_code in (401, 403, 404)
    assert application.reference_number not in response.text
    assert state(application) == "submitted"


def test_citizen_cannot_approve_own_application_through_rest(api_session, rest_portal, application):
    session = api_session("buerger", "demo-buerger-2026")
    response = session.post(f"{path_of(application, rest_portal)}/@workflow/accept", json={})
    assert response.status_code == 400
    assert state(application) == "submitted"
