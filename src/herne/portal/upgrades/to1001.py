"""1000 -> 1001: online applications (types, workflows, Clerk role, indexes, settings)."""

from herne.portal.applications.areas import application_root
from plone import api


PROFILE = "profile-herne.portal:default"
STEPS = ("typeinfo", "workflow", "rolemap", "catalog", "plone.app.registry", "controlpanel")


def upgrade(setup_tool=None):
    setup_tool = setup_tool or api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step)
    application_root()
