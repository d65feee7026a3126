"""1001 -> 1002: the full application workflow (processing states, guards, citizen withdrawal)."""

from plone import api


PROFILE = "profile-herne.portal:default"


def upgrade(setup_tool=None):
    setup_tool = setup_tool or api.portal.get_tool("portal_setup")
    for step in ("rolemap", "workflow"):
        setup_tool.runImportStepFromProfile(PROFILE, step)
    # Existing applications get the permission settings of their (unchanged) states.
    api.portal.get_tool("portal_workflow").updateRoleMappings()
