"""1050 -> 1051: stored applications leave ``Type``, ``is_folderish`` and ``Creator`` and stay in ``object_provides`` only under the portal's own interfaces."""

from plone import api


NEWLY_SKIPPED = ("Type", "is_folderish", "Creator")


def upgrade(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    indexes = [
        catalog._catalog.getIndex(name) for name in NEWLY_SKIPPED if name in catalog.indexes()
    ]
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        for index in indexes:
            index.unindex_object(brain.getRID())
        application = brain._unrestrictedGetObject()
        catalog.catalog_object(
            application, brain.getPath(), idxs=["object_provides"], update_metadata=False
        )
