"""1012 -> 1013: changes to published services go through review in working copies."""

from plone import api
from plone.base.utils import get_installer


PROFILE = "profile-herne.portal:default"
OLD_WORKFLOW = "herne_catalogue_workflow"
DEPARTMENT_WORKFLOW = "herne_department_workflow"


def upgrade(setup_tool):
    get_installer(api.portal.get()).install_product("plone.app.iterate")
    # After iterate's own rolemap: working copies only where the catalogue workflow allows.
    setup_tool.runImportStepFromProfile(PROFILE, "rolemap", run_dependencies=False)
    setup_tool.runImportStepFromProfile(PROFILE, "workflow", run_dependencies=False)
    move_departments_to_their_workflow()
    # Published services lose the editors' direct edit permission.
    api.portal.get_tool("portal_workflow").updateRoleMappings()


def move_departments_to_their_workflow():
    """Departments keep their state and history in the workflow of their own."""
    workflow = api.portal.get_tool("portal_workflow")[DEPARTMENT_WORKFLOW]
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Department"):
        department = brain._unrestrictedGetObject()
        history = getattr(department, "workflow_history", None)
        if history is not None and OLD_WORKFLOW in history and DEPARTMENT_WORKFLOW not in history:
            history[DEPARTMENT_WORKFLOW] = history[OLD_WORKFLOW]
        workflow.updateRoleMappingsFor(department)
        department.reindexObject(idxs=["review_state", "allowedRolesAndUsers"])
