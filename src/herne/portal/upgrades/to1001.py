"""1000 -> 1001: online applications; after the import steps, the folder that holds them."""

from herne.portal.applications.areas import application_root


def upgrade(setup_tool):
    application_root()
