"""The outbox worker: claims due entries in short transactions, sends after the claim's commit, records the result.

Steps of one entry, each its own transaction:

1. claim: ``pending``/``failed`` becomes ``sending``, tries + 1, and the claim
   names the process that made it (its start id, ``heartbeat.process_id()``);
2. send: the sender named by the entry's kind delivers it, with the entry's
   idempotency key for the receiver to recognise a repeat;
3. record: ``delivered``, ``failed`` with the next try after a growing pause, or
   ``dead`` after the last allowed try or a permanent error; the claim ends.

Every worker process keeps a heartbeat (``heartbeat.py``): one record per
process in the outbox, refreshed every ``BEAT_EVERY`` seconds by a thread of its
own in a short transaction that writes only that record, so beats conflict with
nothing. A kill between 1 and 3 leaves the entry ``sending``, claimed by a process
that no longer beats: once its last beat is older than ``STALE_AFTER`` seconds
the entry is due at once, and the next round of any live process claims it again
("erneut nach Abbruch") and sends it once more with the same key (at-least-once,
receivers dedupe). After a restart that is within ``STALE_AFTER`` of the kill.
A claim of a process that still beats is left alone, however long it takes: in a
cluster that instance may be sending right now. Only after the sending timeout
(setting ``sending_timeout``, 120 s) is a claim taken over whoever holds it, as a
last resort (a send hung in a live process). A kill before 1 leaves the entry
``pending``: nothing is lost. Heartbeats compare wall clocks: the instances of a
cluster must keep their clocks in sync (NTP) to well under ``STALE_AFTER``.

The worker runs as a thread in every Zope process, started by the WSGI filter
``outbox_worker`` in ``etc/zope.ini.in`` and ``etc/cluster-zope.ini.in`` (the
FileStorage of ``make start`` admits one process only); in a cluster the claims'
write conflicts decide which instance sends an entry.

One round claims up to ``BATCH`` due entries in one transaction and hands them to
``SENDERS`` sender threads of the worker (filter option ``senders``), each with a
connection of its own: sends wait on the network, so several go at once. Each entry
is claimed once and taken from the round's queue by exactly one sender thread, which
records its result right after its send, in a transaction of its own (a kill then
repeats at most the sends in flight, not the whole batch). The next round starts
when every entry of the batch is recorded.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.SpecialUsers import system
from herne.portal import _
from herne.portal.applications.lookup import application_by_uid
from herne.portal.conflicts.index_after_commit import catalogued_now
from herne.portal.conflicts.index_after_commit import sweep_now_and_then
from herne.portal.conflicts.own_transaction import end_transaction
from herne.portal.conflicts.own_transaction import open_own_connection
from herne.portal.conflicts.request_end import at_request_end
from herne.portal.i18n import in_german
from herne.portal.outbox import heartbeat
from herne.portal.outbox.interfaces import IOutboxSender
from herne.portal.outbox.interfaces import PermanentDeliveryError
from herne.portal.outbox.interfaces import TemporaryDeliveryError
from herne.portal.outbox.settings import outbox_setting
from herne.portal.outbox.settings import pause_after
from herne.portal.outbox.storage import DEAD
from herne.portal.outbox.storage import DELIVERED
from herne.portal.outbox.storage import FAILED
from herne.portal.outbox.storage import SENDING
from herne.portal.outbox.storage import get_outbox
import logging
import os
from plone.base.interfaces import IPloneSiteRoot
import queue
from Testing.makerequest import makerequest
import threading
import time
import transaction
from urllib.parse import urlsplit
from ZODB.POSException import ConflictError
from zope.component import queryUtility
from zope.component.hooks import getSite
from zope.component.hooks import setSite
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest


logger = logging.getLogger("herne.portal.outbox")

#: set after a commit that wrote entries: the worker threads of this process look at once
wake_up = threading.Event()
#: entries claimed in one transaction
BATCH = 20
#: sender threads of a worker: entries of one batch sent at the same time
SENDERS = 4
#: seconds between rounds when nothing wakes the worker
INTERVAL = 5
NO_SENDER = _("Kein Sender für die Art „${kind}“.")
SENDER_BROKE = _("Fehler im Sender: ${error}")
#: a hook for drills and measurements: called with the step's name and the entry id: "claiming"
#: (a claim begins; no id), "claimed" (claim committed), "sending" (about to send), "sent" (the
#: sender returned, the result not recorded), "recorded", and "finished" (the sender thread is
#: done with the entry, whatever happened)
step_hook = None


def _step(name, entry_id):
    if step_hook is not None:
        step_hook(name, entry_id)


class _Session:
    """A connection of its own (own explicit transaction manager), the site set, acting as the system user.

    The storage is asked what changed only when a transaction begins (``own_manager``):
    once when the session opens, in a transaction that the first ``begin`` goes on with,
    then at each further ``begin``.
    """

    def __init__(self, db):
        self.db = db

    def __enter__(self):
        self.manager, self.connection = open_own_connection(self.db)
        self._unused = True
        self.app = makerequest(self.connection.root()["Application"])
        self.old_site = getSite()
        # A request of its own: per-request caches (the registry's) last one round only.
        self.old_request = getRequest()
        setRequest(self.app.REQUEST)
        newSecurityManager(None, system)
        return self

    def begin(self, site=None):
        """A transaction that sees what is committed now (the one the session opened with, if nothing began since); then ``site`` set, if given.

        The site is set inside the transaction: setting it reads the site's components,
        and outside a transaction the connection would read them on a snapshot of its own.
        """
        if self._unused:
            self._unused = False
        else:
            end_transaction(self.manager)
            self.manager.begin()
        if site is not None:
            setSite(site)

    def end(self):
        """Abort the running transaction, if any: the session's work goes on in other connections."""
        end_transaction(self.manager)

    def sites(self):
        return [site for site in self.app.objectValues() if IPloneSiteRoot.providedBy(site)]

    def __exit__(self, *exc):
        self.end()
        noSecurityManager()
        setSite(self.old_site)
        setRequest(self.old_request)
        self.connection.close()


def point_request_at(request, portal, base):
    """Make ``absolute_url`` answer as in the request that wrote the entry (its host and virtual path)."""
    if not base:
        return
    parts = urlsplit(base)
    default_port = 443 if parts.scheme == "https" else 80
    request.setServerURL(parts.scheme, parts.hostname, parts.port or default_port)
    request.other.setdefault("PARENTS", [portal.aq_parent])
    request.setVirtualRoot([segment for segment in parts.path.split("/") if segment])
    request.other["VirtualRootPhysicalPath"] = portal.getPhysicalPath()


#: database -> time of this process's last heartbeat there
_beats = {}
_beat_lock = threading.Lock()


def keep_alive(session, force=False):
    """This process's heartbeat in every site's outbox, in a short transaction of its own.

    At most every ``heartbeat.BEAT_EVERY`` seconds (unless ``force``); True if written.
    Each process writes only its own record, so beats of different processes never
    conflict with each other or with the claims.
    """
    with _beat_lock:
        now = time.time()
        if not force and now - _beats.get(id(session.db), 0.0) < heartbeat.BEAT_EVERY:
            return False
        session.begin()
        process = heartbeat.process_id()
        for portal in session.sites():
            setSite(portal)
            outbox = get_outbox(portal, create=False)
            if outbox is None:
                continue
            outbox.add_worker_trees()
            heartbeat.beat(outbox, process, now)
            heartbeat.forget_dead(outbox, now)
        try:
            session.manager.commit()
        except ConflictError:
            session.manager.abort()
            return False
        _beats[id(session.db)] = now
        return True


def claim(session, portal, now, limit=BATCH, process=None):
    """Mark up to ``limit`` due entries ``sending`` for ``process`` and commit; the ids claimed ([] after a conflict).

    Due are entries whose time has come and ``sending`` entries whose claiming
    process has no fresh heartbeat (killed): those at once, whatever their time.
    """
    _step("claiming", "")
    session.begin(portal)
    outbox = get_outbox(portal, create=False)
    if outbox is None:
        return []
    process = process or heartbeat.process_id()
    outbox.add_worker_trees()
    if process not in outbox.workers:
        # Claims name a process the others can see alive, from the first claim on.
        heartbeat.beat(outbox, process, time.time())
    timeout = outbox_setting("sending_timeout")
    orphaned = outbox.orphaned_ids(
        now, lambda other, when: other == process or heartbeat.is_alive(outbox, other, when)
    )
    candidates = list(dict.fromkeys(orphaned + outbox.due_ids(now, limit)))[:limit]
    claimed = []
    for entry_id in candidates:
        entry = outbox.get(entry_id)
        if entry is None or entry.state in (DELIVERED, DEAD):
            if entry is not None:
                outbox.done(entry)
            elif entry_id in outbox.due:
                del outbox.due[entry_id]
            outbox.release(entry_id)
            continue
        text = ""
        if entry.state == SENDING:
            text = "erneut nach Abbruch"
            logger.info(
                "Outbox entry %s: claimed by process %s %s, sent again",
                entry_id,
                entry.claimed_by,
                "which is gone" if entry_id in orphaned else "longer than the sending timeout",
            )
        entry.tries += 1
        entry.claimed = now
        entry.note(SENDING, text)
        outbox.hold(entry, process)
        outbox.schedule(entry, now + timeout)
        claimed.append(entry_id)
    try:
        session.manager.commit()
    except ConflictError:
        session.manager.abort()
        return []
    for entry_id in claimed:
        _step("claimed", entry_id)
    return claimed


def _record(entry, outbox, outcome, text, result, now):
    outbox.release(entry)
    if outcome == DELIVERED:
        entry.last_error = ""
        entry.result = dict(result or {})
        entry.note(DELIVERED)
        outbox.done(entry)
    elif outcome == FAILED and entry.tries < outbox_setting("max_tries"):
        entry.last_error = text
        entry.note(FAILED, text)
        outbox.schedule(entry, now + pause_after(entry.tries))
    else:
        entry.last_error = text
        entry.note(DEAD, text)
        outbox.done(entry)
        logger.error("Outbox entry %s (%s %s) dead: %s", entry.id, entry.kind, entry.event, text)


def deliver(session, portal, entry_id, process=None):
    """Send one entry ``process`` claimed and record the outcome; returns the state it ends in."""
    session.begin(portal)
    outbox = get_outbox(portal, create=False)
    entry = outbox.get(entry_id)
    if entry is not None and catalogued_now(portal, entry.application_uid):
        # committed a moment ago and catalogued only now: a snapshot that sees it
        session.begin()
        outbox = get_outbox(portal, create=False)
        entry = outbox.get(entry_id)
    if entry is None or entry.state != SENDING:
        return None  # removed by retention meanwhile, or recorded by another process
    if entry.claimed_by not in (None, process or heartbeat.process_id()):
        return None  # taken over meanwhile (this process looked dead): the other one sends it
    sender = queryUtility(IOutboxSender, name=entry.kind)
    result = None
    _step("sending", entry_id)
    if sender is None:
        outcome, text = DEAD, in_german(_(NO_SENDER, mapping={"kind": entry.kind}))
    else:
        point_request_at(session.app.REQUEST, portal, entry.portal_url)
        application = (
            # Also one committed a moment ago, not yet catalogued (index_after_commit).
            application_by_uid(entry.application_uid) if entry.application_uid else None
        )
        try:
            result = sender.send(entry, application)
            outcome, text = DELIVERED, ""
        except TemporaryDeliveryError as error:
            outcome, text = FAILED, str(error) or type(error).__name__
        except PermanentDeliveryError as error:
            outcome, text = DEAD, str(error) or type(error).__name__
        except ConflictError:
            raise
        except Exception as error:  # a sender's bug: keep the entry and tell the administrator
            logger.exception("Outbox entry %s: the %s sender failed", entry_id, entry.kind)
            detail = f"{type(error).__name__}: {error}"
            outcome, text = FAILED, in_german(_(SENDER_BROKE, mapping={"error": detail}))
    _step("sent", entry_id)
    now = time.time()
    for _attempt in range(5):
        entry = outbox.get(entry_id)
        if entry is None:
            session.end()
            return None
        _record(entry, outbox, outcome, text, result, now)
        try:
            session.manager.commit()
            break
        except ConflictError:
            # Only the record is done again; what the sender changed is given up.
            session.begin()
            outbox = get_outbox(portal, create=False)
    else:
        logger.error(
            "Outbox entry %s: result not recorded after conflicts, sent again later", entry_id
        )
        return SENDING
    _step("recorded", entry_id)
    return outcome


def _deliver_and_finish(session, portal, entry_id, process):
    try:
        return deliver(session, portal, entry_id, process)
    finally:
        _step("finished", entry_id)


def _site(session, portal_id):
    return next(site for site in session.sites() if site.getId() == portal_id)


def send_concurrently(db, portal_id, entry_ids, senders, process, waiting=None):
    """Send the claimed ``entry_ids`` with ``senders`` threads, each on a connection of its own.

    Every id is taken from one queue by exactly one thread, which sends it and records
    its result (``deliver``); returns {entry id: the state it ended in}. ``waiting`` is
    called about every second while the threads work (the caller's heartbeat). An
    error in one send is logged and leaves that entry ``sending`` (taken over after the
    sending timeout, as before); the other entries go on.
    """
    ids = queue.SimpleQueue()
    for entry_id in entry_ids:
        ids.put(entry_id)
    outcomes = {}

    def work():
        try:
            with _Session(db) as session:
                portal = _site(session, portal_id)
                while True:
                    try:
                        entry_id = ids.get_nowait()
                    except queue.Empty:
                        return
                    try:
                        outcomes[entry_id] = _deliver_and_finish(session, portal, entry_id, process)
                    except Exception:
                        logger.exception("Outbox entry %s: sending failed", entry_id)
                        outcomes[entry_id] = SENDING
        except Exception:
            logger.exception("Outbox sender thread failed")

    threads = [
        threading.Thread(target=work, name=f"herne-outbox-sender-{number}", daemon=True)
        for number in range(min(senders, len(entry_ids)))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        while thread.is_alive():
            thread.join(1.0)
            if waiting is not None and thread.is_alive():
                waiting()
    return outcomes


def run_round(db, now=None, limit=BATCH, senders=1):
    """One round over every Plone site of the database; returns how many entries were handled.

    ``senders`` > 1 sends the claimed batch with that many threads at once (the worker);
    1 sends one entry after the other in the calling thread.
    """
    handled = 0
    process = heartbeat.process_id()
    with _Session(db) as session:
        portals = [(site, site.getId()) for site in session.sites()]  # in the opening transaction
        keep_alive(session)
        for portal, portal_id in portals:
            sweep_now_and_then(portal, begin=lambda portal=portal: session.begin(portal))
            claimed = claim(session, portal, time.time() if now is None else now, limit)
            if senders > 1 and len(claimed) > 1:
                # The round's own transaction ends here: the senders commit on their own.
                session.end()
                send_concurrently(
                    db,
                    portal_id,
                    claimed,
                    senders,
                    process,
                    waiting=lambda session=session: keep_alive(session),
                )
            else:
                for entry_id in claimed:
                    # A batch of slow sends must not make this process look dead.
                    keep_alive(session)
                    _deliver_and_finish(session, portal, entry_id, process)
            handled += len(claimed)
    return handled


def drain(db, rounds=50):
    """Rounds until nothing is due now; returns the entries handled (tests and scripts)."""
    total = 0
    for _round in range(rounds):
        handled = run_round(db)
        total += handled
        if not handled:
            break
    return total


def drain_outbox(portal=None):
    """Commit the caller's transaction, send what is due now, and start a fresh transaction to see the results."""
    from plone import api

    portal = portal if portal is not None else api.portal.get()
    db = portal._p_jar.db()
    transaction.commit()
    handled = drain(db)
    transaction.begin()
    return handled


def wake_after_commit(manager=None):
    """Have the worker threads look once the current transaction (of ``manager``) has committed."""
    manager = manager or transaction.manager
    current = manager.get()
    if getattr(current, "_herne_outbox_wake", False):
        return
    current._herne_outbox_wake = True
    current.addAfterCommitHook(lambda ok: ok and _wake_once_published(manager))


def _wake_once_published(manager):
    """Wake the worker; in a request, once its new applications are catalogued (``request_end``).

    Woken at the commit, the worker came to the entries before the request had
    catalogued their application and catalogued it itself, on a connection of its own.
    """
    if not at_request_end(manager, wake_up.set):
        wake_up.set()


class Heartbeat(threading.Thread):
    """Beats for the process every ``heartbeat.BEAT_EVERY`` seconds, also while a send hangs."""

    def __init__(self, db, stopping):
        super().__init__(name="herne-outbox-heartbeat", daemon=True)
        self.db = db
        self.stopping = stopping

    def run(self):
        while not self.stopping.is_set():
            try:
                with _Session(self.db) as session:
                    keep_alive(session)
            except Exception:
                logger.exception("Outbox heartbeat failed")
            self.stopping.wait(heartbeat.BEAT_EVERY)


class OutboxWorker(threading.Thread):
    """Runs rounds until stopped; wakes after commits that wrote entries, else every ``interval`` seconds."""

    def __init__(self, db, interval=INTERVAL, senders=SENDERS):
        super().__init__(name="herne-outbox", daemon=True)
        self.db = db
        self.interval = interval
        self.senders = senders
        self.stopping = threading.Event()
        self.heartbeat = Heartbeat(db, self.stopping)

    def run(self):
        logger.info("Outbox worker started (process %s)", heartbeat.process_id())
        self.heartbeat.start()
        while not self.stopping.is_set():
            try:
                handled = run_round(self.db, senders=self.senders)
            except Exception:
                logger.exception("Outbox round failed")
                handled = 0
            # A batch less than full claimed everything due: another round at once would
            # only find what was committed meanwhile, and each such commit wakes it.
            if handled < BATCH:
                wake_up.wait(self.interval)
                wake_up.clear()

    def stop(self, timeout=10):
        self.stopping.set()
        wake_up.set()
        self.join(timeout)
        if self.heartbeat.is_alive():
            self.heartbeat.join(timeout)


_worker = None


def filter_factory(global_conf, interval=str(INTERVAL), senders=str(SENDERS)):
    """PasteDeploy filter ``outbox_worker``: starts the worker thread on Zope's database; passes requests on.

    ``senders``: entries sent at the same time (threads). ``HERNE_OUTBOX_WORKER=off``
    keeps it from starting (a process that must not send).
    """

    def start(app):
        global _worker
        if os.environ.get("HERNE_OUTBOX_WORKER", "on").lower() != "off" and _worker is None:
            import Zope2

            _worker = OutboxWorker(Zope2.DB, float(interval), max(1, int(senders)))
            _worker.start()
        return app

    return start
