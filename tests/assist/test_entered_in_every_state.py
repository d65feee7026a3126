"""An application entered for someone without an account works in every state, for clerk and helper."""

from DateTime import DateTime
from herne.portal.applications.factory import create_application
from herne.portal.assist.helpers import ENTERED_ROLE
from herne.portal.workflow.application_table import FINAL_STATES
from plone import api
import pytest
from tests.fixtures.applications import PATHS
from tests.fixtures.applications import WANNE
from tests.fixtures.applications import move_along
from tests.fixtures.assist import HELPER
import transaction


WANNE_CLERK = ("sachbearbeitung-wanne", "demo-sachbearbeitung-wanne-2026")
#: every state the city can bring it to (withdrawing is the applicant's, who has no account)
STATES = [state for state in PATHS if state not in ("draft", "withdrawn")]


def entered_application(portal):
    """A life certificate Hanna Hilfreich entered for Gertrud Groß, who has no account."""
    entry = {
        "userid": "lotse",
        "name": "Hanna Hilfreich",
        "capacity": "helper",
        "organisation": "Seniorentreff Wanne-Süd",
        "consent": "vollmacht",
        "id_kind": None,
        "time": DateTime(),
    }
    with api.env.adopt_user(username="lotse"):
        return create_application(
            portal["leistungen"]["lebensbescheinigung"],
            userid="",
            applicant_name="Gertrud Groß",
            rows=[{"name": "last_name", "title": "Nachname", "value": "Groß"}],
            uploads={},
            consent_time=DateTime(),
            delivery_method="post",
            delivery_address=WANNE,
            entry=entry,
            entered_role=ENTERED_ROLE,
        )


@pytest.mark.parametrize("state", STATES)
def test_clerk_works_it_and_the_helper_follows_it_while_open(helpers, api_session, state):
    application = entered_application(helpers)
    move_along(application, PATHS[state][1:])  # submitted already
    assert api.content.get_state(application) == state
    transaction.commit()
    url = application.absolute_url()
    reference = application.reference_number
    clerk_page = api_session(*WANNE_CLERK).get(url, headers={"Accept": "text/html"})
    assert clerk_page.status_code == 200
    assert "Erfasst von Digitallotse Hanna Hilfreich" in clerk_page.text
    helper_page = api_session(*HELPER).get(url, headers={"Accept": "text/html"})
    helper_rest = api_session(*HELPER).get(f"{url}/@antrag")
    if state in FINAL_STATES:
        assert helper_rest.status_code in (401, 403, 404)
        assert reference not in helper_page.text
    else:
        assert helper_rest.status_code == 200, helper_rest.text
        assert helper_page.status_code == 200
        assert reference in helper_page.text
        # while the consent holds and the applicant has not claimed it, the helper may write for them
        assert "herne-message-form" in helper_page.text
