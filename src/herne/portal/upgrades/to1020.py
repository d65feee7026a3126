"""1019 -> 1020: TinyMCE on the editors' forms without barriers (named frame, no resize handle, no branding)."""

import json
from plone import api


PROFILE = "profile-herne.portal:default"


def upgrade(setup_tool):
    # The profile's registry sets TinyMCE's other settings; the site's own ones are kept.
    try:
        own = json.loads(api.portal.get_registry_record("plone.other_settings") or "{}")
    except ValueError:
        own = {}
    setup_tool.runImportStepFromProfile(PROFILE, "plone.app.registry", run_dependencies=False)
    settings = json.loads(api.portal.get_registry_record("plone.other_settings"))
    api.portal.set_registry_record("plone.other_settings", json.dumps({**own, **settings}))
