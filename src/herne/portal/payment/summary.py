"""An application's payment as REST shows it (``@zahlung``, the 402 of ``@antragsformular``)."""

from decimal import Decimal
from herne.portal import _
from herne.portal.i18n import GERMAN
from herne.portal.i18n import in_german
from herne.portal.i18n import in_language
from herne.portal.i18n import in_request_language
from herne.portal.payment.amount import amount_due
from herne.portal.payment.amount import fee_rules
from herne.portal.payment.flow import open_pay_url
from herne.portal.payment.flow import payment_of
from herne.portal.payment.provider import CANCELLED
from herne.portal.payment.provider import FAILED
from herne.portal.payment.provider import PAID
from herne.portal.payment.provider import PENDING
from herne.portal.payment.settings import fees_paid_online


#: XBezahldienste payment methods as the citizen and the clerk read them.
METHODS = {
    "CREDITCARD": _("Kreditkarte"),
    "PAYPAL": _("PayPal"),
    "GIROPAY": _("giropay"),
    "PAYDIRECT": _("paydirekt"),
    "DIRECTDEBIT": _("Lastschrift"),
    "INVOICE": _("Rechnung"),
    "OTHER": _("andere Zahlungsart"),
}

#: How the Postkorb names a draft by its payment.
DRAFT_TITLES = {
    PENDING: _("Entwurf – Zahlung noch nicht bestätigt"),
    CANCELLED: _("Entwurf – Zahlung abgebrochen"),
    FAILED: _("Entwurf – Zahlung fehlgeschlagen"),
}


def payment_json(application):
    """State, amount, currency, and the pay page while open; the service's reference once paid."""
    record = payment_of(application)
    if not record:
        return {"payment_state": None}
    return {
        "payment_state": record.get("state"),
        "amount": record.get("amount"),
        "currency": "EUR",
        "lines": record.get("lines") or [],
        "payment_url": open_pay_url(application),
        "payment_reference": record.get("payment_reference") or None,
        "payment_method": record.get("method") or None,
        "refund": refund_state(application),
    }


def draft_payment_title(draft):
    """The Postkorb's state title of a draft with a payment (in the page's language), or None."""
    title = DRAFT_TITLES.get((payment_of(draft) or {}).get("state"))
    return in_request_language(title) if title else None


def paid_fee_rows(application, language=GERMAN):
    """The receipt's rows of a paid fee: amount, payment reference and method (in ``language``)."""
    record = payment_of(application) or {}
    if record.get("state") != PAID:
        return []
    method = record.get("method") or ""

    def text(message):
        return in_language(message, language)

    return [
        (text(_("Gebühr bezahlt")), f"{record['amount'].replace('.', ',')} €"),
        (text(_("Zahlungsreferenz")), record.get("payment_reference") or ""),
        (text(_("Zahlungsart")), text(METHODS[method]) if method in METHODS else method),
    ]


def fee_json(service):
    """The fee a form charges online before submitting, or None (free, or paid otherwise).

    ``amount`` is the first fee; ``surcharges`` are added from the form's values.
    """
    if service is None or not fees_paid_online(service):
        return None
    return {
        "amount": str(amount_due(service)),
        "currency": "EUR",
        "surcharges": [
            {
                "field": rule["field"].strip(),
                "choice": (rule.get("choice") or "").strip() or None,
                "amount": str(Decimal(str(rule["amount"])).quantize(Decimal("0.01"))),
                "included": int(rule.get("included") or 0),
                "label": rule.get("label") or "",
            }
            for rule in fee_rules(service)
        ],
    }


#: How the worklist names an application's payment.
WORKLIST_TITLES = {
    PAID: _("Gebühr online bezahlt"),
    PENDING: _("Zahlung offen"),
    CANCELLED: _("Zahlung abgebrochen"),
    FAILED: _("Zahlung fehlgeschlagen"),
}


def worklist_payment_title(state):
    """The worklist's German note on a payment state (catalog metadata), or None."""
    title = WORKLIST_TITLES.get(state)
    return in_german(title) if title else None


def refund_state(application):
    """The refund task's state ("open", "done") with its amount, or None."""
    refund = getattr(application, "refund", None)
    if not refund:
        return None
    return {
        "state": refund["state"],
        "amount": refund["amount"],
        # Set when the payment service made the refund through its refund call.
        "refund_reference": refund.get("refund_reference") or None,
    }
