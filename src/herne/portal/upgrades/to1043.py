"""1042 -> 1043: the role DepartmentReader (read-only accounts of a department's software); existing applications get its permissions."""

from plone import api


def upgrade(setup_tool):
    # The states where clerks read now let DepartmentReader read too; existing objects follow.
    api.portal.get_tool("portal_workflow").updateRoleMappings()
