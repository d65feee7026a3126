"""A webhook receiver on the loopback (a real HTTP server on a free port) that checks signatures and counts events."""

import hashlib
import hmac
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
import json
import pytest
import threading


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

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    receiver.payloads = lambda: [json.loads(body) for _headers, body in receiver.events]
    yield receiver
    server.shutdown()
    server.server_close()
