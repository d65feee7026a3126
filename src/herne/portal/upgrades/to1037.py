"""1036 -> 1037: stored applications leave the indexes no one searches them by."""

from herne.portal.conflicts.application_indexes import SKIPPED
from plone import api


def upgrade(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    indexes = [catalog._catalog.getIndex(name) for name in SKIPPED if name in catalog.indexes()]
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        for index in indexes:
            index.unindex_object(brain.getRID())
