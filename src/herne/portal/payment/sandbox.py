"""A small XBezahldienste-compatible payment service for tests, the demo and drills.

Run it with ``make payment-provider`` (or ``python -m herne.portal.payment.sandbox``).
It prints ``READY <base url>`` once it listens. Its pay page offers "Bezahlen",
"Abbrechen" and "Fehlschlagen". With ``--hooks`` it takes test instructions on
``POST /_hooks`` (JSON): ``return`` = "normal" | "drop" (no way back to the portal)
| "duplicate" (the return URL is also opened by the service itself), ``return_delay``
(seconds before the citizen is sent back), ``pending_polls`` (status queries after a
payment that still answer INITIAL), ``fail_next`` = "500" | "timeout" | "malformed"
(the next API call), ``refunds`` = false (the service has no refund call: 404).
``POST /paymenttransaction/{originator}/{endpoint}/{tx}/refund`` refunds a paid
transaction (once per ``refundId``, never more than was paid).
``GET /_transactions`` lists what the service holds.
"""

import argparse
import base64
import contextlib
from decimal import Decimal
from decimal import InvalidOperation
from herne.portal.threaded_http_server import serve_in_thread
from html import escape
from http.server import BaseHTTPRequestHandler
import itertools
import json
import threading
import time
from urllib.parse import parse_qs
from urllib.parse import unquote
from urllib.parse import urlsplit
import urllib.request


PAY_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bezahlen – Test-Bezahldienst</title>
<style>body{{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}}
button{{font-size:1rem;padding:.5rem 1rem;margin:.25rem}}</style></head>
<body><main>
<h1>Test-Bezahldienst</h1>
<p>Dies ist ein Bezahldienst zum Testen. Es werden keine echten Zahlungen ausgeführt.</p>
<dl><dt>Verwendungszweck</dt><dd>{purpose}</dd><dt>Betrag</dt><dd>{amount} €</dd></dl>
<form method="post" action="/pay/{tx}">
<button type="submit" name="action" value="pay">Bezahlen</button>
<button type="submit" name="action" value="cancel">Abbrechen</button>
<button type="submit" name="action" value="fail">Fehlschlagen</button>
</form></main></body></html>
"""

DONE_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{title} – Test-Bezahldienst</title></head>
<body><main><h1>{title}</h1><p>{text}</p>{link}</main></body></html>
"""

STATUS_BY_ACTION = {"pay": "PAYED", "cancel": "CANCELED", "fail": "FAILED"}
DONE_TITLES = {
    "PAYED": "Zahlung ausgeführt",
    "CANCELED": "Zahlung abgebrochen",
    "FAILED": "Zahlung fehlgeschlagen",
}


class Sandbox:
    """The service's state: its transactions, credentials and test hooks."""

    def __init__(self, username="", password="", hooks=False):
        self.username = username
        self.password = password
        self.hooks_enabled = hooks
        self.lock = threading.Lock()
        self.transactions = {}
        self.counter = itertools.count(1)
        self.reset_hooks()
        self.base_url = ""

    def reset_hooks(self):
        self.hooks = {
            "return": "normal",
            "return_delay": 0,
            "pending_polls": 0,
            "fail_next": "",
            "refunds": True,
        }
        self.returns_opened = 0

    def take_failure(self):
        with self.lock:
            failure, self.hooks["fail_next"] = self.hooks["fail_next"], ""
        return failure

    def open(self, originator, endpoint, body):
        with self.lock:
            number = next(self.counter)
            tx = f"TX{number:06d}"
            self.transactions[tx] = {
                "originator": originator,
                "endpoint": endpoint,
                "request": body,
                "status": "INITIAL",
                "method": "",
                "reference": "",
                "pending_polls": 0,
                "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            }
        return tx

    def answer(self, tx):
        record = self.transactions[tx]
        base = f"{self.base_url}/paymenttransaction/{record['originator']}/{record['endpoint']}"
        status = record["status"]
        if status != "INITIAL" and record["pending_polls"] > 0:
            record["pending_polls"] -= 1
            status = "INITIAL"
        return {
            "paymentRequest": record["request"],
            "paymentInformation": {
                "transactionUrl": f"{base}/{tx}",
                "transactionRedirectUrl": f"{self.base_url}/pay/{tx}",
                "transactionId": tx,
                "transactionReference": record["reference"],
                "transactionTimestamp": record["timestamp"],
                "paymentMethod": record["method"] if status == "PAYED" else "",
                "paymentMethodDetail": "",
                "status": status,
                "statusDetail": "",
            },
            "refunds": list(record.get("refunds", {}).values()),
        }

    def settle(self, tx, action):
        """The citizen's choice on the pay page; a transaction is decided once only."""
        with self.lock:
            record = self.transactions[tx]
            if record["status"] == "INITIAL":
                record["status"] = STATUS_BY_ACTION[action]
                if record["status"] == "PAYED":
                    record["reference"] = f"PAY-{tx}"
                    record["method"] = "CREDITCARD"
                    record["pending_polls"] = self.hooks["pending_polls"]
            return record["status"]

    def refund(self, tx, body):
        """A refund of a paid transaction: (HTTP status, answer). Once per ``refundId``;
        never more than was paid."""
        with self.lock:
            record = self.transactions[tx]
            refunds = record.setdefault("refunds", {})
            refund_id = str(body.get("refundId") or "") if isinstance(body, dict) else ""
            if refund_id in refunds:
                return 200, {"refund": refunds[refund_id]}
            try:
                amount = Decimal(str(body.get("grosAmount")))
            except (InvalidOperation, ValueError, AttributeError):
                return 400, {"error": "grosAmount is not a number"}
            paid = Decimal(str(record["request"]["grosAmount"]))
            refunded = sum(Decimal(str(item["grosAmount"])) for item in refunds.values())
            if not refund_id or record["status"] != "PAYED":
                return 409, {"error": "nothing paid to refund"}
            if not amount.is_finite() or amount <= 0 or refunded + amount > paid:
                return 409, {"error": "more than was paid"}
            refunds[refund_id] = {
                "refundId": refund_id,
                "grosAmount": float(amount),
                "status": "REFUNDED",
                "refundReference": f"REF-{tx}-{len(refunds) + 1}",
            }
            return 201, {"refund": refunds[refund_id]}


def _valid_request(body):
    """The XBezahldienste paymentRequest fields this service insists on, or an error text."""
    if not isinstance(body, dict):
        return "body is not a JSON object"
    try:
        amount = Decimal(str(body.get("grosAmount")))
    except (InvalidOperation, ValueError):
        return "grosAmount is not a number"
    if not amount.is_finite() or amount <= 0:
        return "grosAmount must be positive"
    if body.get("currency") != "EUR":
        return "currency must be EUR"
    if not str(body.get("redirectUrl", "")).startswith(("http://", "https://")):
        return "redirectUrl missing"
    if not body.get("requestId"):
        return "requestId missing"
    return None


class Handler(BaseHTTPRequestHandler):
    server_version = "HerneTestBezahldienst/1.0"

    @property
    def sandbox(self):
        return self.server.sandbox

    def log_message(self, format, *args):  # quiet in tests
        pass

    def _send(self, status, body=b"", content_type="application/json", headers=()):
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        elif isinstance(body, str):
            body = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _authorised(self):
        if not self.sandbox.username:
            return True
        expected = base64.b64encode(
            f"{self.sandbox.username}:{self.sandbox.password}".encode()
        ).decode()
        return self.headers.get("Authorization") == f"Basic {expected}"

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _api_failure(self):
        """Play the failure a test asked for; True when the request was answered by it."""
        failure = self.sandbox.take_failure()
        if failure == "500":
            self._send(500, {"error": "internal"})
        elif failure == "timeout":
            time.sleep(5)
            self._send(504, {"error": "late"})
        elif failure == "malformed":
            self._send(200, b"<html>not json</html>", "text/html")
        else:
            return False
        return True

    def _parts(self):
        return [unquote(part) for part in urlsplit(self.path).path.strip("/").split("/")]

    def do_GET(self):
        parts = self._parts()
        if len(parts) == 4 and parts[0] == "paymenttransaction":
            if not self._authorised():
                return self._send(401, {"error": "unauthorised"})
            if self._api_failure():
                return None
            originator, endpoint, tx = parts[1:]
            record = self.sandbox.transactions.get(tx)
            if record is None or (record["originator"], record["endpoint"]) != (
                originator,
                endpoint,
            ):
                return self._send(404, {"error": "unknown transaction"})
            with self.sandbox.lock:
                return self._send(200, self.sandbox.answer(tx))
        if len(parts) == 2 and parts[0] == "pay" and parts[1] in self.sandbox.transactions:
            request = self.sandbox.transactions[parts[1]]["request"]
            amount = f"{Decimal(str(request['grosAmount'])):.2f}".replace(".", ",")
            page = PAY_PAGE.format(
                purpose=escape(str(request.get("purpose", ""))), amount=amount, tx=escape(parts[1])
            )
            return self._send(200, page, "text/html")
        if parts == ["_transactions"] and self.sandbox.hooks_enabled:
            with self.sandbox.lock:
                listing = {tx: self.sandbox.answer(tx) for tx in self.sandbox.transactions}
            return self._send(
                200, {"transactions": listing, "returns": self.sandbox.returns_opened}
            )
        return self._send(404, {"error": "not found"})

    def do_POST(self):
        parts = self._parts()
        if len(parts) == 3 and parts[0] == "paymenttransaction":
            if not self._authorised():
                return self._send(401, {"error": "unauthorised"})
            if self._api_failure():
                return None
            try:
                body = json.loads(self._body() or b"null")
            except ValueError:
                body = None
            error = _valid_request(body)
            if error:
                return self._send(400, {"error": error})
            tx = self.sandbox.open(parts[1], parts[2], body)
            with self.sandbox.lock:
                return self._send(201, self.sandbox.answer(tx))
        if len(parts) == 5 and parts[0] == "paymenttransaction" and parts[4] == "refund":
            return self._refund(*parts[1:4])
        if len(parts) == 2 and parts[0] == "pay" and parts[1] in self.sandbox.transactions:
            action = parse_qs(self._body().decode()).get("action", [""])[0]
            if action not in STATUS_BY_ACTION:
                return self._send(400, "Unbekannte Auswahl.", "text/plain")
            return self._return(parts[1], self.sandbox.settle(parts[1], action))
        if parts == ["_hooks"] and self.sandbox.hooks_enabled:
            hooks = json.loads(self._body() or b"{}")
            with self.sandbox.lock:
                if hooks.get("reset"):
                    self.sandbox.reset_hooks()
                self.sandbox.hooks.update(
                    {key: value for key, value in hooks.items() if key in self.sandbox.hooks}
                )
                return self._send(200, self.sandbox.hooks)
        return self._send(404, {"error": "not found"})

    def _refund(self, originator, endpoint, tx):
        if not self.sandbox.hooks["refunds"]:
            return self._send(404, {"error": "not found"})  # a service without the call
        if not self._authorised():
            return self._send(401, {"error": "unauthorised"})
        if self._api_failure():
            return None
        record = self.sandbox.transactions.get(tx)
        if record is None or (record["originator"], record["endpoint"]) != (originator, endpoint):
            return self._send(404, {"error": "unknown transaction"})
        try:
            body = json.loads(self._body() or b"null")
        except ValueError:
            body = None
        status, answer = self.sandbox.refund(tx, body)
        return self._send(status, answer)

    def _return(self, tx, status):
        """Send the citizen back to the portal, as the hooks say."""
        hooks = dict(self.sandbox.hooks)
        return_url = self.sandbox.transactions[tx]["request"]["redirectUrl"]
        if hooks["return_delay"]:
            time.sleep(float(hooks["return_delay"]))
        title = DONE_TITLES[status]
        if hooks["return"] == "drop":
            text = "Die Verbindung zum Serviceportal ist unterbrochen."
            return self._send(200, DONE_PAGE.format(title=title, text=text, link=""), "text/html")
        if hooks["return"] == "duplicate":
            threading.Thread(target=self._open_return, args=(return_url,), daemon=True).start()
        with self.sandbox.lock:
            self.sandbox.returns_opened += 1
        return self._send(303, b"", "text/plain", headers=[("Location", return_url)])

    def _open_return(self, url):
        with self.sandbox.lock:
            self.sandbox.returns_opened += 1
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url, timeout=30).read()


def serve(port=0, host="127.0.0.1", username="", password="", hooks=False):
    """A started server (in a daemon thread); ``server.sandbox.base_url`` is its address."""
    server = serve_in_thread(Handler, host, port)
    server.sandbox = Sandbox(username=username, password=password, hooks=hooks)
    server.sandbox.base_url = server.base_url
    return server


def main(argv=None):
    parser = argparse.ArgumentParser(description="Test-Bezahldienst (XBezahldienste)")
    parser.add_argument("--port", type=int, default=8091)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--username", default="herne")
    parser.add_argument("--password", default="herne-pay-secret")
    parser.add_argument("--hooks", action="store_true", help="accept test hooks on /_hooks")
    args = parser.parse_args(argv)
    server = serve(args.port, args.host, args.username, args.password, args.hooks)
    print(f"READY {server.sandbox.base_url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
