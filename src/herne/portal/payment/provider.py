"""The payment provider interface and its XBezahldienste client (FITKO's payment standard)."""

from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from decimal import Decimal
from decimal import InvalidOperation
from herne.portal.payment.errors import MALFORMED
from herne.portal.payment.errors import REFUSED
from herne.portal.payment.errors import UNREACHABLE
from herne.portal.payment.errors import PaymentServiceError
import logging
import requests
from urllib.parse import quote
from zope.interface import Interface
from zope.interface import implementer


logger = logging.getLogger("herne.portal.payment")

#: Seconds to connect and to read an answer; a payment service slower than that is "unreachable".
TIMEOUT = (5, 15)

#: The states the portal knows, whatever the payment service calls them.
PENDING = "pending"
PAID = "paid"
CANCELLED = "cancelled"
FAILED = "failed"

#: XBezahldienste ``paymentInformation.status`` -> the portal's state. TIMEOUT is not in the
#: standard's list we follow but some services send it for an abandoned pay page.
XBEZAHLDIENSTE_STATES = {
    "INITIAL": PENDING,
    "PAYED": PAID,
    "CANCELED": CANCELLED,
    "FAILED": FAILED,
    "TIMEOUT": FAILED,
}


@dataclass(frozen=True)
class Initiated:
    """A payment transaction the service has opened: its id and the pay page for the citizen."""

    transaction_id: str
    pay_url: str


@dataclass(frozen=True)
class PaymentStatus:
    """What the payment service says of a transaction, read through its status query."""

    state: str
    amount: Decimal
    #: The service's reference of the payment (for the finance office), once paid.
    payment_reference: str = ""
    #: How it was paid, as the service names it (e.g. CREDITCARD, PAYPAL, GIROPAY).
    method: str = ""
    #: Our reference (``requestId``) the transaction was opened with.
    reference: str = ""


@dataclass(frozen=True)
class Refunded:
    """A refund the payment service has made: its reference and amount."""

    refund_reference: str
    amount: Decimal


class RefundNotOffered(PaymentServiceError):
    """The payment service has no refund call (the finance office refunds by hand)."""


#: Answers of a service that has no refund call at that address.
NO_REFUND_CALL = (404, 405, 501)


class IPaymentProvider(Interface):
    """A payment service: opens a transaction and tells its state."""

    def initiate(amount, reference, purpose, return_url, description=""):
        """Open a transaction of ``amount`` (Decimal euros) for ``reference``.

        ``purpose`` is the booking text on the citizen's statement, ``return_url`` where
        the pay page sends the citizen back. Returns ``Initiated``; raises
        ``PaymentServiceError`` with a German message on any failure.
        """

    def status(transaction_id):
        """The ``PaymentStatus`` of ``transaction_id``; raises ``PaymentServiceError``."""

    def refund(transaction_id, amount, refund_id, purpose=""):
        """Refund ``amount`` of the paid ``transaction_id``; returns ``Refunded``.

        ``refund_id`` is ours and the same for every try of one refund, so that a try
        repeated after a lost answer refunds once. Raises ``RefundNotOffered`` when the
        service has no refund call, else ``PaymentServiceError`` on any failure.
        """


def _amount(value):
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError) as error:
        raise PaymentServiceError(MALFORMED, f"amount {value!r}") from error
    return amount


@implementer(IPaymentProvider)
class XBezahldiensteClient:
    """XBezahldienste over HTTPS with HTTP Basic credentials (see docs/decisions/0003)."""

    def __init__(
        self, base_url, originator_id, endpoint_id, username="", password="", timeout=TIMEOUT
    ):
        self.base_url = (base_url or "").rstrip("/")
        self.originator_id = originator_id
        self.endpoint_id = endpoint_id
        self.auth = (username, password) if username else None
        self.timeout = timeout

    def _collection_url(self):
        return (
            f"{self.base_url}/paymenttransaction/"
            f"{quote(self.originator_id, safe='')}/{quote(self.endpoint_id, safe='')}"
        )

    def _call(self, method, url, **kwargs):
        try:
            response = requests.request(method, url, auth=self.auth, timeout=self.timeout, **kwargs)
        except requests.RequestException as error:
            raise PaymentServiceError(UNREACHABLE, f"{method} {url}: {error}") from error
        if response.status_code >= 500:
            raise PaymentServiceError(UNREACHABLE, f"{method} {url}: HTTP {response.status_code}")
        if response.status_code >= 400:
            raise PaymentServiceError(REFUSED, f"{method} {url}: HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError as error:
            raise PaymentServiceError(MALFORMED, f"{method} {url}: not JSON") from error
        info = body.get("paymentInformation") if isinstance(body, dict) else None
        if not isinstance(info, dict) or not isinstance(info.get("transactionId"), str):
            raise PaymentServiceError(MALFORMED, f"{method} {url}: no paymentInformation")
        request = body.get("paymentRequest")
        return info, request if isinstance(request, dict) else {}

    def initiate(self, amount, reference, purpose, return_url, description=""):
        amount = Decimal(amount).quantize(Decimal("0.01"))
        payload = {
            "requestId": reference,
            "requestTimestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "currency": "EUR",
            "grosAmount": float(amount),
            "purpose": purpose,
            "description": description or purpose,
            "redirectUrl": return_url,
            "items": [
                {
                    "id": reference,
                    "reference": reference,
                    "description": description or purpose,
                    "quantity": 1,
                    "singlePrice": float(amount),
                    "grosAmount": float(amount),
                }
            ],
        }
        info, _request = self._call("POST", self._collection_url(), json=payload)
        pay_url = info.get("transactionRedirectUrl")
        if not isinstance(pay_url, str) or not pay_url.startswith(("https://", "http://")):
            raise PaymentServiceError(MALFORMED, "no transactionRedirectUrl")
        logger.info("payment %s opened for %s (%s EUR)", info["transactionId"], reference, amount)
        return Initiated(transaction_id=info["transactionId"], pay_url=pay_url)

    def status(self, transaction_id):
        url = f"{self._collection_url()}/{quote(transaction_id, safe='')}"
        info, request = self._call("GET", url)
        if info["transactionId"] != transaction_id:
            raise PaymentServiceError(MALFORMED, f"status of {transaction_id} names another one")
        state = XBEZAHLDIENSTE_STATES.get(info.get("status"))
        if state is None:
            raise PaymentServiceError(MALFORMED, f"unknown status {info.get('status')!r}")
        return PaymentStatus(
            state=state,
            amount=_amount(request.get("grosAmount")),
            payment_reference=str(info.get("transactionReference") or ""),
            method=str(info.get("paymentMethod") or ""),
            reference=str(request.get("requestId") or ""),
        )

    def refund(self, transaction_id, amount, refund_id, purpose=""):
        amount = Decimal(amount).quantize(Decimal("0.01"))
        url = f"{self._collection_url()}/{quote(transaction_id, safe='')}/refund"
        payload = {
            "refundId": refund_id,
            "requestTimestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "currency": "EUR",
            "grosAmount": float(amount),
            "purpose": purpose or refund_id,
        }
        try:
            response = requests.post(url, json=payload, auth=self.auth, timeout=self.timeout)
        except requests.RequestException as error:
            raise PaymentServiceError(UNREACHABLE, f"POST {url}: {error}") from error
        if response.status_code in NO_REFUND_CALL:
            raise RefundNotOffered(REFUSED, f"POST {url}: HTTP {response.status_code}")
        if response.status_code >= 500:
            raise PaymentServiceError(UNREACHABLE, f"POST {url}: HTTP {response.status_code}")
        if response.status_code >= 400:
            raise PaymentServiceError(REFUSED, f"POST {url}: HTTP {response.status_code}")
        try:
            refund = response.json().get("refund")
        except (ValueError, AttributeError) as error:
            raise PaymentServiceError(MALFORMED, f"POST {url}: not JSON") from error
        if (
            not isinstance(refund, dict)
            or refund.get("refundId") != refund_id
            or refund.get("status") != "REFUNDED"
            or _amount(refund.get("grosAmount")) != amount
        ):
            raise PaymentServiceError(MALFORMED, f"POST {url}: no refund of {amount} EUR")
        logger.info("payment %s refunded (%s EUR, %s)", transaction_id, amount, refund_id)
        return Refunded(refund_reference=str(refund.get("refundReference") or ""), amount=amount)
