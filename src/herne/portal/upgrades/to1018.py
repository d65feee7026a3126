"""1017 -> 1018: the eID client secret leaves the registry, where every registry view could read it."""

from herne.portal.eid.secret import move_secret_out_of_registry


def upgrade(setup_tool):
    move_secret_out_of_registry()
