"""1050 -> 1051: stored applications leave ``Type``, ``is_folderish`` and ``Creator`` and stay in ``object_provides`` only under the portal's own interfaces."""

from plone import api
import transaction


NEWLY_SKIPPED = ("Type", "is_folderish", "Creator")
#: Applications between savepoints, so that a city's 100,000 do not all stay in memory.
BATCH = 500


def upgrade(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    indexes = [
        catalog._catalog.getIndex(name) for name in NEWLY_SKIPPED if name in catalog.indexes()
    ]
    brains = catalog.unrestrictedSearchResults(portal_type="Application")
    for number, brain in enumerate(brains, start=1):
        for index in indexes:
            index.unindex_object(brain.getRID())
        application = brain._unrestrictedGetObject()
        catalog.catalog_object(
            application, brain.getPath(), idxs=["object_provides"], update_metadata=False
        )
        if number % BATCH == 0:
            transaction.savepoint(optimistic=True)
