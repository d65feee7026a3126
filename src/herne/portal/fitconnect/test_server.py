"""A FIT-Connect-compatible test server for tests, the demo and drills (sender side of the Submission API).

Run it with ``make fit-connect-test-server`` (or ``python -m herne.portal.fitconnect.test_server``);
it prints ``READY <base url>`` once it listens. It plays FIT-Connect and the receiving
department's software at once: an OAuth 2.0 token endpoint (``POST /token``, client
credentials), destinations with their public encryption keys (the private keys stay here),
submissions and their attachments (``/v1/...``), and each case's event log of security event
tokens signed with the server's key (``GET /.well-known/jwks.json``). On submission it decrypts
metadata, data and attachments with the destination's private key, checks every hash
(SHA-512) and the data against the JSON Schema registered for the destination, and then
accepts or rejects the submission in the event log.

Test hooks on ``POST /_hooks`` (JSON): ``fail_next`` = "500" | "timeout" | "malformed" (the next
API call), ``fail_submit`` = same, for the next submit only, ``answer_twice`` (the next submit is
taken, then answered with 500 so that the sender tries again), ``reject_next`` (the next
submission is rejected with a problem), ``undecided_next`` (the next submission is taken but
the receiving software never decides: its event log ends at "submitted"), ``events_down`` (every
read of an event log answers 503 until switched off), ``key`` = "valid" | "wrong-use" | "wrong-alg" |
"expired" | "short" | "ec" (how destinations publish their key), ``certificate`` = "valid" |
"revoked" | "unknown-root" | "mismatch" | "expired" | "none" (the certificate chain, x5c, of
the published key: issued by the server's test CA, revoked on its list, issued by a root
nobody trusts, certifying another key, run out, missing), ``crl_down`` (the revocation list
answers 503), ``ocsp`` = "" | "revoked" | "unknown" | "down" | "wrong-key" | "stale" |
"delegated" | "undelegated" (how the OCSP responder answers: the truth, "revoked" or "unknown"
for every certificate, 503, "good" signed by a key that is not the issuer's, an answer whose
next update has passed, the truth signed by a responder certificate the CA issued for OCSP
signing, or by one it issued without that extended key usage),
``timeout_seconds``. The test CA's root certificate (what the portal must trust) is at ``GET
/_pki/root.pem``, its revocation list (DER) at ``GET /_pki/crl``, its OCSP responder at ``POST
/_pki/ocsp`` (named in each certificate's Authority Information Access); ``crl_fetches`` and
``ocsp_requests`` in ``/_deliveries`` count the reads of the list and the questions to the
responder.
``POST /_destinations`` registers a destination: ``{"destinationId", "services":
[{"identifier", "schemas": {schemaUri: JSON Schema}}]}`` (a service without schemas takes
any JSON, as the demo destination does). ``POST /_decide`` ``{"submissionId", "decision":
"accept" | "reject"}`` lets the receiving software decide an undecided submission later.
``GET /_deliveries`` lists what was
delivered (each submission with ``received_at``, the epoch seconds of its submit), with a count
per reference number; ``reset`` in the hooks forgets everything.
"""

import argparse
import base64
import collections
import hashlib
from herne.portal.fitconnect.encryption import decrypt
from herne.portal.fitconnect.security_events import ACCEPT
from herne.portal.fitconnect.security_events import CREATE
from herne.portal.fitconnect.security_events import REJECT
from herne.portal.fitconnect.security_events import SUBMIT
from herne.portal.fitconnect.security_events import sign
from herne.portal.fitconnect.test_pki import CRL_PATH
from herne.portal.fitconnect.test_pki import OCSP_PATH
from herne.portal.fitconnect.test_pki import ROOT_PATH
from herne.portal.fitconnect.test_pki import TestPKI
from herne.portal.threaded_http_server import serve_in_thread
from http.server import BaseHTTPRequestHandler
import json
import jsonschema
from jwcrypto import jwk
import secrets
import threading
import time
from urllib.parse import unquote_plus
import uuid


CLIENT_ID = "herne-portal"
CLIENT_SECRET = "herne-fit-connect-secret"
DEMO_DESTINATION = "11111111-2222-4333-8444-555555555555"
DEMO_SERVICE = "urn:de:fim:leika:leistung:99001004000000"


def _key(size, **params):
    return jwk.JWK.generate(kty="RSA", size=size, kid=secrets.token_hex(8), **params)


class FitConnect:
    """The server's state: tokens, destinations with keys, submissions, event logs, hooks."""

    def __init__(self, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, key_bits=4096):
        self.client_id = client_id
        self.client_secret = client_secret
        self.lock = threading.RLock()
        self.key_bits = key_bits
        self.signing_key = _key(key_bits, alg="PS512", key_ops=["sign", "verify"])
        self.encryption_key = _key(key_bits, alg="RSA-OAEP-256", key_ops=["wrapKey", "unwrapKey"])
        self._short_key = None
        self._pki = None
        self.crl_fetches = 0
        self.ocsp_requests = 0
        self.base_url = ""
        self.destinations = {}
        self.reset()

    def reset(self):
        with self.lock:
            self.tokens = set()
            self.submissions = {}
            self.events = collections.defaultdict(list)
            self.delivered = collections.Counter()
            self.crl_fetches = 0
            self.ocsp_requests = 0
            self.hooks = {
                "fail_next": "",
                "fail_submit": "",
                "answer_twice": False,
                "reject_next": False,
                "undecided_next": False,
                "events_down": False,
                "key": "valid",
                "certificate": "valid",
                "crl_down": False,
                "ocsp": "",
                "timeout_seconds": 3,
            }

    # -- keys ------------------------------------------------------------------------------

    @property
    def pki(self):
        """The test CA and the certificates of the destinations' key (made on first use)."""
        with self.lock:
            if self._pki is None:
                public = self.encryption_key.get_op_key("wrapKey")
                self._pki = TestPKI(self.base_url, public)
            return self._pki

    def published_key(self):
        """The public key destinations hand out, spoiled as the ``key`` hook says."""
        mode = self.hooks["key"]
        if mode == "short":
            if self._short_key is None:
                self._short_key = _key(2048, alg="RSA-OAEP-256", key_ops=["wrapKey", "unwrapKey"])
            public = json.loads(self._short_key.export_public())
        elif mode == "ec":
            public = json.loads(
                jwk.JWK.generate(kty="EC", crv="P-256", kid="ec-key").export_public()
            )
            public.update({"alg": "ECDH-ES", "key_ops": ["wrapKey"]})
            return public
        else:
            public = json.loads(self.encryption_key.export_public())
        public["key_ops"] = ["wrapKey"]
        if mode == "wrong-use":
            public["key_ops"] = ["verify"]
        elif mode == "wrong-alg":
            public["alg"] = "RSA1_5"
        elif mode == "expired":
            public["exp"] = int(time.time()) - 3600
        if mode != "short":
            chain = self.pki.x5c(self.hooks["certificate"])
            if chain:
                public["x5c"] = chain
        return public

    def private_key(self, kid):
        for key in (self.encryption_key, self._short_key):
            if key is not None and key.key_id == kid:
                return key
        return None

    # -- destinations and submissions ------------------------------------------------------

    def add_destination(self, destination_id, services):
        with self.lock:
            self.destinations[destination_id] = {
                service["identifier"]: dict(service.get("schemas") or {}) for service in services
            }

    def destination_json(self, destination_id):
        services = self.destinations[destination_id]
        return {
            "destinationId": destination_id,
            "status": "active",
            "encryptionKid": self.published_key()["kid"],
            "services": [
                {
                    "identifier": identifier,
                    "submissionSchemas": [
                        {"schemaUri": uri, "mimeType": "application/json"} for uri in schemas
                    ],
                }
                for identifier, schemas in services.items()
            ],
        }

    def log(self, submission, event, details=None):
        """Add a signed security event token to the submission's case."""
        claims = {
            "iss": self.base_url,
            "iat": int(time.time()),
            "jti": str(uuid.uuid4()),
            "sub": f"submission:{submission['submissionId']}",
            "txn": f"case:{submission['caseId']}",
            "events": {event: details or {}},
        }
        self.events[submission["caseId"]].append(sign(claims, self.signing_key))

    def check(self, submission, body):
        """Decrypt and check a submission as the receiving software would; its problems."""
        services = self.destinations[submission["destinationId"]]
        problems = []
        try:
            metadata = json.loads(self._decrypt(body["encryptedMetadata"]))
            data_bytes = self._decrypt(body["encryptedData"])
        except (KeyError, ValueError, TypeError) as error:
            return [_problem("encryption", f"cannot decrypt: {error}")], {}
        structure = metadata.get("contentStructure") or {}
        data_part = structure.get("data") or {}
        if data_part.get("hash") != {"type": "sha512", "content": _sha512(data_bytes)}:
            problems.append(_problem("hash-mismatch", "data hash does not match"))
        uri = (data_part.get("submissionSchema") or {}).get("schemaUri")
        schemas = services.get(submission["serviceType"]["identifier"]) or {}
        schema = schemas.get(uri)
        data = {}
        try:
            data = json.loads(data_bytes)
        except ValueError:
            problems.append(_problem("syntax-violation", "data is not JSON"))
        if schema is None and schemas:
            problems.append(_problem("unsupported-schema", f"schema {uri} not accepted here"))
        elif schema is not None:
            errors = sorted(
                jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: e.path
            )
            problems.extend(
                _problem("schema-violation", f"{'/'.join(map(str, e.path))}: {e.message}")
                for e in errors
            )
        listed = {item.get("attachmentId"): item for item in structure.get("attachments") or ()}
        if set(listed) != set(submission["announced"]):
            problems.append(_problem("incorrect-attachments", "attachments differ from announced"))
        hashes_right = 0
        for attachment_id, encrypted in submission["attachments"].items():
            try:
                content = self._decrypt(encrypted)
            except (ValueError, TypeError) as error:
                problems.append(_problem("encryption", f"attachment {attachment_id}: {error}"))
                continue
            expected = (listed.get(attachment_id) or {}).get("hash")
            if expected == {"type": "sha512", "content": _sha512(content)}:
                hashes_right += 1
            else:
                problems.append(_problem("hash-mismatch", f"attachment {attachment_id}"))
        return problems, {"data": data, "metadata": metadata, "hashes_right": hashes_right}

    def _decrypt(self, token):
        header = json.loads(_b64(token.split(".")[0]))
        key = self.private_key(header.get("kid"))
        if key is None:
            raise ValueError("unknown key")
        if header.get("alg") != "RSA-OAEP-256" or header.get("enc") != "A256GCM":
            raise ValueError("wrong algorithms")
        return decrypt(token, key)

    def take(self, name):
        with self.lock:
            value, self.hooks[name] = self.hooks[name], type(self.hooks[name])()
        return value


def _b64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sha512(content):
    return hashlib.sha512(content).hexdigest()


def _problem(kind, detail):
    return {
        "type": f"https://schema.fitko.de/fit-connect/events/problems/{kind}",
        "title": kind,
        "detail": detail,
        "instance": "submission",
    }


class Handler(BaseHTTPRequestHandler):
    server_version = "HerneFitConnectTest/1.0"
    protocol_version = "HTTP/1.1"

    @property
    def fc(self):
        return self.server.fit_connect

    def log_message(self, format, *args):  # quiet in tests
        pass

    def _send(self, status, body=None):
        payload = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _send_bytes(self, payload, content_type):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _failure(self, hook="fail_next"):
        """Play the failure a test asked for; True when the request was answered by it."""
        failure = self.fc.take(hook)
        if failure == "500":
            self._send(500, {"error": "internal"})
        elif failure == "timeout":
            time.sleep(float(self.fc.hooks["timeout_seconds"]))
            self._send(504, {"error": "late"})
        elif failure == "malformed":
            payload = b"<html>not json</html>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        else:
            return False
        return True

    def _authorised(self):
        header = self.headers.get("Authorization", "")
        return header.startswith("Bearer ") and header[7:] in self.fc.tokens

    def _parts(self):
        return self.path.split("?")[0].strip("/").split("/")

    def do_GET(self):
        parts = self._parts()
        fc = self.fc
        if parts == [".well-known", "jwks.json"]:
            return self._send(200, {"keys": [json.loads(fc.signing_key.export_public())]})
        if parts == ["_deliveries"]:
            with fc.lock:
                listing = [
                    {key: value for key, value in s.items() if key not in ("attachments",)}
                    for s in fc.submissions.values()
                ]
                return self._send(
                    200,
                    {
                        "submissions": listing,
                        "delivered": dict(fc.delivered),
                        "crl_fetches": fc.crl_fetches,
                        "ocsp_requests": fc.ocsp_requests,
                    },
                )
        if "/" + "/".join(parts) == CRL_PATH:
            with fc.lock:
                fc.crl_fetches += 1
            if fc.hooks["crl_down"]:
                return self._send(503, {"error": "revocation list unavailable"})
            return self._send_bytes(fc.pki.authority.crl(), "application/pkix-crl")
        if "/" + "/".join(parts) == ROOT_PATH:
            return self._send_bytes(fc.pki.root_pem().encode("ascii"), "application/x-pem-file")
        if parts[:1] != ["v1"]:
            return self._send(404, {"error": "not found"})
        if not self._authorised():
            return self._send(401, {"error": "unauthorised"})
        if self._failure():
            return None
        if len(parts) == 3 and parts[1] == "destinations":
            if parts[2] not in fc.destinations:
                return self._send(404, {"error": "unknown destination"})
            return self._send(200, fc.destination_json(parts[2]))
        if len(parts) == 5 and parts[1] == "destinations" and parts[3] == "keys":
            published = fc.published_key()
            if parts[2] not in fc.destinations or parts[4] != published["kid"]:
                return self._send(404, {"error": "unknown key"})
            return self._send(200, published)
        if len(parts) == 4 and parts[1] == "cases" and parts[3] == "events":
            if fc.hooks["events_down"]:
                return self._send(503, {"error": "event log unavailable"})
            with fc.lock:
                return self._send(200, {"eventLog": list(fc.events.get(parts[2], ()))})
        return self._send(404, {"error": "not found"})

    def do_POST(self):
        parts = self._parts()
        fc = self.fc
        if parts == ["token"]:
            form = dict(
                pair.split("=", 1) for pair in self._body().decode().split("&") if "=" in pair
            )
            form = {key: unquote_plus(value) for key, value in form.items()}
            if form.get("grant_type") != "client_credentials" or (
                form.get("client_id"),
                form.get("client_secret"),
            ) != (fc.client_id, fc.client_secret):
                return self._send(401, {"error": "invalid_client"})
            token = secrets.token_urlsafe(24)
            with fc.lock:
                fc.tokens.add(token)
            return self._send(
                200, {"access_token": token, "token_type": "Bearer", "expires_in": 1800}
            )
        if "/" + "/".join(parts) == OCSP_PATH:
            request = self._body()
            with fc.lock:
                fc.ocsp_requests += 1
                mode = fc.hooks["ocsp"]
            if mode == "down":
                return self._send(503, {"error": "OCSP responder unavailable"})
            return self._send_bytes(
                fc.pki.ocsp_response(request, mode), "application/ocsp-response"
            )
        if parts == ["_hooks"]:
            hooks = json.loads(self._body() or b"{}")
            if hooks.pop("reset", False):
                fc.reset()
            with fc.lock:
                fc.hooks.update({k: v for k, v in hooks.items() if k in fc.hooks})
                return self._send(200, fc.hooks)
        if parts == ["_decide"]:
            body = json.loads(self._body() or b"{}")
            with fc.lock:
                submission = fc.submissions.get(body.get("submissionId"))
                if submission is None or submission["status"] != "submitted":
                    return self._send(404, {"error": "no undecided submission"})
                if body.get("decision") == "reject":
                    problems = [_problem("technical-error", "Das Fachverfahren lehnt ab (Test).")]
                    submission.update(status="rejected", problems=problems)
                    fc.log(submission, REJECT, {"problems": problems})
                else:
                    submission["status"] = "accepted"
                    fc.log(submission, ACCEPT)
            return self._send(200, {"status": submission["status"]})
        if parts == ["_destinations"]:
            body = json.loads(self._body() or b"{}")
            fc.add_destination(body["destinationId"], body.get("services") or ())
            return self._send(200, fc.destination_json(body["destinationId"]))
        if parts == ["v1", "submissions"]:
            if not self._authorised():
                return self._send(401, {"error": "unauthorised"})
            if self._failure():
                return None
            try:
                body = json.loads(self._body())
                destination = body["destinationId"]
                service = body["serviceType"]
                announced = [str(uuid.UUID(a)) for a in body.get("announcedAttachments") or ()]
            except (ValueError, KeyError, TypeError):
                return self._send(400, {"error": "malformed submission"})
            if destination not in fc.destinations:
                return self._send(404, {"error": "unknown destination"})
            if service.get("identifier") not in fc.destinations[destination]:
                return self._send(422, {"error": "service not offered by destination"})
            submission = {
                "submissionId": str(uuid.uuid4()),
                "caseId": str(uuid.uuid4()),
                "destinationId": destination,
                "serviceType": service,
                "announced": announced,
                "attachments": {},
                "status": "created",
                "submitted": 0,
                "problems": [],
                "reference": "",
                "hashes_right": 0,
            }
            with fc.lock:
                fc.submissions[submission["submissionId"]] = submission
                fc.log(submission, CREATE)
            return self._send(
                201,
                {key: submission[key] for key in ("submissionId", "caseId", "destinationId")},
            )
        return self._send(404, {"error": "not found"})

    def do_PUT(self):
        parts = self._parts()
        fc = self.fc
        if parts[:2] != ["v1", "submissions"] or len(parts) not in (3, 5):
            return self._send(404, {"error": "not found"})
        if not self._authorised():
            return self._send(401, {"error": "unauthorised"})
        body = self._body()
        if self._failure():
            return None
        submission = fc.submissions.get(parts[2])
        if submission is None:
            return self._send(404, {"error": "unknown submission"})
        if len(parts) == 5:
            if parts[3] != "attachments" or parts[4] not in submission["announced"]:
                return self._send(404, {"error": "attachment not announced"})
            if submission["status"] != "created":
                return self._send(409, {"error": "submission already submitted"})
            if self.headers.get("Content-Type") != "application/jose":
                return self._send(415, {"error": "attachments are JWE (application/jose)"})
            with fc.lock:
                submission["attachments"][parts[4]] = body.decode("ascii")
            return self._send(204)
        return self._submit(submission, body)

    def _submit(self, submission, raw):
        fc = self.fc
        if self._failure("fail_submit"):
            return None
        with fc.lock:
            if submission["status"] != "created":
                return self._send(409, {"error": "submission already submitted"})
            if set(submission["attachments"]) != set(submission["announced"]):
                return self._send(422, {"error": "announced attachments missing"})
            try:
                body = json.loads(raw)
            except ValueError:
                return self._send(400, {"error": "malformed"})
            problems, checked = fc.check(submission, body)
            reference = (checked.get("data") or {}).get("referenceNumber", "")
            submission.update(
                status="submitted",
                received_at=time.time(),
                submitted=submission["submitted"] + 1,
                reference=reference,
                hashes_right=checked.get("hashes_right", 0),
                data=checked.get("data"),
                metadata=checked.get("metadata"),
            )
            fc.delivered[reference] += 1
            fc.log(submission, SUBMIT)
            if fc.take("reject_next"):
                problems.append(_problem("technical-error", "Das Fachverfahren lehnt ab (Test)."))
            if fc.take("undecided_next") and not problems:
                pass  # taken; the receiving software decides later (or never)
            elif problems:
                submission.update(status="rejected", problems=problems)
                fc.log(submission, REJECT, {"problems": problems})
            else:
                submission["status"] = "accepted"
                fc.log(submission, ACCEPT)
            twice = fc.take("answer_twice")
        if twice:
            return self._send(500, {"error": "taken, but the answer got lost"})
        return self._send(202, {"submissionId": submission["submissionId"]})


def serve(port=0, host="127.0.0.1", key_bits=4096):
    """A started server (in a daemon thread); ``server.fit_connect.base_url`` is its address."""
    server = serve_in_thread(Handler, host, port)
    server.fit_connect = FitConnect(key_bits=key_bits)
    server.fit_connect.base_url = server.base_url
    return server


def main(argv=None):
    parser = argparse.ArgumentParser(description="FIT-Connect test server (Submission API)")
    parser.add_argument("--port", type=int, default=8092)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    server = serve(args.port, args.host)
    fc = server.fit_connect
    fc.add_destination(DEMO_DESTINATION, [{"identifier": DEMO_SERVICE, "schemas": {}}])
    print(f"READY {fc.base_url}", flush=True)
    print(f"client id {fc.client_id}, secret {fc.client_secret}", flush=True)
    print(f"token URL {fc.base_url}/token, destination {DEMO_DESTINATION}", flush=True)
    print(f"trusted root (PEM, for the control panel) at {fc.base_url}{ROOT_PATH}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
