"""The worker: sends after commit, once; retries with growing pauses; dead letters; re-sends what a kill left."""

from herne.portal.applications.notifications import queue_receipt_mail
from herne.portal.outbox.interfaces import PermanentDeliveryError
from herne.portal.outbox.interfaces import TemporaryDeliveryError
from herne.portal.outbox.storage import enqueue
from herne.portal.outbox.storage import get_outbox
from herne.portal.outbox.worker import _Session
from herne.portal.outbox.worker import claim
from herne.portal.outbox.worker import drain_outbox
from herne.portal.outbox.worker import run_round
from plone import api
import pytest
from tests.fixtures.applications import build_application
from tests.fixtures.mail import mails_to
import time
import transaction


CITIZEN_ADDRESS = "buerger@example.org"


def _entry(entry_id):
    return get_outbox().get(entry_id)


def _db(portal):
    return portal._p_jar.db()


def test_receipt_mail_leaves_after_commit_once(held_mailbox, demo_portal):
    application = build_application(demo_portal)
    applicant = api.user.get(userid="buerger")
    queue_receipt_mail(application, applicant)
    queue_receipt_mail(application, applicant)  # e.g. a payment confirmed twice
    transaction.commit()
    assert mails_to(held_mailbox, CITIZEN_ADDRESS) == []  # written, not sent

    drain_outbox()
    drain_outbox()

    (mail,) = mails_to(held_mailbox, CITIZEN_ADDRESS)
    assert application.reference_number in mail["Subject"]
    assert application.absolute_url() in mail.get_content()
    (entry,) = [
        e for e in get_outbox().for_application(application.UID()) if e.event == "mail:receipt"
    ]
    assert entry.state == "delivered"
    assert entry.result["message_id"] == mail["Message-ID"]


def test_a_step_that_fails_sends_nothing(held_mailbox, demo_portal):
    build_application(demo_portal)
    transaction.abort()
    assert drain_outbox() == 0
    assert mails_to(held_mailbox, CITIZEN_ADDRESS) == []


def test_mail_server_down_retries_with_growing_pause(held_mailbox, smtp_server, demo_portal):
    api.portal.set_registry_record("plone.smtp_port", 1)  # nothing listens there
    application = build_application(demo_portal)
    queue_receipt_mail(application, api.user.get(userid="buerger"))
    transaction.commit()
    drain_outbox()
    (entry,) = [
        e for e in get_outbox().for_application(application.UID()) if e.event == "mail:receipt"
    ]
    assert entry.state == "failed"
    assert entry.tries == 1
    assert "Mailserver" in entry.last_error
    assert entry.next_try == pytest.approx(time.time() + 30, abs=5)
    assert mails_to(held_mailbox, CITIZEN_ADDRESS) == []

    run_round(_db(demo_portal), now=time.time() + 31)
    transaction.begin()
    assert entry.tries == 2
    assert entry.next_try == pytest.approx(time.time() + 60, abs=5)

    api.portal.set_registry_record("plone.smtp_port", smtp_server[0].port)
    transaction.commit()
    run_round(_db(demo_portal), now=time.time() + 200)
    transaction.begin()
    assert entry.state == "delivered"
    assert len(mails_to(held_mailbox, CITIZEN_ADDRESS)) == 1


def test_temporary_errors_end_dead_after_the_last_try(scripted_sender, demo_portal):
    api.portal.set_registry_record("herne.portal.outbox.max_tries", 3)
    sender = scripted_sender([TemporaryDeliveryError("503 vom Empfänger")] * 5)
    application = build_application(demo_portal)
    entry_id = enqueue(application, "test-kind", "submitted", "endpoint-1")
    drain_outbox()
    for _round in range(4):
        run_round(_db(demo_portal), now=time.time() + 100000)
    transaction.begin()

    entry = _entry(entry_id)
    assert entry.state == "dead"
    assert entry.tries == 3
    assert len(sender.calls) == 3
    assert entry.last_error == "503 vom Empfänger"
    assert entry_id not in get_outbox().due


def test_permanent_error_is_dead_at_once(scripted_sender, demo_portal):
    sender = scripted_sender([PermanentDeliveryError("Schlüssel abgelaufen")])
    entry_id = enqueue(build_application(demo_portal), "test-kind", "submitted", "endpoint-1")
    drain_outbox()
    entry = _entry(entry_id)
    assert (entry.state, entry.tries, entry.last_error) == ("dead", 1, "Schlüssel abgelaufen")
    assert len(sender.calls) == 1


def test_success_keeps_the_senders_result(scripted_sender, demo_portal):
    scripted_sender()
    entry_id = enqueue(build_application(demo_portal), "test-kind", "submitted", "endpoint-1")
    drain_outbox()
    entry = _entry(entry_id)
    assert entry.state == "delivered"
    assert entry.result == {"receiver_id": "R-1"}
    assert [state for _when, state, _text in entry.history] == ["pending", "sending", "delivered"]


def test_entry_claimed_by_a_live_process_is_sent_again_after_the_timeout(
    scripted_sender, demo_portal
):
    sender = scripted_sender()
    application = build_application(demo_portal)
    entry_id = enqueue(application, "test-kind", "submitted", "endpoint-1")
    transaction.commit()
    db = _db(demo_portal)
    # This process (alive, beating) claims it and never sends: a send that hangs.
    # The sending timeout is the last resort (a killed process: test_claims_after_kill.py).
    with _Session(db) as session:
        portal = session.sites()[0]
        assert entry_id in claim(session, portal, time.time())

    assert run_round(db) == 0  # still within the sending timeout: nobody sends it twice
    assert sender.calls == []
    run_round(db, now=time.time() + 121)
    transaction.begin()

    entry = _entry(entry_id)
    assert entry.state == "delivered"
    assert entry.tries == 2
    assert sender.calls == [(entry.idempotency_key, application.reference_number)]
    assert "erneut nach Abbruch" in [text for _when, _state, text in entry.history]
