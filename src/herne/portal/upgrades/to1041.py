"""1040 -> 1041: the outbox's entries move into 256 shards by application, so parallel submissions stop conflicting there."""

from BTrees.OOBTree import OOTreeSet
from herne.portal.outbox.storage import ANNOTATION_KEY
from herne.portal.outbox.storage import Outbox
from herne.portal.outbox.storage import id_shard
from plone import api
from zope.annotation.interfaces import IAnnotations


def sharded(state):
    """A sharded outbox with everything of the single-tree outbox whose attributes are ``state``."""
    outbox = Outbox()
    entries = state["entries"]
    for entry_id, entry in entries.items():
        outbox.shards[id_shard(entry_id)].entries[entry_id] = entry
    for entry_id, when in state["due"].items():
        if entry_id:  # the old tree's own keep key; every shard has its own
            outbox.shards[id_shard(entry_id)].due[entry_id] = when
    for key, entry_id in state["keys"].items():
        entry = entries.get(entry_id)
        uid = entry.application_uid if entry is not None else ""
        outbox._shard(uid, key).keys[key] = entry_id
    for uid, ids in state["by_application"].items():
        outbox._shard(uid).by_application[uid] = OOTreeSet(ids)
    return outbox


def upgrade(setup_tool):
    annotations = IAnnotations(api.portal.get())
    old = annotations.get(ANNOTATION_KEY)
    if old is None:
        annotations[ANNOTATION_KEY] = Outbox()
        return
    state = old.__getstate__()
    if "shards" not in state:
        annotations[ANNOTATION_KEY] = sharded(state)
