"""A Digitallotse who loses the role by any path (account, group, deletion) reaches nothing they entered."""

from herne.portal.assist.helpers import HELPER_ROLE
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest
import re
from tests.fixtures.assist import FOR_GERTRUD
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import ORGANISATION
from tests.fixtures.assist import OTHER_HELPER
from tests.fixtures.assist import TAX_CLERK
from tests.fixtures.assist import application_of
from tests.fixtures.assist import file_urls
from tests.fixtures.assist import vollmacht
from tests.fixtures.rest import portal_session
import transaction


GROUP = "lotsen-seniorentreff-wanne-sued"


def reaches(session, body, files):
    """What the helper reaches: page, each file (Vollmacht, evidence), @search, their own list."""
    found = session.get(
        "@search", params={"portal_type": "Application", "metadata_fields": "reference_number"}
    ).json()
    return {
        "page": session.get(body["@id"]).status_code == 200,
        "html": body["reference_number"]
        in session.get(body["@id"], headers={"Accept": "text/html"}, allow_redirects=False).text,
        "files": [session.get(url).status_code == 200 for url in files],
        "search": body["reference_number"]
        in [item.get("reference_number") for item in found.get("items", [])],
        "postkorb": body["reference_number"] in session.get("@postkorb").text,
    }


def role_on_the_account_only():
    """As some administrators set it up: the organisation's group without roles, the role on the account."""
    with api.env.adopt_roles(["Manager"]):
        acl = api.portal.get_tool("acl_users")
        acl.portal_role_manager.assignRolesToPrincipal([], GROUP)
        for userid in (HELPER[0], OTHER_HELPER[0]):
            acl.portal_role_manager.assignRoleToPrincipal(HELPER_ROLE, userid)
    transaction.commit()


def remove_role_by_rest(manager):
    response = manager.patch(f"@users/{HELPER[0]}", json={"roles": {HELPER_ROLE: False}})
    assert response.status_code == 204, response.text


def control_panel(view, fields):
    """POST the site owner's form on the control panel ``view``, as the browser does."""
    owner = portal_session(api.portal.get(), SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    owner.headers.update(
        {"Accept": "text/html", "Content-Type": "application/x-www-form-urlencoded"}
    )
    page = owner.get(f"@@{view}", params={"searchstring": HELPER[0]})
    assert page.status_code == 200, page.text
    token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page.text).group(1)
    response = owner.post(
        f"@@{view}",
        data=[("_authenticator", token), ("form.submitted", "1"), *fields],
    )
    assert response.status_code == 200, response.text
    transaction.abort()


def remove_role_in_the_control_panel(manager):
    """The role checkbox of the account unticked in Users and Groups, "Apply changes"."""
    control_panel(
        "usergroup-userprefs",
        [
            ("users.id:records", HELPER[0]),
            ("users.roles:list:records", "Member"),
            ("searchstring", HELPER[0]),
            ("form.button.Modify", "Änderungen übernehmen"),
        ],
    )
    assert HELPER_ROLE not in api.user.get(userid=HELPER[0]).getRoles()


def remove_role_in_code(manager):
    """What the control panel calls, from a script: access ends, the history waits for the next sweep."""
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("acl_users").userFolderEditUser(HELPER[0], None, ["Member"], ())
    transaction.commit()


def remove_role_from_group_by_rest(manager):
    response = manager.patch(f"@groups/{GROUP}", json={"roles": []})
    assert response.status_code == 204, response.text
    transaction.abort()
    assert HELPER_ROLE not in api.group.get(groupname=GROUP).getRoles()


def remove_role_from_group_in_the_control_panel(manager):
    control_panel(
        "usergroup-groupprefs",
        [(f"group_{GROUP}:list", ""), ("form.button.Modify", "Änderungen übernehmen")],
    )
    assert HELPER_ROLE not in api.group.get(groupname=GROUP).getRoles()


def delete_account_in_the_control_panel(manager):
    control_panel(
        "usergroup-userprefs",
        [
            ("users.id:records", HELPER[0]),
            ("delete:list", HELPER[0]),
            ("form.button.Modify", "Änderungen übernehmen"),
        ],
    )
    assert api.user.get(userid=HELPER[0]) is None
    recreate_account()


def delete_group_in_the_control_panel(manager):
    control_panel(
        "usergroup-groupprefs",
        [("delete:list", GROUP), ("form.button.Modify", "Löschen")],
    )
    assert api.group.get(groupname=GROUP) is None


def recreate_account(in_group=True):
    """A new account of the same name, even in the same organisation, inherits nothing."""
    transaction.abort()
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username=HELPER[0], password=HELPER[1], email="neu@example.org")
        if in_group:
            api.group.add_user(groupname=GROUP, username=HELPER[0])
    transaction.commit()


def delete_account_by_rest(manager):
    response = manager.delete(f"@users/{HELPER[0]}")
    assert response.status_code == 204, response.text
    recreate_account()


def delete_account_keeping_local_roles(manager):
    response = manager.delete(f"@users/{HELPER[0]}", params={"delete_localroles": "0"})
    assert response.status_code == 204, response.text
    recreate_account()


def delete_group_by_rest(manager):
    response = manager.delete(f"@groups/{GROUP}")
    assert response.status_code == 204, response.text
    transaction.abort()
    assert api.group.get(groupname=GROUP) is None


def delete_group_and_found_it_again(manager):
    delete_group_by_rest(manager)
    with api.env.adopt_roles(["Manager"]):
        api.group.create(groupname=GROUP, title=ORGANISATION, roles=[HELPER_ROLE])
        api.group.add_user(groupname=GROUP, username=HELPER[0])
    transaction.commit()


CHANGES = {
    "role taken from the account (REST)": (role_on_the_account_only, remove_role_by_rest),
    "role taken from the account (control panel)": (
        role_on_the_account_only,
        remove_role_in_the_control_panel,
    ),
    "role taken from the group (REST)": (None, remove_role_from_group_by_rest),
    "role taken from the group (control panel)": (
        None,
        remove_role_from_group_in_the_control_panel,
    ),
    "account deleted and made again (REST)": (None, delete_account_by_rest),
    "account deleted and made again (control panel)": (
        None,
        delete_account_in_the_control_panel,
    ),
    "account deleted, local roles kept": (None, delete_account_keeping_local_roles),
    "organisation's group deleted (REST)": (None, delete_group_by_rest),
    "organisation's group deleted (control panel)": (None, delete_group_in_the_control_panel),
    "group deleted and founded again": (None, delete_group_and_found_it_again),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_the_former_helper_reaches_nothing_and_the_consent_ends(
    change, helpers, apply_for, api_session, manager_session
):
    prepare, act = CHANGES[change]
    if prepare is not None:
        prepare()
    body = apply_for(FOR_GERTRUD).json()
    assert "reference_number" in body, body
    clerk = api_session(*TAX_CLERK)
    for step, comment in (("accept", ""), ("request_info", "Bitte Geburtsurkunde des Hundes.")):
        response = clerk.post(f"{body['@id']}/@workflow/{step}", json={"comment": comment})
        assert response.status_code == 200, response.text
    files = file_urls(application_of(body))
    assert files  # the Vollmacht at least
    helper = api_session(*HELPER)
    everything = {
        "page": True,
        "html": True,
        "files": [True] * len(files),
        "search": True,
        "postkorb": True,
    }
    assert reaches(helper, body, files) == everything

    act(manager_session)

    helper = api_session(*HELPER)
    assert reaches(helper, body, files) == {
        "page": False,
        "html": False,
        "files": [False] * len(files),
        "search": False,
        "postkorb": False,
    }
    answered = helper.post(f"{body['@id']}/@antwort", json={"text": "Liegt bei."})
    assert answered.status_code in (401, 403, 404), answered.text
    application = application_of(body)
    assert api.content.get_state(application) == "info_requested"
    history = api_session(*TAX_CLERK).get(f"{body['@id']}/@antrag").json()["history"]
    assert "Einwilligung widerrufen" in [step["action"] for step in history]
    assert (application.entry or {}).get("consent_withdrawn")


def test_losing_the_role_by_rest_is_in_the_history_in_german(
    helpers, apply_for, api_session, manager_session
):
    role_on_the_account_only()
    body = apply_for(FOR_GERTRUD).json()

    remove_role_by_rest(manager_session)

    history = api_session(*TAX_CLERK).get(f"{body['@id']}/@antrag").json()["history"]
    assert any(
        "Einwilligung beendet: Das Konto der Digitallotse hat die Rolle Digitallotse nicht mehr."
        in str(step.get("comment"))
        for step in history
    ), history


def test_the_colleague_who_keeps_the_role_keeps_what_they_entered(
    helpers, apply_for, api_session, manager_session
):
    role_on_the_account_only()
    mine = apply_for(FOR_GERTRUD).json()
    theirs = apply_for(FOR_GERTRUD, user=OTHER_HELPER).json()

    remove_role_by_rest(manager_session)

    colleague = api_session(*OTHER_HELPER)
    files = file_urls(application_of(theirs))
    assert all(reaches(colleague, theirs, files)["files"])
    assert reaches(colleague, theirs, files)["search"] is True
    assert reaches(colleague, theirs, files)["page"] is True
    assert reaches(colleague, mine, [])["page"] is False
    assert not application_of(theirs).entry.get("consent_withdrawn")


def test_given_the_role_again_the_consent_stays_ended_until_renewed(
    helpers, apply_for, api_session, manager_session
):
    role_on_the_account_only()
    body = apply_for(FOR_GERTRUD).json()
    remove_role_by_rest(manager_session)

    response = manager_session.patch(f"@users/{HELPER[0]}", json={"roles": {HELPER_ROLE: True}})

    assert response.status_code == 204, response.text
    helper = api_session(*HELPER)
    assert helper.get(body["@id"]).status_code in (401, 403, 404)
    renewed = helper.post(
        "@einwilligung-erneuern",
        json={
            "reference_number": body["reference_number"],
            "einwilligung": "vollmacht",
            "vollmacht": vollmacht(),
        },
    )
    assert renewed.status_code == 200, renewed.text
    assert helper.get(body["@id"]).status_code == 200


def test_the_access_group_is_listed_nowhere_and_takes_no_members(
    helpers, apply_for, api_session, manager_session
):
    body = apply_for(FOR_GERTRUD).json()
    access = f"herne-lotse:{HELPER[0]}:{GROUP}"
    groups = manager_session.get("@groups").json()
    assert access not in [group["id"] for group in groups]
    assert manager_session.get("@groups", params={"query": "herne-lotse"}).json() == []
    # putting a colleague into it changes nothing: membership is computed, never stored
    manager_session.patch(f"@groups/{access}", json={"users": {OTHER_HELPER[0]: True}})
    found = api_session(*OTHER_HELPER).get(
        "@search", params={"portal_type": "Application", "metadata_fields": "reference_number"}
    )
    assert body["reference_number"] not in found.text
    assert api_session(*OTHER_HELPER).get(body["@id"]).status_code in (401, 403, 404)


def test_the_administrator_still_manages_the_helper(helpers, manager_session, api_session):
    response = manager_session.get(f"@users/{HELPER[0]}")
    assert response.status_code == 200, response.text
    assert GROUP in [group["id"] for group in response.json()["groups"]["items"]]
    assert api_session(*HELPER).get("@postkorb").status_code == 200


def test_a_role_taken_in_a_script_ends_access_at_once_and_the_consent_at_the_next_sweep(
    helpers, apply_for, api_session, manager_session
):
    from herne.portal.assist.leaving import end_lapsed_consents

    role_on_the_account_only()
    body = apply_for(FOR_GERTRUD).json()

    remove_role_in_code(manager_session)

    assert api_session(*HELPER).get(body["@id"]).status_code in (401, 403, 404)
    assert not application_of(body).entry.get("consent_withdrawn")
    with api.env.adopt_roles(["Manager"]):
        assert end_lapsed_consents() == 1
    transaction.commit()
    assert application_of(body).entry.get("consent_withdrawn")


def test_the_nightly_retention_run_ends_the_consents_a_script_left(
    helpers, apply_for, api_session, manager_session
):
    from herne.portal.applications.retention import apply_retention

    role_on_the_account_only()
    body = apply_for(FOR_GERTRUD).json()
    remove_role_in_code(manager_session)

    dry = apply_retention(dry_run=True)
    transaction.abort()
    assert dry.consents_ended == 0
    assert not application_of(body).entry.get("consent_withdrawn")
    report = apply_retention()
    transaction.commit()
    assert report.consents_ended == 1
    assert "  1 consents of former helpers ended" in list(report.lines())
    assert application_of(body).entry.get("consent_withdrawn")
    history = api_session(*TAX_CLERK).get(f"{body['@id']}/@antrag").json()["history"]
    assert any(
        "Einwilligung beendet: Das Konto der Digitallotse hat die Rolle Digitallotse nicht mehr."
        in str(step.get("comment"))
        for step in history
    ), history
