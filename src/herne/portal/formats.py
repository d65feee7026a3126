"""How figures and dates are written for German readers: decimal comma, day.month.year."""

#: ``25.11.2026``
DATE_FORMAT = "%d.%m.%Y"
#: ``25.11.2026, 14:05 Uhr``: the moment an application came in, on the page and the receipt.
DATETIME_FORMAT = f"{DATE_FORMAT}, %H:%M Uhr"


def decimal_comma(number):
    """``2.5`` as ``2,5`` (``:g``, no thousands separator): pages, charts and CSV alike."""
    return f"{number:g}".replace(".", ",")


def german_date(moment):
    """``25.11.2026`` for a date, a datetime or a Zope DateTime."""
    return moment.strftime(DATE_FORMAT)


def german_datetime(moment):
    """``25.11.2026, 14:05 Uhr`` for a datetime or a Zope DateTime."""
    return moment.strftime(DATETIME_FORMAT)
