"""1013 -> 1014: honest badges; service pages get their facts as catalog metadata."""

from plone import api


def upgrade(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    if "service_facts" not in catalog.schema():
        catalog.addColumn("service_facts")
    for brain in catalog.unrestrictedSearchResults(portal_type="Service"):
        brain._unrestrictedGetObject().reindexObject(idxs=["online_availability"])
