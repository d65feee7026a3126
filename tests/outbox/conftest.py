"""Outbox test helpers: a scripted sender, and a webhook receiver on the loopback (a real HTTP server on a free port) that checks signatures and counts events."""

import hashlib
from herne.portal.outbox.interfaces import IOutboxSender
from herne.portal.threaded_http_server import serve_in_thread
import hmac
from http.server import BaseHTTPRequestHandler
import json
import pytest
from zope.component import getGlobalSiteManager
from zope.interface import implementer


class Receiver:
    def __init__(self):
        self.events = []  # (headers, payload) of every accepted request
        self.answers = []  # status codes to give first, then 200
        self.secret = None

    def signature_ok(self, headers, body):
        expected = hmac.new(
            self.secret.encode(),
            headers["X-Herne-Timestamp"].encode() + b"." + body,
            hashlib.sha256,
        ).hexdigest()
        return hmac.compare_digest(headers["X-Herne-Signature"], "sha256=" + expected)

    def event_ids(self):
        return [headers["X-Herne-Event-Id"] for headers, _payload in self.events]


@pytest.fixture()
def webhook_receiver():
    receiver = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            status = receiver.answers.pop(0) if receiver.answers else 200
            if status == 200:
                receiver.events.append((dict(self.headers.items()), body))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = serve_in_thread(Handler)
    receiver.url = f"{server.base_url}/hook"
    receiver.payloads = lambda: [json.loads(body) for _headers, body in receiver.events]
    yield receiver
    server.stop()


@implementer(IOutboxSender)
class ScriptedSender:
    """Answers with the errors it is given, then succeeds; remembers what it was handed."""

    def __init__(self, errors=()):
        self.errors = list(errors)
        self.calls = []

    def send(self, entry, application):
        self.calls.append((entry.idempotency_key, application.reference_number))
        if self.errors:
            raise self.errors.pop(0)
        return {"receiver_id": "R-1"}


@pytest.fixture()
def scripted_sender():
    registry = getGlobalSiteManager()
    made = []

    def register(errors=()):
        sender = ScriptedSender(errors)
        registry.registerUtility(sender, IOutboxSender, name="test-kind")
        made.append(sender)
        return sender

    yield register
    for sender in made:
        registry.unregisterUtility(sender, IOutboxSender, name="test-kind")
