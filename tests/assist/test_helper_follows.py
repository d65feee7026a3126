"""The Digitallotse follows what they entered (state, next step) until it is claimed or closed."""

from plone import api
import pytest
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import NEWCOMER
from tests.fixtures.assist import TAX_CLERK
import transaction


def channels(session, body):
    """What the helper reaches of the application: page, REST, file, search, Postkorb."""
    app = body["@id"]
    found = session.get(
        "@search",
        params={"portal_type": "Application", "reference_number": body["reference_number"]},
    )
    page = session.get(app, headers={"Accept": "text/html"})
    return {
        # a refused page answers with the log-in form
        "page": page.status_code == 200 and "Gertrud" in page.text,
        "rest": session.get(f"{app}/@antrag").status_code == 200,
        "receipt": session.get(f"{app}/@@receipt").content.startswith(b"%PDF"),
        "search": found.json().get("items_total", 0) > 0,
        "postkorb": body["reference_number"] in session.get("@postkorb").text,
    }


@pytest.fixture()
def entered(helpers, apply_for):
    response = apply_for()
    assert response.status_code == 201, response.text
    return response.json()


def test_helper_sees_state_and_next_step_and_who_entered_it(entered, api_session):
    helper = api_session(*HELPER)
    assert all(channels(helper, entered).values())
    (row,) = helper.get("@postkorb").json()["erfasst"]
    assert row["applicant_name"] == "Gertrud Groß"
    assert row["state_title"] == "Eingegangen"
    assert row["next_step"]
    detail = helper.get(f"{entered['@id']}/@antrag").json()
    assert detail["erfasst"]["organisation"] == "Seniorentreff Wanne-Süd"
    assert detail["zuordnungscode"] == entered["zuordnungscode"]
    # the city's actors stay the city's
    assert all(entry["actor"] == "" for entry in detail["history"])


def test_clerk_page_says_who_entered_it_and_the_helper_page_the_code(entered, api_session):
    clerk_page = api_session(*TAX_CLERK).get(entered["@id"], headers={"Accept": "text/html"})
    assert (
        "Erfasst von Digitallotse Hanna Hilfreich, Seniorentreff Wanne-Süd, mit Vollmacht"
        in clerk_page.text
    )
    assert entered["zuordnungscode"] not in clerk_page.text
    helper_page = api_session(*HELPER).get(entered["@id"], headers={"Accept": "text/html"})
    assert entered["zuordnungscode"] in helper_page.text


def test_after_the_claim_the_helper_reaches_nothing(entered, api_session):
    response = api_session(*NEWCOMER).post(
        "@antrag-zuordnen",
        json={
            "code": entered["zuordnungscode"],
            "reference_number": entered["reference_number"],
            "birth_date": "1941-02-03",
        },
    )
    assert response.status_code == 200, response.text
    assert not any(channels(api_session(*HELPER), entered).values())


def test_once_closed_the_helper_reaches_nothing(entered, api_session):
    clerk = api_session(*TAX_CLERK)
    response = clerk.post(f"{entered['@id']}/@workflow/reject", json={"comment": "Kein Hund."})
    assert response.status_code == 200, response.text
    transaction.abort()
    assert not any(channels(api_session(*HELPER), entered).values())
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(reference_number=entered["reference_number"])
    assert brain.review_state == "rejected"


def test_worklist_filter_shows_only_applications_entered_for_someone(
    entered, api_session, submitted_application
):
    transaction.abort()  # see what the REST request committed before writing here
    own = submitted_application("hundesteuer")
    clerk = api_session(*TAX_CLERK)
    everything = clerk.get("@@arbeitskorb", headers={"Accept": "text/html"}).text
    assert entered["reference_number"] in everything
    assert own.reference_number in everything
    filtered = clerk.get(
        "@@arbeitskorb", params={"erfasst": "1"}, headers={"Accept": "text/html"}
    ).text
    assert entered["reference_number"] in filtered
    assert own.reference_number not in filtered


def test_rest_clients_filter_the_entered_ones_with_search(
    entered, api_session, submitted_application
):
    transaction.abort()
    own = submitted_application("hundesteuer")
    transaction.commit()
    clerk = api_session(*TAX_CLERK)

    found = clerk.get(
        "@search",
        params={
            "portal_type": "Application",
            "entered_by.query": "",
            "entered_by.range": "min",
            "metadata_fields": "reference_number",
        },
    ).json()

    references = [item["reference_number"] for item in found["items"]]
    assert references == [entered["reference_number"]]
    assert own.reference_number not in references
    # the helper's own search: only what they entered, the same filter
    helper = (
        api_session(*HELPER)
        .get(
            "@search",
            params={"portal_type": "Application", "metadata_fields": "reference_number"},
        )
        .json()
    )
    assert [item["reference_number"] for item in helper["items"]] == [entered["reference_number"]]
