"""The amount a citizen pays for a service, always computed on the server from the service's fees."""

from decimal import Decimal


def amount_due(service):
    """The fee of one application: the service's first fee row (0 for a free service).

    Further rows are alternatives or extras (a second dog, further copies) that depend
    on form values; they are not charged yet (issue 19, next slice).
    """
    for row in service.fees or ():
        amount = row.get("amount") if isinstance(row, dict) else None
        if amount:
            return Decimal(amount).quantize(Decimal("0.01"))
    return Decimal("0.00")
