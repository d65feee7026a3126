"""1045 -> 1046: a helper reaches what they entered only while helper of that organisation (PAS plugin, reindexed)."""

from herne.portal.assist.access import ensure_access_plugin
from herne.portal.assist.access import reindex_entered_applications


def upgrade(setup_tool):
    ensure_access_plugin()
    reindex_entered_applications()
