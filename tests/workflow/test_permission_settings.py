"""Roles per permission are set from each class's permissions gathered once, exactly as DCWorkflow gathers them per call."""

from herne.portal.workflow import permission_settings
from plone import api
from Products.DCWorkflow import DCWorkflow
from Products.DCWorkflow.utils import ac_inherited_permissions
from tests.fixtures.applications import bring_to
from tests.fixtures.applications import draft_application


def gathered_as_dcworkflow_does(ob, name):
    for perm in ac_inherited_permissions(ob, 1):
        if perm[0] == name:
            return perm[1]
    return ()


def test_dcworkflow_uses_the_permissions_gathered_once(demo):
    assert DCWorkflow.modifyRolesForPermission is permission_settings.modify_roles_for_permission


def test_every_permission_guards_the_same_attributes_as_dcworkflow_finds(demo):
    portal = demo["portal"]
    with api.env.adopt_roles(["Manager"]):
        application = draft_application(portal)
    objects = [portal, portal["leistungen"], portal["leistungen"]["hundesteuer"], application]
    objects += list(application.objectValues())
    for ob in objects:
        names = {perm[0] for perm in ac_inherited_permissions(ob, 1)}
        assert len(names) > 50
        for name in names:
            assert permission_settings.permission_data(ob).get(name, ()) == (
                gathered_as_dcworkflow_does(ob, name)
            ), (ob, name)


def test_a_step_sets_the_same_roles_as_dcworkflow_would(demo):
    portal = demo["portal"]
    with api.env.adopt_roles(["Manager"]):
        application = draft_application(portal)
        bring_to(application, "info_requested")
        workflow = api.portal.get_tool("portal_workflow").getWorkflowsFor(application)[0]
        settings = {
            p: sorted(application.rolesOfPermission(p), key=str) for p in workflow.permissions
        }

        # The same mapping again, each permission first spoilt, with DCWorkflow's own look-up.
        for name in workflow.permissions:
            application.manage_permission(name, ["Manager"], acquire=0)
        original = DCWorkflow.modifyRolesForPermission
        DCWorkflow.modifyRolesForPermission = _dcworkflows_own
        try:
            workflow.updateRoleMappingsFor(application)
        finally:
            DCWorkflow.modifyRolesForPermission = original
        assert {
            p: sorted(application.rolesOfPermission(p), key=str) for p in workflow.permissions
        } == settings


def _dcworkflows_own(ob, pname, roles):
    from AccessControl.Permission import Permission

    permission = Permission(pname, gathered_as_dcworkflow_does(ob, pname), ob)
    if permission.getRoles() != roles:
        permission.setRoles(roles)
        return 1
    return 0
