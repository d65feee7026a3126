"""Sender of outbox entries of kind "webhook": a JSON event, signed with HMAC-SHA256 over timestamp + "." + body.

Headers (docs in README.rst):

- ``X-Herne-Event-Id``: the same for every repeat of one event (receivers dedupe by it)
- ``X-Herne-Timestamp``: seconds since 1970 when this attempt was signed
- ``X-Herne-Signature``: ``sha256=`` + hex HMAC-SHA256(secret, timestamp + "." + body)
"""

from datetime import UTC
from datetime import datetime
import hashlib
from herne.portal import _
from herne.portal.i18n import in_german
from herne.portal.outbox.interfaces import IOutboxSender
from herne.portal.outbox.interfaces import PermanentDeliveryError
from herne.portal.outbox.interfaces import TemporaryDeliveryError
from herne.portal.outbox.settings import outbox_setting
from herne.portal.webhooks.addresses import check_address
from herne.portal.webhooks.endpoints import get_endpoint
import hmac
import http.client
import json
from plone import api
import socket
import ssl
import time
from urllib.parse import urlsplit
from zope.interface import implementer


TIMEOUT = 10
ENDPOINT_GONE = _("Der Webhook-Empfänger wurde entfernt.")
APPLICATION_GONE = _("Der Antrag ist nicht mehr vorhanden.")
UNREACHABLE = _("Empfänger nicht erreichbar: ${error}")
ANSWERS = _("Empfänger antwortet ${status}")
REFUSES = _("Empfänger lehnt ab: ${status}")


def signature(secret, timestamp, body):
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def payload(entry, application):
    """The event: what happened to which application; the receiver fetches the rest through REST."""
    portal_url = entry.portal_url or api.portal.get().absolute_url()
    path = "/".join(application.getPhysicalPath()[len(api.portal.get().getPhysicalPath()) :])
    return {
        "id": entry.idempotency_key,
        "type": entry.event,
        "created": datetime.fromtimestamp(entry.created, UTC).isoformat(),
        "application": {
            "uid": entry.application_uid,
            "reference_number": application.reference_number,
            "state": api.content.get_state(application),
            "department_uid": getattr(application, "department_uid", None),
            "url": f"{portal_url}/{path}",
        },
    }


class _PinnedConnection(http.client.HTTPSConnection):
    """Connects to the checked address, and checks the certificate for the host's name."""

    def __init__(self, host, port, address, secure, timeout):
        context = ssl.create_default_context() if secure else None
        super().__init__(host, port, timeout=timeout, context=context)
        self.address = address
        self.secure = secure

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)
        if self.secure:
            self.sock = self._context.wrap_socket(self.sock, server_hostname=self.host)


def post(url, address, body, headers, timeout=TIMEOUT):
    parts = urlsplit(url)
    secure = parts.scheme == "https"
    port = parts.port or (443 if secure else 80)
    connection = _PinnedConnection(parts.hostname, port, address, secure, timeout)
    try:
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        connection.request("POST", target, body=body, headers=headers)
        response = connection.getresponse()
        response.read(65536)
        return response.status
    finally:
        connection.close()


@implementer(IOutboxSender)
class WebhookSender:
    def send(self, entry, application):
        endpoint = get_endpoint(entry.destination)
        if endpoint is None:
            raise PermanentDeliveryError(in_german(ENDPOINT_GONE))
        if application is None:
            raise PermanentDeliveryError(in_german(APPLICATION_GONE))
        error, addresses = check_address(endpoint["url"], outbox_setting("allow_private_webhooks"))
        if error is not None:
            raise PermanentDeliveryError(in_german(error))
        body = json.dumps(payload(entry, application), ensure_ascii=False).encode()
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "herne.portal webhook",
            "X-Herne-Event-Id": entry.idempotency_key,
            "X-Herne-Timestamp": timestamp,
            "X-Herne-Signature": signature(endpoint["secret"], timestamp, body),
        }
        try:
            status = post(endpoint["url"], addresses[0], body, headers)
        except (OSError, http.client.HTTPException) as failure:
            raise TemporaryDeliveryError(
                in_german(_(UNREACHABLE, mapping={"error": type(failure).__name__}))
            ) from failure
        if 200 <= status < 300:
            return {"status": status}
        if status in (408, 425, 429) or status >= 500:
            raise TemporaryDeliveryError(in_german(_(ANSWERS, mapping={"status": str(status)})))
        raise PermanentDeliveryError(in_german(_(REFUSES, mapping={"status": str(status)})))
