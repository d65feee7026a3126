"""1006 -> 1007: portal settings (official address, HSTS, OZG target), the digitalisation unit's role."""

from plone import api


PROFILE = "profile-herne.portal:default"


def upgrade(setup_tool=None):
    setup_tool = setup_tool or api.portal.get_tool("portal_setup")
    for step in ("plone.app.registry", "controlpanel", "rolemap", "actions"):
        setup_tool.runImportStepFromProfile(PROFILE, step)
