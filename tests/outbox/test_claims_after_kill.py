"""Claims name their process: a killed process's claim is sent again at once, a live one's is left alone."""

from herne.portal.outbox import heartbeat
from herne.portal.outbox.storage import Outbox
from herne.portal.outbox.storage import enqueue
from herne.portal.outbox.storage import get_outbox
from herne.portal.outbox.worker import _Session
from herne.portal.outbox.worker import claim
from herne.portal.outbox.worker import deliver
from herne.portal.outbox.worker import keep_alive
from herne.portal.outbox.worker import run_round
import pytest
from tests.fixtures.applications import build_application
import time
import transaction


KILLED = "process-killed-by-sigkill"
OTHER_INSTANCE = "process-of-another-instance"


def _claimed_elsewhere(demo_portal, process):
    """An entry that ``process`` (not this one) claimed and committed, as after the claim step."""
    application = build_application(demo_portal)
    entry_id = enqueue(application, "test-kind", "submitted", "endpoint-1")
    transaction.commit()
    db = demo_portal._p_jar.db()
    with _Session(db) as session:
        portal = session.sites()[0]
        assert entry_id in claim(session, portal, time.time(), process=process)
    transaction.begin()
    return application, entry_id, db


def _age_heartbeat(process, seconds):
    get_outbox().workers[process].seen = time.time() - seconds
    transaction.commit()


def test_claim_of_a_killed_process_is_sent_again_at_once_with_the_same_key(
    scripted_sender, demo_portal
):
    sender = scripted_sender()
    application, entry_id, db = _claimed_elsewhere(demo_portal, KILLED)
    _age_heartbeat(KILLED, heartbeat.STALE_AFTER + 1)  # it stopped beating when it was killed

    run_round(db)  # now, not after the sending timeout (120 s)
    transaction.begin()

    entry = get_outbox().get(entry_id)
    assert entry.state == "delivered"
    assert entry.tries == 2
    assert entry.claimed_by == heartbeat.process_id()
    assert sender.calls == [(entry.idempotency_key, application.reference_number)]
    assert "erneut nach Abbruch" in [text for _when, _state, text in entry.history]
    assert entry_id not in get_outbox().claims

    # Had it only hung and now goes on, it sees the entry taken over and sends nothing.
    with _Session(db) as session:
        assert deliver(session, session.sites()[0], entry_id, process=KILLED) is None
    assert len(sender.calls) == 1


def test_claim_of_a_live_process_is_left_to_it(scripted_sender, demo_portal):
    sender = scripted_sender()
    application, entry_id, db = _claimed_elsewhere(demo_portal, OTHER_INSTANCE)
    _age_heartbeat(OTHER_INSTANCE, heartbeat.STALE_AFTER - 5)  # it beat a moment ago

    assert run_round(db) == 0
    transaction.begin()
    entry = get_outbox().get(entry_id)
    assert (entry.state, entry.tries, entry.claimed_by) == ("sending", 1, OTHER_INSTANCE)
    assert sender.calls == []

    # The other instance finishes its send: one delivery in all.
    with _Session(db) as session:
        assert deliver(session, session.sites()[0], entry_id, process=OTHER_INSTANCE) == "delivered"
    transaction.begin()
    assert get_outbox().get(entry_id).state == "delivered"
    assert sender.calls == [(entry.idempotency_key, application.reference_number)]


def test_a_heartbeat_goes_stale_after_the_threshold():
    outbox = Outbox()
    heartbeat.beat(outbox, "p1", 1000.0)
    assert heartbeat.is_alive(outbox, "p1", 1000.0 + heartbeat.STALE_AFTER)
    assert not heartbeat.is_alive(outbox, "p1", 1000.0 + heartbeat.STALE_AFTER + 1)
    heartbeat.beat(outbox, "p1", 1000.0 + heartbeat.STALE_AFTER)
    assert heartbeat.is_alive(outbox, "p1", 1000.0 + heartbeat.STALE_AFTER + 1)
    assert not heartbeat.is_alive(outbox, "never-beat", 1000.0)


def test_two_beats_of_one_process_meeting_keep_the_later_sign_of_life():
    record = heartbeat.WorkerRecord("p1", 10.0)
    state = record.__getstate__()
    resolved = record._p_resolveConflict(state, {**state, "seen": 30.0}, {**state, "seen": 20.0})
    assert resolved["seen"] == 30.0


def test_the_worker_beats_in_every_site_at_most_every_few_seconds(demo_portal):
    db = demo_portal._p_jar.db()
    transaction.commit()
    with _Session(db) as session:
        assert keep_alive(session, force=True)
        assert not keep_alive(session)  # the next beat only after BEAT_EVERY seconds
    transaction.begin()
    record = get_outbox().workers[heartbeat.process_id()]
    assert record.seen == pytest.approx(time.time(), abs=heartbeat.BEAT_EVERY)


def test_records_of_long_dead_processes_are_forgotten_unless_they_hold_a_claim():
    outbox = Outbox()
    now = 10 * heartbeat.FORGET_AFTER
    heartbeat.beat(outbox, "gone", now - heartbeat.FORGET_AFTER - 1)
    heartbeat.beat(outbox, "gone-holding", now - heartbeat.FORGET_AFTER - 1)
    heartbeat.beat(outbox, "alive", now)
    outbox.claims["some-entry"] = "gone-holding"
    assert heartbeat.forget_dead(outbox, now) == 1
    assert set(outbox.workers.keys()) == {"gone-holding", "alive"}


def test_an_outbox_made_before_heartbeats_gets_them_from_its_first_worker(
    scripted_sender, demo_portal
):
    sender = scripted_sender()
    outbox = get_outbox()
    del outbox.claims, outbox.workers  # as stored by a version without them
    transaction.commit()
    assert get_outbox().claims is None
    _application, entry_id, db = _claimed_elsewhere(demo_portal, KILLED)
    transaction.begin()
    assert get_outbox().claims[entry_id] == KILLED
    _age_heartbeat(KILLED, heartbeat.STALE_AFTER + 1)

    run_round(db)
    transaction.begin()
    assert get_outbox().get(entry_id).state == "delivered"
    assert len(sender.calls) == 1
    assert heartbeat.process_id() in get_outbox().workers
