"""1008 -> 1009: retention of closed applications (period per service, defaults in the control panel)."""

import logging
from plone import api


logger = logging.getLogger(__name__)


def upgrade(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        catalog.reindexObject(
            brain._unrestrictedGetObject(), idxs=["closed", "anonymised"], update_metadata=0
        )
        count += 1
    logger.info("Closing dates indexed for %s applications", count)
