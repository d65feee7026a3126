"""A new application is catalogued right after its submission has committed, in a short transaction of its own, one per process at a time.

The conflict map (docs/benchmarks.md) showed why: a submission inserted its
application into about twenty of the catalog's BTrees (indexes, ``uids``, ``paths``,
metadata), and a BTree marks every inner node on an insert's way as read, so a bucket
splitting anywhere in one of them ended every concurrent submission that had inserted
into that tree: with 20 citizens submitting, most submissions were run again by Zope,
some several times, and some given up.

Now the catalog queue's work at the commit (``QueueTM.before_commit``) leaves out
applications that are new in the transaction: they are recorded in the pending index
instead (``pending_index``, sharded, merged by the ZODB), and once the request has
committed, they are catalogued in a transaction of their own before the answer goes
out (so the citizen's next page, the Postkorb, already lists it): in a request, by the
request's own connection in a new transaction once the publisher has committed
(``index_in_request``, left for the request's end: ``request_end``); elsewhere (jobs,
scripts) by an after-commit hook on a connection of its own. The threads of one
process take turns, and the one whose turn it is catalogues every application waiting
in the process at once: in one process the catalog has one writer, and between
instances they meet only within these few milliseconds, which are tried again
(``ATTEMPTS``). A search in the same
transaction before the commit still catalogues the application at once (the catalog
queue is flushed before every search), as before.

What the price is: for a few milliseconds after the commit, other users' lists (a
clerk's worklist) do not show the new application yet; if the process dies in between,
or every attempt conflicts, the outbox worker catalogues what the pending index still
holds (``index_pending``, after ``SWEEP_AFTER`` seconds). Nothing becomes visible
that should not: an application missing from the catalog is missing from lists only,
and everything later done to an application already stored (workflow, roles) is
catalogued in its own transaction as before.
"""

from herne.portal.conflicts.own_transaction import in_next_site_transaction
from herne.portal.conflicts.own_transaction import in_own_site_transaction
from herne.portal.conflicts.own_transaction import stored_in_database
from herne.portal.conflicts.pending_index import get_pending_index
from herne.portal.conflicts.pending_index import token_key
from herne.portal.conflicts.request_end import at_request_end
import logging
from plone.uuid.interfaces import IUUID
from Products.CMFCore.utils import getToolByName
import threading
import time


logger = logging.getLogger("herne.portal.conflicts")

#: Attempts of the cataloguing transaction before the worker is left to do it.
ATTEMPTS = 10
#: Seconds a record may wait before the worker catalogues it.
SWEEP_AFTER = 30

_state = threading.local()
#: (database, portal path) -> [(uid, path)] of this process, waiting for their turn
_waiting = {}
_waiting_lock = threading.Lock()
#: held while one thread of the process catalogues
_turn = threading.Lock()


def before_commit(self):
    """``QueueTM.before_commit``: the catalog queue's work at the commit, new applications left for after it."""
    _state.committing = True
    try:
        return self._old_before_commit()
    finally:
        _state.committing = False


def deferred(catalog, application):
    """Whether cataloguing ``application`` now is left for after the commit (and recorded for it)."""
    if not getattr(_state, "committing", False) or stored_in_database(application):
        return False
    portal = getToolByName(catalog, "portal_url").getPortalObject()
    pending = get_pending_index(portal)
    uid = IUUID(application, None)
    if pending is None or not uid or not stored_in_database(portal):
        return False
    path = "/".join(application.getPhysicalPath())
    token = getattr(application, "submission_token", None)
    keys = (
        token_key(getattr(application, "applicant", None), token),
        token_key(getattr(application, "entered_by", None), token),
    )
    pending.add(uid, path, keys)
    current = portal._p_jar.transaction_manager.get()
    batch = getattr(current, "_herne_index_after_commit", None)
    if batch is None:
        batch = current._herne_index_after_commit = []
        current.addAfterCommitHook(
            _after_commit, args=(portal._p_jar, "/".join(portal.getPhysicalPath()), batch)
        )
    batch.append((uid, path))
    return True


def _after_commit(committed, caller, portal_path, batch):
    if not committed or not batch:
        return
    db = caller.db()
    with _waiting_lock:
        _waiting.setdefault((db, portal_path), []).extend(batch)
    # In a request, its own connection catalogues them once the publisher is done with its
    # transaction: it holds what the request wrote (``index_in_request``).
    if at_request_end(
        caller.transaction_manager, lambda: index_in_request(caller, portal_path), first=True
    ):
        return
    try:
        _in_turn(db, portal_path, lambda items: index_now(db, portal_path, items))
    except Exception:
        # The records stay: the worker catalogues them (index_pending).
        logger.exception("%d new applications not catalogued after the commit", len(batch))
    # The caller's connection took its snapshot before this; let it see the catalog.
    if caller.opened:
        caller.newTransaction(None, False)


def _in_turn(db, portal_path, index):
    """``index(items)`` with every application of the process waiting for the site, in this thread's turn."""
    with _turn:
        with _waiting_lock:
            items = _waiting.pop((db, portal_path), [])
        if items:
            index(items)


def index_in_request(connection, portal_path):
    """At the end of a request (``request_end``): catalogue what waits, in a new transaction of the request's ``connection``.

    Before the answer goes out, as the after-commit hook did, but without a second
    connection that would load the new application again, and without the request's
    connection loading the catalog's changed buckets again on its next request. Never
    raises: the request has committed, and a conflict here must not make Zope run it
    again (the pending index keeps what is not catalogued, for the worker's sweep).
    """
    try:
        _in_turn(
            connection.db(),
            portal_path,
            lambda items: in_next_site_transaction(
                connection,
                portal_path,
                lambda portal: _catalogue(portal, items),
                ATTEMPTS,
                "index-after-commit",
            ),
        )
    except Exception:
        logger.exception("new applications not catalogued at the end of the request")


def _catalogue(portal, items):
    """Catalogue the applications ``items`` ((uid, path)) of ``portal`` still waiting in the pending index."""
    catalog = getToolByName(portal, "portal_catalog")
    pending = get_pending_index(portal)
    for uid, path in items:
        if pending.path(uid) is None:
            continue  # catalogued meanwhile (the worker, or another thread's turn)
        application = portal.unrestrictedTraverse(path, None)
        if application is not None and IUUID(application, None) == uid:
            catalog.catalog_object(application, path)
        pending.remove(uid)


def index_now(db, portal_path, items):
    """Catalogue the applications ``items`` ((uid, path)) of the site at ``portal_path`` in a transaction of their own."""
    in_own_site_transaction(
        db, portal_path, lambda portal: _catalogue(portal, items), ATTEMPTS, "index-after-commit"
    )


def index_pending(portal, older_than=SWEEP_AFTER):
    """Catalogue the applications the pending index has held longer than ``older_than`` seconds; how many.

    Runs in its own transaction, taking its turn with the process's requests.
    """
    pending = get_pending_index(portal)
    if pending is None:
        return 0
    items = pending.older_than(older_than)
    if items:
        with _turn:
            index_now(portal._p_jar.db(), "/".join(portal.getPhysicalPath()), items)
    return len(items)


def catalogued_now(portal, uid):
    """Catalogue the application ``uid`` now if it still waits (the outbox worker, before sending about it); whether it did.

    The worker wakes at the commit and may come to an entry before the request's own
    hook has catalogued its application: senders (and what they render) find it in the
    catalog like everything else. The caller's snapshot is older than this: it must
    begin a new transaction to see it.
    """
    pending = get_pending_index(portal)
    path = pending.path(uid) if pending is not None and uid else None
    if path is None:
        return False
    with _turn:
        index_now(portal._p_jar.db(), "/".join(portal.getPhysicalPath()), [(uid, path)])
    return True


_last_sweep = {"time": 0.0}


def sweep_now_and_then(portal, every=SWEEP_AFTER, begin=None):
    """``index_pending`` at most once in ``every`` seconds per process (the outbox worker's rounds).

    ``begin`` is called once a sweep is due, before it reads anything: a caller whose
    connection is between two transactions begins one only when there is something to read.
    """
    now = time.monotonic()
    if now - _last_sweep["time"] < every:
        return 0
    _last_sweep["time"] = now
    if begin is not None:
        begin()
    try:
        return index_pending(portal)
    except Exception:
        logger.exception("pending applications not catalogued")
        return 0
