"""New applications committed but not yet in the catalog: where they are, and their forms' one-time tokens, in 256 shards.

A submission no longer writes the catalog (see ``index_after_commit``): it records its
application here, in the same transaction, and the application is catalogued right
after the commit. Until then this is how the application is found: by its uid (the
outbox worker, which may start sending before the catalog has it) and by the one-time
token of the form it came from (a double click, or the same form sent to two instances
at once, must find the first application instead of filing a second). A crash between
the commit and the cataloguing leaves the record, and the worker catalogues what it
finds here (``index_pending``).

Like the outbox, the records are spread over 256 shards made at install, each with a
never-deleted first key: two submissions write the same trees once in 256, the trees
stay one bucket each (which the ZODB merges), and removing a record after the
cataloguing never empties a bucket or removes its first key, which it cannot merge. Two
requests filing the same form write the same token key, a conflict the ZODB cannot
merge: Zope runs the second again, and it finds the first.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from plone import api
import time
import zlib
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "herne.portal.pending_index"
#: Fixed at 256: changing it needs a migration.
SHARDS = 256
#: The key every tree keeps for good (no uid and no token key is empty).
KEEP = ""


def _shard_number(text):
    return zlib.crc32(text.encode("utf-8")) % SHARDS


class PendingShard(Persistent):
    """One 256th of the records; never written itself, only its trees."""

    def __init__(self):
        self.applications = OOBTree()  # uid -> (path, token key, time recorded)
        self.applications[KEEP] = None
        self.tokens = OOBTree()  # token key -> uid
        self.tokens[KEEP] = None


def token_key(who, token):
    """The key of a form's one-time ``token`` sent by (or entered by) the user ``who``."""
    return f"{who}\n{token}" if who and token else ""


class PendingIndex(Persistent):
    """The site's records of applications waiting for the catalog."""

    def __init__(self):
        self.shards = tuple(PendingShard() for _number in range(SHARDS))

    def _shard(self, key):
        return self.shards[_shard_number(key)]

    def add(self, uid, path, keys=()):
        """Record the application ``uid`` at ``path`` and the token keys it was filed with."""
        keys = tuple(key for key in keys if key)
        self._shard(uid).applications[uid] = (path, keys, time.time())
        for key in keys:
            self._shard(key).tokens[key] = uid

    def path(self, uid):
        """The path of the pending application ``uid`` (None when it is catalogued or unknown)."""
        record = self._shard(uid).applications.get(uid) if uid else None
        return record[0] if record else None

    def uid_for_token(self, key):
        """The uid of the pending application filed with the token key ``key``."""
        return self._shard(key).tokens.get(key) if key else None

    def remove(self, uid):
        """Forget the application ``uid`` (catalogued, or gone)."""
        applications = self._shard(uid).applications
        record = applications.get(uid) if uid else None
        if not record:
            return
        del applications[uid]
        for key in record[1]:
            tokens = self._shard(key).tokens
            if tokens.get(key) == uid:
                del tokens[key]

    def older_than(self, seconds, now=None):
        """(uid, path) of the records kept longer than ``seconds``, oldest first."""
        limit = (now if now is not None else time.time()) - seconds
        found = [
            (record[2], uid, record[0])
            for shard in self.shards
            for uid, record in shard.applications.items()
            if uid != KEEP and record[2] <= limit
        ]
        return [(uid, path) for _time, uid, path in sorted(found)]

    def __len__(self):
        return sum(len(shard.applications) - 1 for shard in self.shards)


def get_pending_index(portal=None, create=False):
    """The site's records (None on a site not yet upgraded: applications are then catalogued at once)."""
    portal = portal if portal is not None else api.portal.get()
    annotations = IAnnotations(portal)
    pending = annotations.get(ANNOTATION_KEY)
    if pending is None and create:
        pending = annotations[ANNOTATION_KEY] = PendingIndex()
    return pending
