"""1002 -> 1003: processing by the departments (worklist, notifications, processing times)."""

from plone import api


PROFILE = "profile-herne.portal:default"


def upgrade(setup_tool=None):
    setup_tool = setup_tool or api.portal.get_tool("portal_setup")
    for step in ("catalog", "plone.app.registry", "controlpanel", "actions"):
        setup_tool.runImportStepFromProfile(PROFILE, step)
    catalog = api.portal.get_tool("portal_catalog")
    # The worklist sorts by submission and searches reference numbers and names.
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        brain._unrestrictedGetObject().reindexObject(
            idxs=["submitted", "SearchableText", "processing_days"]
        )
