"""1007 -> 1008: accessibility statement in the footer, the portal's stylesheet bundle (contrast, focus).

The plain-language summary of services needs no step: it is a field of the Python
schema, and a service without it reads the empty default.
"""

from plone import api


PROFILE = "profile-herne.portal:default"


def upgrade(setup_tool=None):
    setup_tool = setup_tool or api.portal.get_tool("portal_setup")
    for step in ("actions", "plone.app.registry"):
        setup_tool.runImportStepFromProfile(PROFILE, step)
