"""The checks of a booking request that REST ``@termine`` and the page "Termin buchen" share."""

from herne.portal import _
from herne.portal.booking.slots import refusal
from herne.portal.content.validators import ascii_address


MAX_NAME = 200

NO_START = _("Bitte geben Sie die Uhrzeit des Termins an (ISO 8601).")


def booking_errors(settings, minutes, start, name, email, now):
    """German messages per field ("start", "name", "email") for a booking request; empty when it may be booked.

    ``settings`` is None when the office or service was refused already (no time check then).
    Who may book (the per-person limit, one booking per application) ``reserve`` decides.
    """
    errors = {}
    if start is None:
        errors["start"] = NO_START
    elif settings is not None:
        reason = refusal(settings, minutes, start, now)
        if reason is not None:
            errors["start"] = reason
    if not isinstance(name, str) or not name.strip():
        errors["name"] = _("Bitte geben Sie Ihren Namen an.")
    elif len(name) > MAX_NAME:
        errors["name"] = _("Der Name ist zu lang.")
    if not isinstance(email, str) or ascii_address(email.strip()) is None:
        errors["email"] = _(
            "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@example.org."
        )
    return errors
