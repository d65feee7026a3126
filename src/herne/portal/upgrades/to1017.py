"""1016 -> 1017: the worklist marks new answers and messages of citizens; existing applications are indexed."""

from plone import api


def upgrade(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        brain._unrestrictedGetObject().reindexObject(idxs=["clerk_news"])
