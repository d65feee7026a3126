"""1006 -> 1007: portal settings, the digitalisation unit's role and dashboard, originals in the catalog."""

from plone import api


PROFILE = "profile-herne.portal:default"


def upgrade(setup_tool=None):
    setup_tool = setup_tool or api.portal.get_tool("portal_setup")
    for step in ("plone.app.registry", "controlpanel", "rolemap", "actions", "catalog"):
        setup_tool.runImportStepFromProfile(PROFILE, step)
    api.portal.get_tool("portal_catalog").manage_reindexIndex(ids=["needs_originals"])
