"""The FIT-Connect Submission API as the portal calls it: token, destination, submission, events."""

import hashlib
from herne.portal import _
from herne.portal.fitconnect.errors import Refused
from herne.portal.fitconnect.errors import Unreachable
from herne.portal.i18n import in_german
import logging
import requests
import threading
import time


logger = logging.getLogger("herne.portal.fitconnect")

#: Seconds to connect and to read an answer; a slower API counts as unreachable (tried again).
TIMEOUT = (5, 20)

UNREACHABLE = _("FIT-Connect ist nicht erreichbar (${detail}). Die Zustellung wird wiederholt.")
REFUSED = _("FIT-Connect hat die Anfrage abgelehnt (${detail}).")
#: Access tokens by (token URL, client id, hash of the secret): every delivery makes its own
#: client, and FIT-Connect's tokens last 30 minutes.
_tokens = {}
_tokens_lock = threading.Lock()

NO_JSON = _("keine JSON-Antwort")
NO_TOKEN = _("FIT-Connect hat keinen Zugangsschlüssel ausgegeben: Client-ID und -Secret prüfen.")


def _unreachable(detail):
    return Unreachable(in_german(_(UNREACHABLE, mapping={"detail": detail})), detail)


class FitConnectClient:
    """One sender's access to the Submission API (OAuth 2.0 client credentials)."""

    def __init__(self, token_url, api_url, client_id, client_secret, timeout=TIMEOUT):
        self.token_url = token_url
        self.api_url = api_url.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self.timeout = timeout
        self.session = requests.Session()
        self._cache_key = (
            token_url,
            client_id,
            hashlib.sha256((client_secret or "").encode()).hexdigest(),
        )

    # -- transport ---------------------------------------------------------------------------

    def _call(self, method, url, **kwargs):
        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.RequestException as error:
            raise _unreachable(type(error).__name__) from error
        if response.status_code >= 500 or response.status_code == 429:
            raise _unreachable(f"HTTP {response.status_code}")
        return response

    def _json(self, response):
        try:
            return response.json()
        except ValueError as error:
            raise _unreachable(in_german(NO_JSON)) from error

    def token(self):
        """A valid access token, fetched again shortly before the old one runs out."""
        with _tokens_lock:
            token, expires = _tokens.get(self._cache_key, (None, 0))
        if token and time.time() < expires - 30:
            return token
        response = self._call(
            "POST",
            self.token_url,
            data={
                "grant_type": "client_credentials",
                "client_id": self.client_id,
                "client_secret": self.client_secret,
            },
        )
        if response.status_code != 200:
            raise Refused(in_german(NO_TOKEN))
        answer = self._json(response)
        if not answer.get("access_token"):
            raise Refused(in_german(NO_TOKEN))
        expires = time.time() + int(answer.get("expires_in") or 300)
        with _tokens_lock:
            _tokens[self._cache_key] = (answer["access_token"], expires)
        return answer["access_token"]

    def _api(self, method, path, expected, **kwargs):
        """Call the API; an expired token is renewed once. Returns the response."""
        for attempt in (1, 2):
            headers = {"Authorization": f"Bearer {self.token()}", **kwargs.pop("headers", {})}
            response = self._call(method, f"{self.api_url}{path}", headers=headers, **kwargs)
            if response.status_code == 401 and attempt == 1:
                with _tokens_lock:
                    _tokens.pop(self._cache_key, None)
                continue
            break
        if response.status_code not in expected:
            logger.warning(
                "%s %s: HTTP %s %s", method, path, response.status_code, response.text[:300]
            )
            raise Refused(in_german(_(REFUSED, mapping={"detail": f"HTTP {response.status_code}"})))
        return response

    # -- the Submission API -------------------------------------------------------------------

    def destination(self, destination_id):
        """The destination: its status, services with their schemas, and ``encryptionKid``."""
        return self._json(self._api("GET", f"/v1/destinations/{destination_id}", (200,)))

    def destination_key(self, destination_id, kid):
        """The destination's public encryption key as a JWK (dict), unchecked."""
        return self._json(self._api("GET", f"/v1/destinations/{destination_id}/keys/{kid}", (200,)))

    def announce(self, destination_id, service_identifier, service_name, attachment_ids):
        """Announce a submission; returns ``{"submissionId", "caseId", "destinationId"}``."""
        body = {
            "destinationId": destination_id,
            "announcedAttachments": list(attachment_ids),
            "serviceType": {"identifier": service_identifier, "name": service_name},
        }
        return self._json(self._api("POST", "/v1/submissions", (201,), json=body))

    def upload_attachment(self, submission_id, attachment_id, encrypted):
        """Upload one encrypted attachment (JWE compact); uploading it again replaces it."""
        self._api(
            "PUT",
            f"/v1/submissions/{submission_id}/attachments/{attachment_id}",
            (204,),
            data=encrypted.encode("ascii"),
            headers={"Content-Type": "application/jose"},
        )

    def submit(self, submission_id, encrypted_metadata, encrypted_data):
        """Hand the announced submission over; True when accepted now, False when it was already."""
        response = self._api(
            "PUT",
            f"/v1/submissions/{submission_id}",
            (202, 409),
            json={"encryptedMetadata": encrypted_metadata, "encryptedData": encrypted_data},
        )
        return response.status_code == 202

    def event_log(self, case_id):
        """The case's events: a list of signed security event tokens (compact JWS)."""
        answer = self._json(self._api("GET", f"/v1/cases/{case_id}/events", (200,)))
        return list(answer.get("eventLog") or ())

    def signing_keys(self):
        """The API's public signing keys (JWKS) that verify the event log."""
        return self._json(self._call("GET", f"{self.api_url}/.well-known/jwks.json"))
