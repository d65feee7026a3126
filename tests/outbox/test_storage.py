"""Outbox entries: one per idempotency key, ids only, gone with their application."""

from herne.portal.outbox.storage import PENDING
from herne.portal.outbox.storage import enqueue
from herne.portal.outbox.storage import get_outbox
from plone import api
from tests.fixtures.applications import build_application


def test_same_key_gives_one_entry(demo_portal):
    application = build_application(demo_portal)
    first = enqueue(application, "webhook", "submitted", "endpoint-1")
    second = enqueue(application, "webhook", "submitted", "endpoint-1")
    other = enqueue(application, "webhook", "submitted", "endpoint-2")

    assert first == second
    assert other != first
    outbox = get_outbox()
    entry = outbox.get(first)
    assert entry.state == PENDING
    assert entry.application_uid == api.content.get_uuid(application)
    assert entry.reference == application.reference_number
    assert first in outbox.due_ids()


def test_entry_keeps_no_personal_data(demo_portal):
    application = build_application(demo_portal, name="Zacharias Zweifel")
    entry = get_outbox().get(enqueue(application, "mail", "mail:receipt", "applicant"))
    stored = repr(vars(entry))
    assert "Zacharias" not in stored
    assert "Zweifel" not in stored


def test_entries_go_with_their_application(demo_portal):
    application = build_application(demo_portal)  # its mails are entries already
    other = build_application(demo_portal, user="buergerin")
    enqueue(application, "webhook", "submitted", "endpoint-1")
    kept = enqueue(other, "webhook", "submitted", "endpoint-1")
    outbox = get_outbox()
    uid = api.content.get_uuid(application)
    ids = {entry.id for entry in outbox.for_application(uid)}
    assert len(ids) >= 2

    assert outbox.remove_application(uid) == len(ids)
    assert outbox.for_application(uid) == []
    assert not ids & set(outbox.entries.keys())
    assert not ids & set(outbox.due.keys())
    assert kept in outbox.due_ids()
    # the key is free again: nothing blocks a later entry of the same name
    assert enqueue(application, "webhook", "submitted", "endpoint-1") not in ids | {kept}


def test_deleting_the_application_deletes_its_entries(demo_portal):
    application = build_application(demo_portal)
    uid = api.content.get_uuid(application)
    enqueue(application, "webhook", "submitted", "endpoint-1")
    assert get_outbox().for_application(uid)

    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=application)

    assert get_outbox().for_application(uid) == []
    assert uid not in get_outbox().by_application
