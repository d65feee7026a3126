"""A Digitallotse taken out of their organisation no longer sees what they entered there: page, files, search, Postkorb."""

from plone import api
from tests.fixtures.assist import FOR_GERTRUD
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import OTHER_HELPER
from tests.fixtures.assist import application_of
from tests.fixtures.assist import file_urls
import transaction


ORGANISATION_GROUP = "lotsen-seniorentreff-wanne-sued"


def sees(session, body, files):
    """What the helper reaches of the application: page, each file, search, their own list."""
    found = session.get(
        "@search", params={"portal_type": "Application", "metadata_fields": "reference_number"}
    ).json()
    return {
        "page": session.get(body["@id"]).status_code == 200,
        "files": [session.get(url).status_code == 200 for url in files],
        "search": body["reference_number"]
        in [item.get("reference_number") for item in found.get("items", [])],
        "postkorb": body["reference_number"] in session.get("@postkorb").text,
    }


def test_leaving_the_organisation_closes_every_channel_to_what_the_helper_entered(
    helpers, apply_for, api_session
):
    body = apply_for(FOR_GERTRUD).json()
    other = apply_for(FOR_GERTRUD, user=OTHER_HELPER).json()
    files = file_urls(application_of(body))
    assert files  # the Vollmacht at least
    helper = api_session(*HELPER)
    assert sees(helper, body, files) == {
        "page": True,
        "files": [True] * len(files),
        "search": True,
        "postkorb": True,
    }

    with api.env.adopt_roles(["Manager"]):
        api.group.remove_user(groupname=ORGANISATION_GROUP, username=HELPER[0])
    transaction.commit()

    assert sees(helper, body, files) == {
        "page": False,
        "files": [False] * len(files),
        "search": False,
        "postkorb": False,
    }
    # the colleague who stays keeps what they entered
    colleague = api_session(*OTHER_HELPER)
    assert sees(colleague, other, file_urls(application_of(other)))["page"] is True
    assert sees(colleague, other, file_urls(application_of(other)))["search"] is True


def test_taking_someone_out_of_another_group_changes_nothing(helpers, apply_for, api_session):
    body = apply_for(FOR_GERTRUD).json()
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname="Reviewers", username=HELPER[0])
        api.group.remove_user(groupname="Reviewers", username=HELPER[0])
    transaction.commit()
    assert api_session(*HELPER).get(body["@id"]).status_code == 200
