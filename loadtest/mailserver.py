"""A real SMTP server (aiosmtpd) in the load test's process that keeps every message; the wait for them."""

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP
from email import message_from_bytes
from email import policy
from loadtest.accounts import is_loadtest_user
import socket
import threading
import time


class CollectingHandler:
    """Keeps every delivered envelope, with the time it was taken (``received_at``, epoch seconds)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        envelope.received_at = time.time()
        with self.lock:
            self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def received(self):
        with self.lock:
            return list(self.envelopes)


class RoomySMTP(SMTP):
    """aiosmtpd's SMTP with a larger read buffer (see tests/applications/conftest.py)."""

    line_length_limit = 1024 * 1024


class MailServer(Controller):
    def __init__(self, host="127.0.0.1"):
        self.collector = CollectingHandler()
        with socket.socket() as sock:
            sock.bind((host, 0))
            port = sock.getsockname()[1]
        super().__init__(self.collector, hostname=host, port=port)

    def factory(self):
        return RoomySMTP(self.handler, **self.SMTP_kwargs)


def read(envelope):
    """Recipients, subject, Message-ID, plain text and time taken of one delivered message."""
    message = message_from_bytes(envelope.content, policy=policy.default)
    body = message.get_body(preferencelist=("plain",))
    return {
        "to": list(envelope.rcpt_tos),
        "subject": str(message["Subject"] or ""),
        "message_id": str(message["Message-ID"] or ""),
        "text": body.get_content() if body is not None else "",
        "received_at": getattr(envelope, "received_at", None),
    }


def mail_after_kill(killed_at):
    """Until when (``time.time()``) mail may still come after a kill at ``killed_at``.

    An outbox entry the killed worker had claimed but not sent is taken over by another
    worker once the killed process's heartbeat is stale (``heartbeat.STALE_AFTER`` after
    its last beat, which came before the kill), at that worker's next round.
    """
    from herne.portal.outbox.heartbeat import STALE_AFTER
    from herne.portal.outbox.worker import INTERVAL

    return killed_at + STALE_AFTER + INTERVAL + 2


def wait_for_mail(server, expected, timeout=120, settle_until=None):
    """Mails to load-test citizens; waits for ``expected`` and a moment more for duplicates.

    With ``settle_until`` (a ``time.time()``, see ``mail_after_kill``) it also waits until
    then: the mails of entries the killed worker had claimed come only once another worker
    takes them over, and the mail of an application committed while its answer was lost
    in the kill is not among the ``expected`` ones.
    """
    deadline = time.monotonic() + max(timeout, (settle_until or 0) - time.time() + 5)
    while True:
        mails = [read(envelope) for envelope in server.collector.received()]
        mine = [mail for mail in mails if any(is_loadtest_user(to) for to in mail["to"])]
        settled = settle_until is None or time.time() >= settle_until
        if (len(mine) >= expected and settled) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    time.sleep(2)
    mails = [read(envelope) for envelope in server.collector.received()]
    return mails, [mail for mail in mails if any(is_loadtest_user(to) for to in mail["to"])]
