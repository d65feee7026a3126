"""When the mail server is down, the application is stored, the citizen is told the mail follows, the administrator reads why."""

import logging
from plone import api
import pytest
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import apply_for_dog_tax
from tests.fixtures.mail import wait_for
from tests.smtp import CollectingHandler
from tests.smtp import RoomyController
from tests.smtp import free_port
import transaction


NOTICE = "Ihre Eingangsbestätigung per E-Mail folgt etwas später"


@pytest.fixture()
def mail_server_down(demo_functional, tmp_path, monkeypatch):
    """Plone's mail settings name a port where nothing listens (yet)."""
    monkeypatch.setenv("HERNE_MAIL_QUEUE", str(tmp_path / "mailqueue"))
    port = free_port()
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record("plone.email_from_address", "serviceportal@herne.example")
    api.portal.set_registry_record("plone.email_from_name", "Stadt Herne")
    transaction.commit()
    return port


def test_submission_is_stored_and_the_citizen_is_told_the_confirmation_follows(
    mail_server_down, citizen, demo_portal, caplog
):
    browser = citizen()
    with caplog.at_level(logging.ERROR, logger="herne.portal.mail"):
        apply_for_dog_tax(browser, demo_portal)
    (brain,) = applications_of("buerger")
    assert brain.review_state == "submitted"
    assert browser.url == brain.getURL()
    assert "Ihr Antrag ist eingegangen" in browser.contents
    assert NOTICE in browser.contents
    logged = [record.getMessage() for record in caplog.records if record.name == "herne.portal.mail"]
    assert any(brain.reference_number in message for message in logged)
    assert all("does not answer" in message for message in logged)


def test_the_kept_mails_leave_when_the_mail_server_answers_again(
    mail_server_down, citizen, demo_portal
):
    apply_for_dog_tax(citizen(), demo_portal)
    (brain,) = applications_of("buerger")
    handler = CollectingHandler()
    server = RoomyController(handler, hostname="127.0.0.1", port=mail_server_down)
    server.start()
    try:
        # the confirmation for the citizen and the notice to the department's mailbox
        messages = wait_for(handler.messages, 2, timeout=20)
    finally:
        server.stop()
    receipts = [m for m in messages if "buerger@example.org" in m.rcpt_tos]
    assert len(receipts) == 1
    assert brain.reference_number.encode() in receipts[0].content


def test_with_the_mail_server_up_there_is_no_notice(mailbox, citizen, demo_portal):
    browser = citizen()
    apply_for_dog_tax(browser, demo_portal)
    assert "Ihr Antrag ist eingegangen" in browser.contents
    assert NOTICE not in browser.contents
    assert wait_for(mailbox, 2)
