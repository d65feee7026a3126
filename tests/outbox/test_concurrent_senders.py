"""The worker's sender threads: a claimed batch sent at the same time, each entry once, each with its own result."""

from herne.portal.outbox.interfaces import IOutboxSender
from herne.portal.outbox.interfaces import PermanentDeliveryError
from herne.portal.outbox.interfaces import TemporaryDeliveryError
from herne.portal.outbox.storage import enqueue
from herne.portal.outbox.storage import get_outbox
from herne.portal.outbox.worker import run_round
import pytest
from tests.fixtures.applications import build_application
import threading
import time
import transaction
from zope.component import getGlobalSiteManager
from zope.interface import implementer


KIND = "concurrent-test-kind"


@implementer(IOutboxSender)
class SlowSender:
    """Takes a while per send (as a remote server does); fails for the destinations it is told."""

    def __init__(self, failures):
        self.failures = failures  # destination -> error to raise
        self.lock = threading.Lock()
        self.calls = []  # idempotency keys, one per send
        self.threads = set()
        self.in_flight = 0
        self.most_in_flight = 0

    def send(self, entry, application):
        with self.lock:
            self.calls.append(entry.idempotency_key)
            self.threads.add(threading.get_ident())
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            time.sleep(0.05)
            error = self.failures.get(entry.destination)
            if error is not None:
                raise error
            return {
                "receiver_id": f"R-{entry.destination}",
                "reference": application.reference_number,
            }
        finally:
            with self.lock:
                self.in_flight -= 1


@pytest.fixture()
def slow_sender():
    registry = getGlobalSiteManager()
    made = []

    def register(failures=None):
        sender = SlowSender(failures or {})
        registry.registerUtility(sender, IOutboxSender, name=KIND)
        made.append(sender)
        return sender

    yield register
    for sender in made:
        registry.unregisterUtility(sender, IOutboxSender, name=KIND)


def _entries(demo_portal, count):
    application = build_application(demo_portal)
    ids = [enqueue(application, KIND, "submitted", f"endpoint-{number}") for number in range(count)]
    transaction.commit()
    return application, ids


def test_a_batch_with_failing_entries_records_each_entrys_own_result(slow_sender, demo_portal):
    sender = slow_sender(
        {
            "endpoint-3": TemporaryDeliveryError("503 vom Empfänger"),
            "endpoint-7": PermanentDeliveryError("Schlüssel abgelaufen"),
        }
    )
    application, ids = _entries(demo_portal, 12)
    started = time.time()

    run_round(demo_portal._p_jar.db(), senders=4)  # with the application's own mails
    transaction.begin()

    outbox = get_outbox()
    entries = {outbox.get(entry_id).destination: outbox.get(entry_id) for entry_id in ids}
    retried = entries.pop("endpoint-3")
    assert (retried.state, retried.tries, retried.last_error) == ("failed", 1, "503 vom Empfänger")
    assert retried.next_try > started + 20  # its own pause before the next try
    assert retried.id in outbox.due
    dead = entries.pop("endpoint-7")
    assert (dead.state, dead.last_error) == ("dead", "Schlüssel abgelaufen")
    assert dead.id not in outbox.due
    for destination, entry in entries.items():
        assert entry.state == "delivered"
        assert entry.result == {
            "receiver_id": f"R-{destination}",
            "reference": application.reference_number,
        }
        assert entry.last_error == ""
        assert entry.id not in outbox.due
    assert not [entry_id for entry_id in outbox.claims if entry_id]  # every claim ended
    # The sends overlapped, on more than one thread.
    assert sender.most_in_flight > 1
    assert len(sender.threads) > 1
    assert sorted(sender.calls) == sorted(outbox.get(entry_id).idempotency_key for entry_id in ids)


def test_rounds_at_the_same_time_never_send_an_entry_twice(slow_sender, demo_portal):
    sender = slow_sender()
    _application, ids = _entries(demo_portal, 30)
    db = demo_portal._p_jar.db()

    def rounds():
        # Three workers at once, as three instances of a cluster; a claim that loses
        # its write conflict claims nothing and the round is over.
        for _round in range(20):
            run_round(db, limit=10, senders=4)

    workers = [threading.Thread(target=rounds) for _number in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    transaction.begin()

    outbox = get_outbox()
    keys = [outbox.get(entry_id).idempotency_key for entry_id in ids]
    assert sorted(sender.calls) == sorted(keys)  # every entry once, none twice
    assert {outbox.get(entry_id).state for entry_id in ids} == {"delivered"}
    assert {outbox.get(entry_id).tries for entry_id in ids} == {1}
