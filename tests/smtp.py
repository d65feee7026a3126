"""A real SMTP server (aiosmtpd, in-process on a free port) for every test that checks mail, and the outbox worker that sends to it.

With aiosmtpd's own line length limit (1,000 bytes a line, RFC 5321): a mail of more than
that sent with bare LF line ends, one SMTP "line" then, is refused, as strict servers do.
"""

from aiosmtpd.controller import Controller
from herne.portal.outbox.worker import OutboxWorker
from plone import api
import pytest
from tests.fixtures.ports import free_port
import transaction


class CollectingHandler:
    """Keeps every message the portal delivers."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture(scope="session")
def smtp_server():
    handler = CollectingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, handler
    controller.stop()


@pytest.fixture()
def outbox_worker(demo_functional):
    """The outbox's worker thread on the test's database, as next to a running instance."""
    worker = OutboxWorker(demo_functional["zodbDB"], interval=0.2)
    worker.start()
    yield worker
    worker.stop()


def _mail_settings(smtp_server):
    controller, handler = smtp_server
    handler.messages.clear()
    # Plone's mail settings (control panel "E-Mail") decide where the MailHost delivers.
    api.portal.set_registry_record("plone.smtp_host", controller.hostname)
    api.portal.set_registry_record("plone.smtp_port", controller.port)
    api.portal.set_registry_record("plone.email_from_address", "serviceportal@herne.example")
    api.portal.set_registry_record("plone.email_from_name", "Stadt Herne")
    transaction.commit()
    return handler.messages


@pytest.fixture()
def mailbox(smtp_server, demo_functional, outbox_worker):
    """The messages the portal sends to the real SMTP server during one test (through the outbox)."""
    return _mail_settings(smtp_server)


@pytest.fixture()
def held_mailbox(smtp_server, demo_functional):
    """Like ``mailbox``, but no worker runs: mails leave only when the test drains the outbox."""
    return _mail_settings(smtp_server)
