"""A short transaction of its own, on a connection of its own, committed at once and tried again after a write conflict.

What must not wait for the request's commit (a reference number, a payment the
payment service has opened) or must not make the request conflict (the words ahead
of the reference numbers) is written this way: two writers then meet only inside a
few milliseconds, instead of over a whole request Zope would have to run again.
``in_next_site_transaction`` runs such a transaction on a request's own connection
once the request's transaction has committed (``index_after_commit``).
"""

import contextlib
from herne.portal.conflicts.counter import record
import random
from Testing.makerequest import makerequest
import time
import transaction
from transaction.interfaces import NoTransaction
from ZODB.POSException import ConflictError
from ZODB.utils import z64
from zope.component.hooks import getSite
from zope.component.hooks import setSite
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest


def stored_in_database(obj):
    """Whether ``obj`` is committed (not only added in the running transaction): only then can another connection see it."""
    if getattr(obj, "_p_jar", None) is None or obj._p_oid is None:
        return False
    obj._p_activate()  # a ghost's serial is unknown until its state is loaded
    return obj._p_serial != z64


def own_manager():
    """A transaction manager for a connection of its own: explicit, so that only ``begin`` asks the storage what changed.

    With an implicit manager (ZODB's default) the connection also asks when it is opened
    and after every commit and abort, though a connection of its own is begun again or
    closed right after. On RelStorage each asking is a poll of PostgreSQL (three
    statements and a snapshot). Work on such a connection runs between ``begin`` and
    ``commit``/``abort``: outside a transaction an explicit manager refuses changes.
    """
    return transaction.TransactionManager(explicit=True)


def open_own_connection(db):
    """A connection of its own to ``db`` and its ``own_manager``, a transaction begun: (manager, connection)."""
    manager = own_manager()
    manager.begin()
    return manager, db.open(transaction_manager=manager)


def end_transaction(manager):
    """Abort ``manager``'s transaction if one runs (an explicit manager's ``abort`` raises without one)."""
    with contextlib.suppress(NoTransaction):
        manager.abort()


def go_on_after_commit(manager):
    """After ``manager`` committed or aborted in the middle of some work: a new transaction if it is explicit.

    An implicit manager begins one at the next change by itself.
    """
    if manager.explicit:
        manager.begin()


class GaveUp(ConflictError):
    """Every attempt of the short transaction ended in a write conflict."""


def retried(manager, work, attempts, path):
    """``work()`` in a transaction of ``manager``, begun and committed; its result.

    A write conflict aborts and tries again after a short random pause that grows, at
    most ``attempts`` times; then the last conflict is raised (as ``GaveUp``). Any other
    error aborts too. ``path`` names the place in the conflict statistics.
    """
    for attempt in range(1, attempts + 1):
        manager.begin()
        try:
            result = work()
            manager.commit()
            return result
        except ConflictError as error:
            manager.abort()
            record(error, retried=attempt < attempts, path=path)
            if attempt == attempts:
                raise GaveUp(str(error)) from error
            time.sleep(random.uniform(0, 0.01 * attempt))
        except BaseException:
            manager.abort()
            raise


def in_own_transaction(db, work, attempts, path):
    """``work(connection)`` in a transaction of its own on a connection of its own to ``db`` (``retried``); its result."""
    manager = own_manager()
    connection = db.open(transaction_manager=manager)  # asks what changed at ``begin`` only
    try:
        return retried(manager, lambda: work(connection), attempts, path)
    finally:
        end_transaction(manager)
        connection.close()


def on_site(connection, portal_path, work):
    """``work(portal)`` with the site at ``portal_path`` of ``connection`` and a request of its own set; its result.

    The request is its own so that what is memoized on a request during ``work``
    (indexers, views) does not outlive this transaction in the caller's request.
    """
    app = makerequest(connection.root()["Application"])
    portal = app.unrestrictedTraverse(portal_path)
    old_site, old_request = getSite(), getRequest()
    setSite(portal)
    setRequest(app.REQUEST)
    try:
        return work(portal)
    finally:
        setSite(old_site)
        setRequest(old_request)


def in_own_site_transaction(db, portal_path, work, attempts, path):
    """``work(portal)`` in a transaction of its own (``in_own_transaction``) on the site at ``portal_path`` (``on_site``); its result."""
    return in_own_transaction(
        db, lambda connection: on_site(connection, portal_path, work), attempts, path
    )


def in_next_site_transaction(connection, portal_path, work, attempts, path):
    """``work(portal)`` in a new transaction of ``connection``'s own manager, its last one ended (``retried``, ``on_site``); its result.

    For a request whose transaction has committed: its connection already holds what
    that transaction wrote, so nothing has to be loaded again on a second connection.
    """
    return retried(
        connection.transaction_manager,
        lambda: on_site(connection, portal_path, work),
        attempts,
        path,
    )
