"""1007 -> 1008: accessibility statement, the portal's stylesheet, processing times ending at the decision.

The plain-language summary of services needs no step: it is a field of the Python
schema, and a service without it reads the empty default.
"""

from herne.portal.applications.steps import record_processing_time
from herne.portal.workflow.application_table import FINAL_STATES
import logging
from plone import api


logger = logging.getLogger(__name__)


def upgrade(setup_tool):
    recompute_processing_times()


def recompute_processing_times():
    """Decided applications count to their approval or rejection, not to pick-up or posting."""
    catalog = api.portal.get_tool("portal_catalog")
    changed = 0
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Application", review_state=list(FINAL_STATES)
    ):
        application = brain._unrestrictedGetObject()
        if application.decided is None:
            continue
        before = application.processing_days
        record_processing_time(application, application.decided)
        if application.processing_days != before:
            application.reindexObject()
            changed += 1
    logger.info("Processing times recomputed for %s decided applications", changed)
    return changed
