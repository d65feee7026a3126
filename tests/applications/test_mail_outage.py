"""When the mail server is down, the application is stored, the citizen is told the mail follows, the administrator reads why."""

from aiosmtpd.controller import Controller
from email import message_from_bytes
from email import policy
from herne.portal import mail_delivery
import logging
from plone import api
import pytest
import re
from tests.fixtures.applications import CITIZEN
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import apply_for_dog_tax
from tests.fixtures.mail import wait_for
from tests.fixtures.ports import free_port
from tests.fixtures.rest import DOG_TAX
from tests.smtp import CollectingHandler
import time
import transaction


NOTICE = "Ihre Eingangsbestätigung per E-Mail folgt etwas später"


def mail_once_the_server_is_back(port, count):
    """Let the kept mails fail a few rounds, then bring the server up and collect ``count`` mails."""
    time.sleep(2)
    handler = CollectingHandler()
    server = Controller(handler, hostname="127.0.0.1", port=port)
    server.start()
    try:
        return wait_for(handler.messages, count, timeout=20)
    finally:
        server.stop()


@pytest.fixture()
def mail_server_down(demo_functional, tmp_path, monkeypatch, outbox_worker):
    """Plone's mail settings name a port where nothing listens (yet); the outbox tries every second or so."""
    monkeypatch.setenv("HERNE_MAIL_QUEUE", str(tmp_path / "mailqueue"))
    monkeypatch.setattr(mail_delivery, "RETRY_SECONDS", 0.5)
    port = free_port()
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record("plone.email_from_address", "serviceportal@herne.example")
    api.portal.set_registry_record("plone.email_from_name", "Stadt Herne")
    api.portal.set_registry_record("herne.portal.outbox.first_pause", 1)
    api.portal.set_registry_record("herne.portal.outbox.longest_pause", 2)
    transaction.commit()
    yield port
    mail_delivery.stop_sending_kept_mail()


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
    logged = [
        record.getMessage() for record in caplog.records if record.name == "herne.portal.mail"
    ]
    assert any(brain.reference_number in message for message in logged)
    assert all("does not answer" in message for message in logged)


def test_the_kept_mails_leave_when_the_mail_server_answers_again(
    mail_server_down, citizen, demo_portal
):
    apply_for_dog_tax(citizen(), demo_portal)
    (brain,) = applications_of("buerger")
    # the confirmation for the citizen and the notice to the department's mailbox
    messages = mail_once_the_server_is_back(mail_server_down, 2)
    receipts = [m for m in messages if "buerger@example.org" in m.rcpt_tos]
    assert len(receipts) == 1
    assert brain.reference_number.encode() in receipts[0].content


def test_with_the_mail_server_up_there_is_no_notice(mailbox, citizen, demo_portal):
    browser = citizen()
    apply_for_dog_tax(browser, demo_portal)
    assert "Ihr Antrag ist eingegangen" in browser.contents
    assert NOTICE not in browser.contents
    assert wait_for(mailbox, 2)


def register(browser, portal, username, email):
    browser.open(f"{portal.absolute_url()}/@@register")
    browser.getControl(name="form.widgets.fullname").value = "Hanna Neu"
    browser.getControl(name="form.widgets.username").value = username
    browser.getControl(name="form.widgets.email").value = email
    browser.getControl(name="form.buttons.register").click()


def test_registration_keeps_the_account_and_the_set_password_mail_follows(
    mail_server_down, anon_browser, browser_as, demo_portal, caplog
):
    with caplog.at_level(logging.ERROR, logger="herne.portal.mail"):
        register(anon_browser, demo_portal, "hanna", "hanna.neu@example.org")
    assert "Ihr Benutzerkonto ist angelegt" in anon_browser.contents
    assert "Passworts folgt etwas später" in anon_browser.contents
    transaction.abort()
    assert api.user.get(username="hanna") is not None
    assert any("registration of hanna" in record.getMessage() for record in caplog.records)

    (envelope,) = mail_once_the_server_is_back(mail_server_down, 1)
    assert envelope.rcpt_tos == ["hanna.neu@example.org"]
    body = message_from_bytes(envelope.content, policy=policy.default).get_content()
    link = re.search(r"(http://\S+/passwordreset/\S+)", body).group(1)
    anon_browser.open(link)
    anon_browser.getControl(name="userid").value = "hanna"
    anon_browser.getControl(name="password").value = "Herne-2026-sicher"
    anon_browser.getControl(name="password2").value = "Herne-2026-sicher"
    anon_browser.getControl("Passwort festlegen").click()
    login = browser_as("hanna", "Herne-2026-sicher")
    login.open(f"{demo_portal.absolute_url()}/leistungen/hundesteuer/antrag")
    assert "form.buttons.submit" in login.contents


def test_accessibility_feedback_is_kept_and_reaches_the_city_later(
    mail_server_down, anon_browser, demo_portal
):
    page = f"{demo_portal.absolute_url()}/@@erklaerung-barrierefreiheit"
    anon_browser.open(page)
    anon_browser.getControl(name="form.widgets.message").value = "Zu wenig Kontrast."
    anon_browser.getControl(name="form.buttons.send").click()
    assert anon_browser.url == page
    assert "Ihre Rückmeldung zur Barrierefreiheit ist gespeichert" in anon_browser.contents

    (envelope,) = mail_once_the_server_is_back(mail_server_down, 1)
    assert envelope.rcpt_tos == ["serviceportal@herne.example"]
    assert (
        "Zu wenig Kontrast."
        in message_from_bytes(envelope.content, policy=policy.default)
        .get_body(("plain",))
        .get_content()
    )


DOG_TAX_VALUES = {**DOG_TAX, "registration_type": "Hund anmelden"}


def test_rest_submission_answers_201_with_the_notice(mail_server_down, api_session):
    response = api_session(*CITIZEN).post(
        "leistungen/hundesteuer/antrag/@antragsformular", json={"values": DOG_TAX_VALUES}
    )
    assert response.status_code == 201, response.text
    assert response.json()["notice"].startswith(NOTICE)
    (brain,) = applications_of("buerger")
    assert brain.reference_number == response.json()["reference_number"]


def test_rest_submission_with_the_mail_server_up_has_no_notice(mailbox, api_session):
    response = api_session(*CITIZEN).post(
        "leistungen/hundesteuer/antrag/@antragsformular", json={"values": DOG_TAX_VALUES}
    )
    assert response.status_code == 201, response.text
    assert "notice" not in response.json()


class CountingProbes(CollectingHandler):
    """Counts the portal's asks whether the server answers (its NOOP after the greeting)."""

    def __init__(self):
        super().__init__()
        self.probes = 0

    async def handle_NOOP(self, server, session, envelope, arg):
        self.probes += 1
        return "250 OK"


@pytest.fixture()
def counting_mail_server(demo_functional):
    handler = CountingProbes()
    server = Controller(handler, hostname="127.0.0.1", port=free_port())
    server.start()
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", server.port)
    api.portal.set_registry_record("plone.email_from_address", "serviceportal@herne.example")
    transaction.commit()
    yield handler
    server.stop()


def test_submissions_in_a_row_ask_the_mail_server_once(counting_mail_server, citizen, demo_portal):
    for _ in range(3):
        browser = citizen()
        apply_for_dog_tax(browser, demo_portal)
        assert "Ihr Antrag ist eingegangen" in browser.contents
        assert NOTICE not in browser.contents
    assert len(applications_of("buerger")) == 3
    assert counting_mail_server.probes == 1


def test_an_old_answer_is_asked_again(counting_mail_server, citizen, demo_portal, monkeypatch):
    monkeypatch.setattr(mail_delivery, "REMEMBER_SECONDS", 0)
    for _ in range(2):
        apply_for_dog_tax(citizen(), demo_portal)
    assert counting_mail_server.probes == 2


def test_a_server_that_stopped_answering_is_noticed_once_the_answer_is_old(
    mail_server_down, citizen, demo_portal, monkeypatch
):
    # the server answered a moment ago (as far as this process knows), then went down
    with mail_delivery._lately_lock:
        mail_delivery._lately[("127.0.0.1", mail_server_down)] = (time.monotonic(), True)
    browser = citizen()
    apply_for_dog_tax(browser, demo_portal)
    assert NOTICE not in browser.contents  # within REMEMBER_SECONDS: the old answer
    monkeypatch.setattr(mail_delivery, "REMEMBER_SECONDS", 0)
    browser = citizen()
    apply_for_dog_tax(browser, demo_portal)
    assert NOTICE in browser.contents
    # either way the application is stored and its receipt waits in the outbox
    assert len(applications_of("buerger")) == 2
