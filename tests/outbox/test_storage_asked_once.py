"""The worker's and the short transactions' own connections ask the storage what changed once per transaction, and still see every commit."""

from herne.portal.conflicts import index_after_commit
from herne.portal.conflicts.own_transaction import in_own_transaction
from herne.portal.outbox import worker
from herne.portal.outbox.storage import enqueue
from herne.portal.outbox.storage import get_outbox
from herne.portal.outbox.worker import _Session
from herne.portal.outbox.worker import claim
from herne.portal.outbox.worker import drain_outbox
from herne.portal.outbox.worker import run_round
import pytest
from tests.fixtures.applications import build_application
import threading
import time
import transaction
from ZODB.Connection import Connection
from zope.component.hooks import setSite


@pytest.fixture()
def askings(monkeypatch):
    """Every time a connection asks its storage what changed (on RelStorage: a poll of PostgreSQL), by thread."""
    asked = []
    lock = threading.Lock()
    ask = Connection.newTransaction

    def counting(connection, txn, sync=True):
        with lock:
            asked.append(threading.current_thread().name)
        return ask(connection, txn, sync)

    monkeypatch.setattr(Connection, "newTransaction", counting)
    return asked


def test_a_short_transaction_of_its_own_asks_once(demo_portal, askings):
    db = demo_portal._p_jar.db()
    transaction.commit()
    del askings[:]
    in_own_transaction(db, lambda connection: connection.root()["Application"], 1, "test")
    # with ZODB's implicit manager: at opening, at begin, after the commit and at the last abort
    assert len(askings) == 1


def test_a_round_asks_once_for_its_claim_and_once_per_sent_entry(
    scripted_sender, demo_portal, askings, monkeypatch
):
    sender = scripted_sender()
    application = build_application(demo_portal)
    drain_outbox()  # what the application itself left for the worker
    entry_ids = [enqueue(application, "test-kind", f"event-{n}", "endpoint-1") for n in (1, 2)]
    transaction.commit()
    db = demo_portal._p_jar.db()
    # neither the heartbeat nor the catalog's sweep is due in this round
    monkeypatch.setitem(worker._beats, id(db), time.time())
    monkeypatch.setitem(index_after_commit._last_sweep, "time", time.monotonic())
    del askings[:]

    assert run_round(db, senders=2) == 2

    # the claim, then each sender thread's delivery (each in its own connection)
    assert askings.count("MainThread") == 1
    assert len([name for name in askings if name.startswith("herne-outbox-sender")]) == 2
    assert len(askings) == 3
    transaction.begin()
    entries = [get_outbox().get(entry_id) for entry_id in entry_ids]
    assert [entry.state for entry in entries] == ["delivered", "delivered"]
    assert sorted(key for key, _number in sender.calls) == sorted(
        entry.idempotency_key for entry in entries
    )


def test_a_session_sees_what_was_committed_after_it_opened(scripted_sender, demo_portal):
    scripted_sender()
    application = build_application(demo_portal)
    drain_outbox()  # what the application itself left for the worker
    db = demo_portal._p_jar.db()
    with _Session(db) as session:
        portal = session.sites()[0]
        assert claim(session, portal, time.time()) == []

        # committed by another connection while the session is open
        setSite(demo_portal)
        entry_id = enqueue(application, "test-kind", "later", "endpoint-1")
        transaction.commit()

        assert claim(session, portal, time.time()) == [entry_id]
    transaction.begin()
