"""The amount a citizen pays for a service, always computed on the server from its fees and the form's values."""

from dataclasses import dataclass
from decimal import Decimal
from decimal import InvalidOperation
from herne.portal import _
from herne.portal.payment.service import IServicePayment


CENT = Decimal("0.01")
#: A number field counts at most this many pieces (a typing slip must not cost a fortune).
MAX_PIECES = 999


@dataclass(frozen=True)
class FeeLine:
    """One line of the amount: what for, how many, the price of one, the line's total."""

    label: str
    quantity: int
    unit: Decimal

    @property
    def total(self):
        return (self.unit * self.quantity).quantize(CENT)


def _euros(value):
    try:
        return Decimal(str(value)).quantize(CENT)
    except (InvalidOperation, TypeError, ValueError):
        return None


def base_fee(service):
    """The service's first fee row with an amount, as (amount, purpose), or None (free)."""
    for row in service.fees or ():
        amount = _euros(row.get("amount")) if isinstance(row, dict) else None
        if amount:
            return amount, row.get("purpose") or ""
    return None


def fee_rules(service):
    """The service's rules of fees depending on form values (payment behavior), as dicts."""
    behavior = IServicePayment(service, None)
    rules = getattr(behavior, "fee_rules", None) if behavior is not None else None
    return [rule for rule in rules or () if isinstance(rule, dict) and rule.get("field")]


def pieces(value):
    """A number field's value as a count of pieces (0 for nothing or nonsense, at most MAX_PIECES)."""
    if isinstance(value, bool) or value is None:
        return 0
    try:
        number = int(Decimal(str(value).strip()))
    except (InvalidOperation, ValueError):
        return 0
    return max(0, min(number, MAX_PIECES))


def chosen(value, choice):
    """Whether a choice field's value (one value or several) is ``choice``."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(str(item).strip() == choice for item in value)
    return value is not None and str(value).strip() == choice


def rule_quantity(rule, value):
    """How often ``rule`` is charged for the form field's ``value``."""
    choice = (rule.get("choice") or "").strip()
    if choice:
        return 1 if chosen(value, choice) else 0
    return max(0, pieces(value) - int(rule.get("included") or 0))


def fee_lines(service, values=None):
    """The lines of the amount for the form ``values`` (none yet: the first fee only).

    Empty for a free service (no fee with an amount): rules never make it cost.
    """
    base = base_fee(service)
    if base is None:
        return []
    lines = [FeeLine(label=base[1], quantity=1, unit=base[0])]
    values = values or {}
    for rule in fee_rules(service):
        unit = _euros(rule.get("amount"))
        quantity = rule_quantity(rule, values.get(rule["field"].strip()))
        if unit and quantity:
            lines.append(FeeLine(label=rule.get("label") or "", quantity=quantity, unit=unit))
    return lines


def amount_due(service, values=None):
    """The fee of one application with the form ``values`` (0 for a free service)."""
    return sum((line.total for line in fee_lines(service, values)), Decimal("0.00"))


def euro_text(amount):
    """12,50 (German notation, without the sign)."""
    return f"{Decimal(amount):.2f}".replace(".", ",")


def surcharge_texts(service):
    """The form's notes on what is added by its values, before the citizen starts (German messages)."""
    texts = []
    if base_fee(service) is None:
        return texts
    for rule in fee_rules(service):
        unit = _euros(rule.get("amount"))
        if unit:
            texts.append(
                _(
                    "zuzüglich ${amount} € ${label}",
                    mapping={"amount": euro_text(unit), "label": rule.get("label") or ""},
                )
            )
    return texts


AMOUNT_DIFFERS = _(
    "Der Betrag ${claimed} € passt nicht zur Gebühr, die sich aus Ihren Angaben ergibt "
    "(${amount} €). Es wurde nichts gespeichert."
)
AMOUNT_UNREADABLE = _("Bitte geben Sie den Betrag als Zahl in Euro an, zum Beispiel 12,50.")


def claimed_amount_error(due, claimed):
    """Why an amount a client names is refused (German), or None when it is ``due``.

    The amount is never taken from a request; a client that shows it to the citizen
    may send it back to make sure both agree.
    """
    amount = _euros(str(claimed).strip().replace(",", ".")) if claimed is not None else None
    if amount is None or isinstance(claimed, bool):
        return AMOUNT_UNREADABLE
    if amount != due:
        return _(AMOUNT_DIFFERS, mapping={"claimed": euro_text(amount), "amount": euro_text(due)})
    return None


def lines_record(lines):
    """The lines as the payment record keeps them (plain data)."""
    return [
        {"label": line.label, "quantity": line.quantity, "amount": str(line.total)}
        for line in lines
    ]
