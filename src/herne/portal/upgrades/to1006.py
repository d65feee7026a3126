"""1005 -> 1006: eID log-in (OIDC plugin, control panel) and self-registration with e-mail confirmation."""

from herne.portal.eid.setup import enable_self_registration
from herne.portal.eid.setup import ensure_eid_plugin
from plone import api


PROFILE = "profile-herne.portal:default"


def upgrade(setup_tool=None):
    setup_tool = setup_tool or api.portal.get_tool("portal_setup")
    for step in ("plone.app.registry", "controlpanel"):
        setup_tool.runImportStepFromProfile(PROFILE, step)
    ensure_eid_plugin()
    enable_self_registration()
