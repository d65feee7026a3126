"""1048 -> 1049: the pending index, so that new applications are catalogued after their submission's commit (see conflicts.index_after_commit)."""

from herne.portal.conflicts.pending_index import get_pending_index
from plone import api


def upgrade(setup_tool):
    get_pending_index(api.portal.get(), create=True)
