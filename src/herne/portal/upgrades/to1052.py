"""1051 -> 1052: no portlets beside the application pages (areas.without_side_portlets)."""

from herne.portal.applications.areas import APPLICATIONS_FOLDER_ID
from herne.portal.applications.areas import without_side_portlets
from plone import api


def upgrade(setup_tool):
    root = api.portal.get().get(APPLICATIONS_FOLDER_ID)
    if root is not None:
        without_side_portlets(root)
