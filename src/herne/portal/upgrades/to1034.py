"""1033 -> 1034: files of applications leave the catalog; applications and files their intids."""

from herne.portal.conflicts.no_intids import forget_intids
from plone import api


def _stored_applications(catalog):
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        application = brain._unrestrictedGetObject()
        if application is not None:
            yield application


def upgrade(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="ApplicationFile"):
        catalog.uncatalog_object(brain.getPath())
    objects = []
    for application in _stored_applications(catalog):
        objects.append(application)
        objects.extend(
            item for item in application.contentValues() if item.portal_type == "ApplicationFile"
        )
    forget_intids(objects)
