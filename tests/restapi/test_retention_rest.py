"""The retention job through plone.restapi (``@aufbewahrung``), as cron calls it."""

from herne.portal.applications.processing import perform
from herne.portal.applications.retention import closed_time
from plone import api
import pytest
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import build_application
import transaction


@pytest.fixture()
def closed_long_ago(rest_portal):
    """A rejected application whose history says it was closed 30 months ago."""
    application = build_application(
        rest_portal,
        "fuehrungszeugnis",
        name="Ottilie Rautenstrauch",
        rows=[{"name": "purpose", "title": "Zweck", "value": "Sportverein"}],
        delivery="post",
    )
    with api.env.adopt_user(username="sachbearbeitung"):
        perform(application, "accept")
        perform(application, "reject", "Kein Anspruch.")
    history = application.workflow_history["herne_application_workflow"]
    application.workflow_history["herne_application_workflow"] = tuple(
        {**entry, "time": entry["time"] - 30 * 31} for entry in history
    )
    application.reindexObject()
    transaction.commit()
    return application


def test_rest_lists_then_runs_the_retention_job(api_session, manager_session, closed_long_ago):
    reference = closed_long_ago.reference_number
    assert any(
        i["reference_number"] == reference
        for i in api_session(*CITIZEN).get("@postkorb").json()["items"]
    )

    preview = manager_session.get("@aufbewahrung")
    assert preview.status_code == 200
    assert preview.json()["dry_run"] is True
    assert reference in [item["reference_number"] for item in preview.json()["anonymised"]]
    transaction.abort()
    assert closed_long_ago.applicant_name == "Ottilie Rautenstrauch"

    run = manager_session.post("@aufbewahrung", json={})
    assert run.status_code == 200, run.text
    assert run.json()["dry_run"] is False
    assert reference in [item["reference_number"] for item in run.json()["anonymised"]]
    transaction.abort()
    assert closed_long_ago.applicant_name is None
    assert closed_time(closed_long_ago) is not None
    assert all(
        i["reference_number"] != reference
        for i in api_session(*CITIZEN).get("@postkorb").json()["items"]
    )
    # a form of a foreign page cannot trigger it: only JSON is taken
    as_form = manager_session.post(
        "@aufbewahrung",
        data="x=1",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert as_form.status_code == 415
    assert "als JSON" in as_form.json()["error"]["message"]
    again = manager_session.post("@aufbewahrung", json={})
    assert reference not in [item["reference_number"] for item in again.json()["anonymised"]]


@pytest.mark.parametrize("method", ["get", "post"])
def test_rest_retention_only_for_managers(api_session, rest_portal, method):
    for credentials in (CLERK, CITIZEN, ()):
        response = getattr(api_session(*credentials), method)("@aufbewahrung")
        assert response.status_code in (401, 403), credentials
