"""Field constraints of the catalogue that answer with a German message."""

from herne.portal import _
from zope.interface import Invalid

import re


SERVICE_KEY_PATTERN = re.compile(r"^\d{14}$")
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 /()-]{4,30}$")


def valid_service_key(value):
    """A FIM/LeiKa service key is exactly 14 digits, e.g. 99050012104000."""
    if value and not SERVICE_KEY_PATTERN.match(value):
        raise Invalid(
            _(
                "Der Leistungsschlüssel (FIM/LeiKa) besteht aus genau 14 Ziffern, "
                "zum Beispiel 99050012104000."
            )
        )
    return True


def valid_phone(value):
    if value and not PHONE_PATTERN.match(value):
        raise Invalid(
            _("Bitte geben Sie eine Telefonnummer nur mit Ziffern, Leerzeichen, +, /, ( ) oder - an.")
        )
    return True


def non_negative_amount(value):
    if value is not None and value < 0:
        raise Invalid(_("Eine Gebühr kann nicht negativ sein."))
    return True


def not_blank(value):
    if value is not None and not value.strip():
        raise Invalid(_("Bitte geben Sie eine Bezeichnung ein."))
    return True
