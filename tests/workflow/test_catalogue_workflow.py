"""Who may add, view, edit, submit and publish service pages: a state x role table.

A published service is changed in a working copy (plone.app.iterate): editors check
it out, only reviewers check it back in.
"""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import pytest
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


USERS = {
    "editor": ["catalogue-editors"],
    "reviewer": ["catalogue-reviewers"],
    "citizen": [],
    "clerk": [],
}

# state -> role -> (may view, may edit, transitions offered)
MATRIX = {
    "draft": {
        "editor": (True, True, {"submit"}),
        "reviewer": (True, False, {"publish"}),
        "citizen": (False, False, set()),
        "anonymous": (False, False, set()),
    },
    "review": {
        "editor": (True, False, set()),
        "reviewer": (True, True, {"publish", "reject"}),
        "citizen": (False, False, set()),
        "anonymous": (False, False, set()),
    },
    "published": {
        "editor": (True, False, set()),
        "reviewer": (True, True, {"retract"}),
        "citizen": (True, False, set()),
        "anonymous": (True, False, set()),
    },
}

CASES = [
    (state, role, *expected) for state, roles in MATRIX.items() for role, expected in roles.items()
]


@pytest.fixture()
def catalogue(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    for username, groups in USERS.items():
        api.user.create(username=username, email=f"{username}@example.org", password="secret-12345")
        for group in groups:
            api.group.add_user(groupname=group, username=username)
    department = api.content.create(
        container=portal["organisation"],
        type="Department",
        id="steuern",
        title="Steuern",
        address="Friedrich-Ebert-Platz 2\n44623 Herne",
    )
    return portal["leistungen"], department


def make_service(folder, department, state):
    service = api.content.create(
        container=folder,
        type="Service",
        title=f"Hundesteuer ({state})",
        department=RelationValue(getUtility(IIntIds).getId(department)),
    )
    if state == "review":
        api.content.transition(obj=service, transition="submit")
    elif state == "published":
        api.content.transition(obj=service, transition="publish")
    return service


def run_as(role, func):
    if role == "anonymous":
        manager = getSecurityManager()
        try:
            newSecurityManager(None, nobody)
            return func()
        finally:
            setSecurityManager(manager)
    with api.env.adopt_user(username=role):
        return func()


@pytest.mark.parametrize("state, role, may_view, may_edit, transitions", CASES)
def test_catalogue_permissions(catalogue, state, role, may_view, may_edit, transitions):
    folder, department = catalogue
    service = make_service(folder, department, state)
    assert api.content.get_state(service) == state

    def check():
        offered = {
            t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(service)
        }
        return (
            api.user.has_permission("View", obj=service),
            api.user.has_permission("Modify portal content", obj=service),
            offered,
        )

    assert run_as(role, check) == (may_view, may_edit, transitions)


# state -> role -> (may check out a working copy, may check one in)
WORKING_COPIES = {
    "draft": {"editor": (False, False), "reviewer": (False, False)},
    # a working copy submitted for review
    "review": {"editor": (False, False), "reviewer": (False, True)},
    "published": {
        "editor": (True, False),
        "reviewer": (False, True),
        "citizen": (False, False),
        "anonymous": (False, False),
    },
}


@pytest.mark.parametrize(
    "state, role, may_check_out, may_check_in",
    [
        (state, role, *expected)
        for state, roles in WORKING_COPIES.items()
        for role, expected in roles.items()
    ],
)
def test_working_copy_permissions(catalogue, state, role, may_check_out, may_check_in):
    folder, department = catalogue
    service = make_service(folder, department, state)

    def check():
        return (
            api.user.has_permission("iterate : Check out content", obj=service),
            api.user.has_permission("iterate : Check in content", obj=service),
        )

    assert run_as(role, check) == (may_check_out, may_check_in)


def test_a_working_copy_is_never_published_by_itself(catalogue):
    folder, department = catalogue
    service = make_service(folder, department, "published")
    with api.env.adopt_user(username="editor"):
        working_copy = ICheckinCheckoutPolicy(service).checkout(folder)
        api.content.transition(obj=working_copy, transition="submit")
    with api.env.adopt_user(username="reviewer"):
        offered = {
            t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(working_copy)
        }
    assert offered == {"reject"}


@pytest.mark.parametrize(
    "role, may_add",
    [("editor", True), ("reviewer", False), ("citizen", False), ("clerk", False)],
)
def test_who_may_add_services(catalogue, role, may_add):
    folder, _department = catalogue
    with api.env.adopt_user(username=role):
        assert api.user.has_permission("herne.portal: Add Service", obj=folder) is may_add


def test_editor_may_not_add_outside_catalogue(catalogue, portal):
    with api.env.adopt_user(username="editor"):
        assert not api.user.has_permission("herne.portal: Add Service", obj=portal)
        assert not api.user.has_permission("Add portal content", obj=portal)


def test_editor_workflow_round_trip(catalogue):
    folder, department = catalogue
    with api.env.adopt_user(username="editor"):
        service = api.content.create(
            container=folder,
            type="Service",
            title="Reitkennzeichen",
            department=RelationValue(getUtility(IIntIds).getId(department)),
        )
        api.content.transition(obj=service, transition="submit")
    with api.env.adopt_user(username="reviewer"):
        api.content.transition(obj=service, transition="publish")
    assert api.content.get_state(service) == "published"
    history = service.workflow_history["herne_catalogue_workflow"]
    assert [entry["actor"] for entry in history[1:]] == ["editor", "reviewer"]


def test_service_without_department_cannot_be_published(catalogue):
    folder, _department = catalogue
    service = api.content.create(container=folder, type="Service", title="Ohne Zuständigkeit")
    api.content.transition(obj=service, transition="submit")
    with api.env.adopt_user(username="reviewer"):
        offered = {
            t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(service)
        }
        assert "publish" not in offered
        with pytest.raises(api.exc.InvalidParameterError):
            api.content.transition(obj=service, transition="publish")
    assert api.content.get_state(service) == "review"


def test_departments_follow_the_catalogue_workflow(catalogue):
    _folder, department = catalogue
    assert api.content.get_state(department) == "draft"
    assert run_as("anonymous", lambda: api.user.has_permission("View", obj=department)) is False
    api.content.transition(obj=department, transition="publish")
    assert run_as("anonymous", lambda: api.user.has_permission("View", obj=department)) is True


def test_editors_keep_editing_published_departments_without_working_copies(catalogue):
    _folder, department = catalogue
    api.content.transition(obj=department, transition="publish")

    def check():
        return (
            api.user.has_permission("Modify portal content", obj=department),
            api.user.has_permission("iterate : Check out content", obj=department),
        )

    assert run_as("editor", check) == (True, False)
