"""1034 -> 1035: the letters' summary in the catalog for the Postausgang; applications with letters get it."""

from DateTime import DateTime
from herne.portal.applications.letters import OPEN_INDEX
from herne.portal.applications.letters import PRINTED_INDEX
from plone import api


def upgrade(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    ever = {"query": DateTime("1900/01/01 UTC"), "range": "min"}
    with_letters = set()
    for index in (OPEN_INDEX, PRINTED_INDEX):
        found = catalog.unrestrictedSearchResults(portal_type="Application", **{index: ever})
        with_letters.update(brain.getPath() for brain in found)
    for path in sorted(with_letters):
        # One small index is enough: the catalog writes all metadata of the object again.
        catalog.reindexObject(catalog.unrestrictedTraverse(path), idxs=[OPEN_INDEX])
