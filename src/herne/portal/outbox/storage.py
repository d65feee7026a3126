"""Where outbox entries live: one persistent object each, in 256 shards by application, indexed by id, key and due time."""

from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from herne.portal.outbox.interfaces import IOutboxEntry
from persistent import Persistent
from persistent.list import PersistentList
from plone import api
import time
import uuid
import zlib
from zope.annotation.interfaces import IAnnotations
from zope.interface import implementer


ANNOTATION_KEY = "herne.portal.outbox"

PENDING = "pending"
SENDING = "sending"
DELIVERED = "delivered"
FAILED = "failed"
DEAD = "dead"
STATES = (PENDING, SENDING, DELIVERED, FAILED, DEAD)
#: the key kept in the due index for good (no entry id is empty)
KEEP = ""


@implementer(IOutboxEntry)
class OutboxEntry(Persistent):
    """One delivery to make; ids only, the data is read from the application when sending."""

    claimed_by = None  # entries written before claims named their process

    def __init__(self, entry_id, application_uid, kind, event, destination, idempotency_key):
        self.id = entry_id
        #: ids and names only (a message id, a state id), never what a person wrote
        self.details = {}
        #: the portal's address where the change was made, for links in what is sent
        self.portal_url = ""
        self.application_uid = application_uid or ""
        self.kind = kind
        self.event = event
        self.destination = destination or ""
        self.idempotency_key = idempotency_key
        self.reference = ""
        self.state = PENDING
        self.tries = 0
        self.created = time.time()
        self.next_try = self.created
        self.claimed = None
        #: start id of the process that claimed it last (see heartbeat.py)
        self.claimed_by = None
        self.last_error = ""
        self.result = {}
        self.history = PersistentList([(self.created, PENDING, "")])

    def note(self, state, text=""):
        """Move to ``state`` and keep the step in the history."""
        self.state = state
        self.history.append((time.time(), state, text))


#: Fixed at 256 (two hex digits lead every entry id): changing it needs a migration.
SHARDS = 256


def shard_number(text):
    """The shard of an application uid (or of a key about no application); the same in every process."""
    return zlib.crc32(text.encode("utf-8")) % SHARDS


def id_shard(entry_id):
    """The shard an entry id names in its first two hex digits."""
    try:
        return int(entry_id[:2], 16) % SHARDS
    except ValueError:
        return shard_number(entry_id)


class OutboxShard(Persistent):
    """The entries of the applications whose uid falls into this 256th; never written itself, only its trees."""

    def __init__(self):
        self.entries = OOBTree()  # id -> OutboxEntry
        self.keys = OOBTree()  # idempotency key -> id
        self.due = OOBTree()  # id -> next_try (epoch seconds), entries still to send
        # Never deleted: the worker's deletions cannot empty the tree, which the BTree's
        # conflict resolution refuses to merge with a request's insert.
        self.due[KEEP] = float("inf")
        self.by_application = OOBTree()  # application UID -> OOTreeSet of ids


class _ByEntryId:
    """One tree of every shard read as one mapping by entry id (the worker, the admin page)."""

    def __init__(self, outbox, name):
        self._outbox = outbox
        self._name = name

    def _tree(self, entry_id):
        return getattr(self._outbox.shards[id_shard(entry_id)], self._name)

    def _trees(self):
        return (getattr(shard, self._name) for shard in self._outbox.shards)

    def get(self, entry_id, default=None):
        if not entry_id:
            return default
        return self._tree(entry_id).get(entry_id, default)

    def __getitem__(self, entry_id):
        if not entry_id:
            raise KeyError(entry_id)
        return self._tree(entry_id)[entry_id]

    def __contains__(self, entry_id):
        return bool(entry_id) and entry_id in self._tree(entry_id)

    def __delitem__(self, entry_id):
        if not entry_id:
            raise KeyError(entry_id)
        del self._tree(entry_id)[entry_id]

    def items(self):
        for tree in self._trees():
            for entry_id, value in tree.items():
                if entry_id != KEEP:
                    yield entry_id, value

    def keys(self):
        return (entry_id for entry_id, _value in self.items())

    __iter__ = keys

    def values(self):
        return (value for _entry_id, value in self.items())

    def __len__(self):
        return sum(len(tree) - (KEEP in tree) for tree in self._trees())


class _ByApplication:
    """The entry ids of each application, read across the shards."""

    def __init__(self, outbox):
        self._outbox = outbox

    def get(self, application_uid, default=None):
        return self._outbox._shard(application_uid).by_application.get(application_uid, default)

    def __contains__(self, application_uid):
        return application_uid in self._outbox._shard(application_uid).by_application


class Outbox(Persistent):
    """The site's entries, in 256 shards by application.

    Every submission writes its entries (mails, deliveries) here. In one shared set
    of BTrees, parallel submissions filled the same buckets, and a bucket that splits
    changes its parent node, which the ZODB cannot merge: a third of the conflicts
    of the conflict map (docs/benchmarks.md). Now the entries, idempotency keys, due
    times and the list of an application's entries all live in the shard of the
    application's uid, so two submissions touch the same trees only once in 256, and
    those trees stay small enough to be merged. The shards are made with the outbox
    (at install), so no writer ever adds one. Each entry is its own persistent
    object, so the worker's updates touch the entry and its shard's ``due`` only.

    ``claims`` and ``workers`` are written by the workers only (claim, record,
    heartbeat), never by a submission, so they live here and not in the shards.
    """

    claims = None  # outboxes made before the workers' trees: see add_worker_trees
    workers = None

    def __init__(self):
        self.shards = tuple(OutboxShard() for _number in range(SHARDS))
        self.add_worker_trees()

    def add_worker_trees(self):
        """The trees only the workers write; added by the first worker on an outbox made before them."""
        if self.claims is None:
            self.claims = OOBTree()  # id -> start id of the process that claimed it (``sending``)
            self.claims[KEEP] = KEEP  # as in ``due``: deletions never empty it
        if self.workers is None:
            self.workers = OOBTree()  # process start id -> WorkerRecord (heartbeat)

    def _shard(self, application_uid, key=""):
        return self.shards[shard_number(application_uid or key)]

    @property
    def entries(self):
        return _ByEntryId(self, "entries")

    @property
    def due(self):
        return _ByEntryId(self, "due")

    @property
    def by_application(self):
        return _ByApplication(self)

    def add(
        self,
        application_uid,
        kind,
        event,
        destination,
        idempotency_key,
        reference="",
        details=None,
        portal_url="",
    ):
        number = shard_number(application_uid or idempotency_key)
        shard = self.shards[number]
        existing = shard.keys.get(idempotency_key)
        if existing is not None:
            return existing
        # The first two hex digits name the shard, the rest is random.
        entry_id = f"{number:02x}{uuid.uuid4().hex[2:]}"
        entry = OutboxEntry(entry_id, application_uid, kind, event, destination, idempotency_key)
        entry.reference = reference or ""
        entry.details = dict(details or {})
        entry.portal_url = portal_url or ""
        shard.entries[entry_id] = entry
        shard.keys[idempotency_key] = entry_id
        shard.due[entry_id] = entry.next_try
        if application_uid:
            ids = shard.by_application.get(application_uid)
            if ids is None:
                ids = shard.by_application[application_uid] = OOTreeSet()
            ids.insert(entry_id)
        return entry_id

    def get(self, entry_id):
        return self.entries.get(entry_id)

    def due_ids(self, now=None, limit=None):
        """Ids of entries whose time has come, the longest waiting first."""
        now = time.time() if now is None else now
        ready = sorted((when, entry_id) for entry_id, when in self.due.items() if when <= now)
        ids = [entry_id for when, entry_id in ready]
        return ids[:limit] if limit else ids

    def schedule(self, entry, when):
        entry.next_try = when
        due = self.shards[id_shard(entry.id)].due
        if due.get(entry.id) != when:
            due[entry.id] = when

    def hold(self, entry, process):
        """``process`` claimed the entry: remember who, for the others to see whether it still lives."""
        entry.claimed_by = process
        if self.claims.get(entry.id) != process:
            self.claims[entry.id] = process

    def release(self, entry_or_id):
        """The claim is over (result recorded, sent again by hand, removed)."""
        entry_id = getattr(entry_or_id, "id", entry_or_id)
        if self.claims is not None and entry_id in self.claims:
            del self.claims[entry_id]

    def orphaned_ids(self, now, alive):
        """Ids of ``sending`` entries whose claiming process ``alive(process, now)`` says is gone."""
        if self.claims is None:
            return []
        verdicts = {}
        orphaned = []
        for entry_id, process in self.claims.items():
            if not entry_id:
                continue
            if process not in verdicts:
                verdicts[process] = alive(process, now)
            if not verdicts[process]:
                orphaned.append(entry_id)
        return orphaned

    def done(self, entry):
        entry.next_try = None
        due = self.shards[id_shard(entry.id)].due
        if entry.id in due:
            del due[entry.id]

    def send_again(self, entry, text=""):
        """Due now with a fresh count of tries ("erneut senden")."""
        entry.tries = 0
        entry.last_error = ""
        entry.note(PENDING, text)
        self.release(entry)
        self.schedule(entry, time.time())

    def remove_application(self, application_uid):
        """Forget every entry about the application (retention); returns how many."""
        shard = self._shard(application_uid)
        ids = shard.by_application.get(application_uid)
        if ids is None:
            return 0
        count = 0
        for entry_id in list(ids):
            home = self.shards[id_shard(entry_id)]
            entry = home.entries.get(entry_id)
            if entry is not None:
                keys = self._shard(entry.application_uid, entry.idempotency_key).keys
                if keys.get(entry.idempotency_key) == entry_id:
                    del keys[entry.idempotency_key]
                del home.entries[entry_id]
                count += 1
            if entry_id in home.due:
                del home.due[entry_id]
            self.release(entry_id)
        del shard.by_application[application_uid]
        return count

    def for_application(self, application_uid):
        """The application's entries, the oldest first."""
        ids = self.by_application.get(application_uid) or ()
        found = (self.entries.get(entry_id) for entry_id in ids)
        return sorted((entry for entry in found if entry is not None), key=lambda e: e.created)


def get_outbox(portal=None, create=True):
    """The site's outbox; made on first use (the install step makes it, so parallel writers never race)."""
    portal = portal if portal is not None else api.portal.get()
    annotations = IAnnotations(portal)
    outbox = annotations.get(ANNOTATION_KEY)
    if outbox is None and create:
        outbox = annotations[ANNOTATION_KEY] = Outbox()
    return outbox


def idempotency_key(application_uid, kind, event, destination):
    """The default key: one delivery per application, kind, event and destination."""
    return f"{kind}:{application_uid}:{event}:{destination}"


def enqueue(application, kind, event, destination="", key=None, details=None):
    """Write one entry in the current transaction; returns its id (the existing one for a known key).

    ``application`` may be None for entries about nothing in particular;
    ``details``: ids and names the sender needs (never personal data). Nothing is
    sent now: the worker sends after this transaction has committed, so a request
    that fails or is retried sends nothing twice.
    """
    uid = api.content.get_uuid(application) if application is not None else ""
    if key is None:
        key = idempotency_key(uid, kind, event, destination)
    reference = (
        getattr(application, "reference_number", "") or "" if application is not None else ""
    )
    portal = api.portal.get()
    outbox = get_outbox(portal)
    entry_id = outbox.add(
        uid, kind, event, destination, key, reference, details, portal.absolute_url()
    )
    from herne.portal.outbox.worker import wake_after_commit

    jar = outbox._p_jar or portal._p_jar  # the worker's own connection when a sender enqueues
    wake_after_commit(jar.transaction_manager if jar is not None else None)
    return entry_id
