"""An application is a record: no one but the site's administrators edits it through REST PATCH."""

import pytest
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import bring_to
from tests.fixtures.applications import draft_application
from tests.fixtures.rest import relative
import transaction


@pytest.mark.parametrize("state", ["draft", "info_requested"])
def test_citizen_cannot_patch_own_application(rest_portal, api_session, state):
    application = draft_application(rest_portal)
    bring_to(application, state)
    transaction.commit()
    response = api_session(*CITIZEN).patch(
        relative(application, rest_portal), json={"title": "gekapert", "applicant_name": "X"}
    )
    assert response.status_code in (401, 403), response.text
    transaction.abort()
    assert application.title != "gekapert"
    assert application.applicant_name == "Bernd Bergmann"


def test_administrator_still_can(rest_portal, manager_session):
    application = draft_application(rest_portal)
    bring_to(application, "submitted")
    transaction.commit()
    response = manager_session.patch(
        relative(application, rest_portal), json={"title": "Korrigiert"}
    )
    assert response.status_code == 204, response.text
    transaction.abort()
    assert application.title == "Korrigiert"
