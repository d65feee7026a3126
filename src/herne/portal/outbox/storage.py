"""Where outbox entries live: one persistent object each, indexed by id, idempotency key, application and due time."""

from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from herne.portal.outbox.interfaces import IOutboxEntry
from persistent import Persistent
from persistent.list import PersistentList
from plone import api
import time
import uuid
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
        self.last_error = ""
        self.result = {}
        self.history = PersistentList([(self.created, PENDING, "")])

    def note(self, state, text=""):
        """Move to ``state`` and keep the step in the history."""
        self.state = state
        self.history.append((time.time(), state, text))


class Outbox(Persistent):
    """The site's entries.

    Ids are random, so entries written by parallel submissions land in different
    BTree buckets instead of all at the end; each entry is its own persistent
    object, so the worker's updates touch the entry and the small ``due`` index only.
    """

    def __init__(self):
        self.entries = OOBTree()  # id -> OutboxEntry
        self.keys = OOBTree()  # idempotency key -> id
        self.due = OOBTree()  # id -> next_try (epoch seconds), entries still to send
        # Never deleted: the worker's deletions cannot empty the tree, which the BTree's
        # conflict resolution refuses to merge with a request's insert.
        self.due[KEEP] = float("inf")
        self.by_application = OOBTree()  # application UID -> OOTreeSet of ids

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
        existing = self.keys.get(idempotency_key)
        if existing is not None:
            return existing
        entry_id = uuid.uuid4().hex
        entry = OutboxEntry(entry_id, application_uid, kind, event, destination, idempotency_key)
        entry.reference = reference or ""
        entry.details = dict(details or {})
        entry.portal_url = portal_url or ""
        self.entries[entry_id] = entry
        self.keys[idempotency_key] = entry_id
        self.due[entry_id] = entry.next_try
        if application_uid:
            ids = self.by_application.get(application_uid)
            if ids is None:
                ids = self.by_application[application_uid] = OOTreeSet()
            ids.insert(entry_id)
        return entry_id

    def get(self, entry_id):
        return self.entries.get(entry_id)

    def due_ids(self, now=None, limit=None):
        """Ids of entries whose time has come, the longest waiting first."""
        now = time.time() if now is None else now
        ready = sorted(
            (when, entry_id) for entry_id, when in self.due.items() if when <= now and entry_id
        )
        ids = [entry_id for when, entry_id in ready]
        return ids[:limit] if limit else ids

    def schedule(self, entry, when):
        entry.next_try = when
        if self.due.get(entry.id) != when:
            self.due[entry.id] = when

    def done(self, entry):
        entry.next_try = None
        if entry.id in self.due:
            del self.due[entry.id]

    def send_again(self, entry, text=""):
        """Due now with a fresh count of tries ("erneut senden")."""
        entry.tries = 0
        entry.last_error = ""
        entry.note(PENDING, text)
        self.schedule(entry, time.time())

    def remove_application(self, application_uid):
        """Forget every entry about the application (retention); returns how many."""
        ids = self.by_application.get(application_uid)
        if ids is None:
            return 0
        count = 0
        for entry_id in list(ids):
            entry = self.entries.get(entry_id)
            if entry is not None:
                if self.keys.get(entry.idempotency_key) == entry_id:
                    del self.keys[entry.idempotency_key]
                del self.entries[entry_id]
                count += 1
            if entry_id in self.due:
                del self.due[entry_id]
        del self.by_application[application_uid]
        return count

    def for_application(self, application_uid):
        ids = self.by_application.get(application_uid) or ()
        return [self.entries[entry_id] for entry_id in ids if entry_id in self.entries]


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
