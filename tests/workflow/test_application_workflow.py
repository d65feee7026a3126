"""The application workflow: permission matrix (state x role x permission), transitions and guards."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from herne.portal.applications.messages import notes_by_step
from herne.portal.applications.messages import step_key
from herne.portal.workflow.application import tick_original
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
import pytest
from tests.fixtures.applications import bring_to
from tests.fixtures.applications import draft_application


PROCESS = "herne.portal: Process application"
WITHDRAW = "herne.portal: Withdraw application"
PERMISSIONS = ("View", "Modify portal content", PROCESS, WITHDRAW)

NOTHING = (False, False, False, False)
READ = (True, False, False, False)
UNDECIDED_OWNER = (True, False, False, True)
CLERK_WORKS = (True, False, True, False)

#: state -> role -> (View, Modify portal content, Process, Withdraw)
MATRIX = {
    "draft": {"owner": (True, True, False, False), "clerk": NOTHING},
    "submitted": {"owner": UNDECIDED_OWNER, "clerk": CLERK_WORKS},
    "in_progress": {"owner": UNDECIDED_OWNER, "clerk": CLERK_WORKS},
    "info_requested": {"owner": (True, True, False, True), "clerk": CLERK_WORKS},
    "originals_pending": {"owner": UNDECIDED_OWNER, "clerk": CLERK_WORKS},
    "approved": {"owner": READ, "clerk": CLERK_WORKS},
    "sent": {"owner": READ, "clerk": READ},
    "ready_for_pickup": {"owner": READ, "clerk": CLERK_WORKS},
    "picked_up": {"owner": READ, "clerk": READ},
    "rejected": {"owner": READ, "clerk": READ},
    "withdrawn": {"owner": READ, "clerk": READ},
}
OUTSIDERS = ("other_citizen", "other_clerk", "editor", "anonymous")
CASES = [
    (state, role, expected)
    for state, roles in MATRIX.items()
    for role, expected in [*roles.items(), *((outsider, NOTHING) for outsider in OUTSIDERS)]
]
USERS = {"owner": "buerger", "other_citizen": "buergerin", "editor": "redaktion"}


@pytest.fixture()
def people(demo):
    # Demo clerks, moved for these tests: creating users is slow (password hashing).
    api.group.add_user(groupname="clerks-buergerdienste-wanne", username="sachbearbeitung")
    api.group.add_user(groupname="clerks-steuern", username="sachbearbeitung-wohngeld")
    return {**USERS, "clerk": "sachbearbeitung", "other_clerk": "sachbearbeitung-wohngeld"}


def as_user(username, check):
    if username is None:
        manager = getSecurityManager()
        try:
            newSecurityManager(None, nobody)
            return check()
        finally:
            setSecurityManager(manager)
    with api.env.adopt_user(username=username):
        return check()


@pytest.fixture(scope="class")
def matrix_site(demo_class):
    """One site for the whole matrix: each case works on an application of its own."""
    demo_class.testSetUp()
    try:
        portal = demo_class["portal"]
        api.group.add_user(groupname="clerks-buergerdienste-wanne", username="sachbearbeitung")
        api.group.add_user(groupname="clerks-steuern", username="sachbearbeitung-wohngeld")
        yield portal
    finally:
        demo_class.testTearDown()


class TestPermissionMatrix:
    @pytest.mark.parametrize("state, role, expected", CASES)
    def test_permission_matrix(self, matrix_site, state, role, expected):
        application = draft_application(matrix_site)
        bring_to(application, state)

        def check():
            return tuple(
                api.user.has_permission(permission, obj=application) for permission in PERMISSIONS
            )

        people = {**USERS, "clerk": "sachbearbeitung", "other_clerk": "sachbearbeitung-wohngeld"}
        assert as_user(people.get(role), check) == expected


def offered(application, username):
    workflow = api.portal.get_tool("portal_workflow")
    return as_user(username, lambda: {t["id"] for t in workflow.getTransitionsFor(application)})


def test_approval_impossible_while_originals_outstanding(demo, people):
    application = draft_application(demo["portal"])
    bring_to(application, "in_progress")
    assert application.originals, "the life certificate needs its original form"
    choices = offered(application, "sachbearbeitung")
    assert "approve" not in choices
    assert "request_originals" in choices

    with api.env.adopt_user(username="sachbearbeitung"):
        api.content.transition(obj=application, transition="request_originals")
        names = [item["name"] for item in application.originals]
        for name in names:
            assert "originals_received" not in offered(application, "sachbearbeitung")
            assert "approve" not in offered(application, "sachbearbeitung")
            tick_original(application, name, "sachbearbeitung")
        assert all(item["checked_by"] == "sachbearbeitung" for item in application.originals)
        assert all(item["shown_at"] is not None for item in application.originals)
        api.content.transition(obj=application, transition="originals_received")
        api.content.transition(obj=application, transition="approve")
    assert api.content.get_state(application) == "approved"


def test_service_without_originals_is_approved_directly(demo, people):
    application = draft_application(demo["portal"], "hundesteuer")
    bring_to(application, "in_progress")
    assert application.originals == []
    choices = offered(application, "sachbearbeitung-wohngeld")
    assert "approve" in choices
    assert "request_originals" not in choices


def test_send_by_post_impossible_for_pickup_services(demo, people):
    application = draft_application(demo["portal"])
    bring_to(application, "approved")
    assert "send_by_post" in offered(application, "sachbearbeitung")

    portal = demo["portal"]
    portal["leistungen"]["lebensbescheinigung"].result_delivery = "pickup"
    assert "send_by_post" not in offered(application, "sachbearbeitung")
    assert "make_ready_for_pickup" in offered(application, "sachbearbeitung")


def test_send_by_post_needs_an_address(demo, people):
    application = draft_application(demo["portal"], address="")
    bring_to(application, "approved")
    assert "send_by_post" not in offered(application, "sachbearbeitung")


@pytest.mark.parametrize(
    "state", ["submitted", "in_progress", "info_requested", "originals_pending"]
)
def test_citizen_withdraws_undecided(demo, people, state):
    application = draft_application(demo["portal"])
    bring_to(application, state)
    assert "withdraw" in offered(application, "buerger")
    with api.env.adopt_user(username="buerger"):
        api.content.transition(obj=application, transition="withdraw", comment="Doch nicht nötig")
    assert api.content.get_state(application) == "withdrawn"


@pytest.mark.parametrize("state", ["approved", "sent", "rejected", "ready_for_pickup"])
def test_no_withdrawal_after_decision(demo, people, state):
    application = draft_application(demo["portal"])
    bring_to(application, state)
    assert "withdraw" not in offered(application, "buerger")


def test_only_the_departments_clerks_move_it(demo, people):
    application = draft_application(demo["portal"])
    bring_to(application, "submitted")
    assert offered(application, "sachbearbeitung-wohngeld") == set()
    assert offered(application, "buergerin") == set()
    with (
        api.env.adopt_user(username="sachbearbeitung-wohngeld"),
        pytest.raises(api.exc.InvalidParameterError),
    ):
        api.content.transition(obj=application, transition="accept")
    assert api.content.get_state(application) == "submitted"


def test_history_keeps_actor_time_comment_and_internal_flag(demo, people):
    application = draft_application(demo["portal"])
    bring_to(application, "submitted")
    with api.env.adopt_user(username="sachbearbeitung"):
        api.content.transition(
            obj=application, transition="accept", comment="Akte angelegt", internal=True
        )
        api.content.transition(
            obj=application, transition="request_info", comment="Bitte Rentenbescheid hochladen"
        )
    history = application.workflow_history["herne_application_workflow"]
    accepted, requested = history[-2], history[-1]
    # the internal text is kept apart, where Plone's generic history views do not look
    assert (accepted["actor"], accepted["comments"], accepted["internal"]) == (
        "sachbearbeitung",
        "",
        True,
    )
    assert notes_by_step(application)[step_key(accepted["time"])] == "Akte angelegt"
    assert (requested["comments"], requested["internal"]) == (
        "Bitte Rentenbescheid hochladen",
        False,
    )
    assert requested["time"] is not None


def test_citizen_answers_information_request(demo, people):
    application = draft_application(demo["portal"])
    bring_to(application, "info_requested")
    with api.env.adopt_user(username="buerger"):
        assert api.user.has_permission("Modify portal content", obj=application)
        api.content.transition(obj=application, transition="answer", comment="Bescheid liegt bei")
    assert api.content.get_state(application) == "in_progress"


@pytest.mark.parametrize("step", ["request_info", "reject"])
def test_request_and_rejection_need_a_text_on_every_channel(demo, people, step):
    application = draft_application(demo["portal"])
    bring_to(application, "in_progress")
    with (
        api.env.adopt_user(username="sachbearbeitung"),
        pytest.raises(WorkflowException, match="Bitte"),
    ):
        api.portal.get_tool("portal_workflow").doActionFor(application, step, comment="  ")
    assert api.content.get_state(application) == "in_progress"
