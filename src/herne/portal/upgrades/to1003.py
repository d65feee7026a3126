"""1002 -> 1003: processing by the departments; areas without owners, applications reindexed."""

from herne.portal.applications.areas import application_root
from herne.portal.applications.areas import area_for_department
from herne.portal.applications.areas import withdraw_local_roles
from plone import api


def upgrade(setup_tool):
    # Areas created on demand made the creating user their owner: take that back.
    root = application_root()
    withdraw_local_roles(root)
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Department"):
        area_for_department(brain._unrestrictedGetObject())
    for area in root.objectValues():
        withdraw_local_roles(area)
    # The worklist sorts by submission and searches reference numbers and names.
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        brain._unrestrictedGetObject().reindexObject(
            idxs=["submitted", "SearchableText", "processing_days"]
        )
