"""German format validators for application forms, offered to editors in easyform."""

from datetime import date
from datetime import datetime
from herne.portal import _
from herne.portal.content.validators import InvalidEmail
from herne.portal.content.validators import ascii_address
import re


POSTCODE = re.compile(r"^\d{5}$")
# Area code (1-3 letters), recognition letters (1-2), number (1-4 digits), optional E/H.
PLATE = re.compile(r"^[A-ZÄÖÜ]{1,3}[- ][A-Z]{1,2} ?[1-9]\d{0,3}[EH]?$")
IBAN = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$")
IBAN_LENGTH_DE = 22


def is_german_postcode(value, **kwargs):
    if value and not POSTCODE.match(value.strip()):
        return _("Bitte geben Sie eine Postleitzahl mit fünf Ziffern an, zum Beispiel 44623.")


def iban_checksum_ok(iban):
    rearranged = iban[4:] + iban[:4]
    digits = "".join(str(int(char, 36)) for char in rearranged)
    return int(digits) % 97 == 1


def is_iban(value, **kwargs):
    if not value:
        return None
    iban = re.sub(r"\s+", "", value).upper()
    if not IBAN.match(iban) or (iban.startswith("DE") and len(iban) != IBAN_LENGTH_DE):
        return _(
            "Bitte geben Sie eine vollständige IBAN an, zum Beispiel DE89 3704 0044 0532 0130 00."
        )
    if not iban_checksum_ok(iban):
        return _("Diese IBAN ist nicht gültig. Bitte prüfen Sie die Ziffern.")
    return None


def is_past_date(value, **kwargs):
    """Birth dates and the like cannot lie in the future."""
    if value is None:
        return None
    day = value.date() if isinstance(value, datetime) else value
    if isinstance(day, date) and day > date.today():
        return _("Dieses Datum liegt in der Zukunft. Bitte prüfen Sie Ihre Angabe.")
    return None


def is_vehicle_plate(value, **kwargs):
    if value and not PLATE.match(value.strip().upper()):
        return _("Bitte geben Sie das Kennzeichen wie auf dem Schild an, zum Beispiel HER-AB 123.")


def is_email(value, **kwargs):
    """The same rule as every other address the city writes back to."""
    if value and ascii_address(value) is None:
        return InvalidEmail.__doc__
