"""1003 -> 1004: the citizen's Postkorb (link, unread markers) and message notifications."""

from plone import api


PROFILE = "profile-herne.portal:default"


def upgrade(setup_tool=None):
    setup_tool = setup_tool or api.portal.get_tool("portal_setup")
    for step in ("catalog", "plone.app.registry", "actions"):
        setup_tool.runImportStepFromProfile(PROFILE, step)
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        brain._unrestrictedGetObject().reindexObject(idxs=["citizen_unread"])
