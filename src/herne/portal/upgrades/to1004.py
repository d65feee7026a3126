"""1003 -> 1004: the citizen's Postkorb; existing applications get their unread markers indexed."""

from plone import api


def upgrade(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        brain._unrestrictedGetObject().reindexObject(idxs=["citizen_unread"])
