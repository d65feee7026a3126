"""1001 -> 1002: the full application workflow; existing applications get its permissions."""

from plone import api


def upgrade(setup_tool):
    # Existing applications get the permission settings of their (unchanged) states.
    api.portal.get_tool("portal_workflow").updateRoleMappings()
