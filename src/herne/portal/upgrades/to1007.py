"""1006 -> 1007: portal settings, reporting role and dashboard; the originals index rebuilt."""

from plone import api


def upgrade(setup_tool):
    api.portal.get_tool("portal_catalog").manage_reindexIndex(ids=["needs_originals"])
