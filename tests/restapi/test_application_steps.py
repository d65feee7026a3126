"""Clerks move applications through plone.restapi's @workflow with the same rules as on the page."""

import pytest
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import WOHNGELD_CLERK as OTHER_CLERK
from tests.fixtures.applications import build_application
from tests.fixtures.applications import state_of as state
from tests.fixtures.rest import relative as path_of
import transaction


@pytest.fixture()
def application(rest_portal):
    created = build_application(rest_portal, "fuehrungszeugnis", delivery="post")
    transaction.commit()
    return created


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
