"""An application's payment as REST shows it (``@zahlung``, the 402 of ``@antragsformular``)."""

from herne.portal.payment.flow import open_pay_url
from herne.portal.payment.flow import payment_of


def payment_json(application):
    """State, amount, currency, and the pay page while open; the service's reference once paid."""
    record = payment_of(application)
    if not record:
        return {"payment_state": None}
    return {
        "payment_state": record.get("state"),
        "amount": record.get("amount"),
        "currency": "EUR",
        "payment_url": open_pay_url(application),
        "payment_reference": record.get("payment_reference") or None,
        "payment_method": record.get("method") or None,
    }
