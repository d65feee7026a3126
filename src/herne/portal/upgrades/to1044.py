"""1043 -> 1044: files of applications lose the roles their uploaders kept on them (a helper read them after the claim)."""

from herne.portal.applications.factory import keep_no_roles_of_its_own
from plone import api


def upgrade(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        application = brain._unrestrictedGetObject()
        for item in application.contentValues():
            if item.portal_type == "ApplicationFile":
                keep_no_roles_of_its_own(item)
