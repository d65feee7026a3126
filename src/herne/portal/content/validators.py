"""Field constraints that answer with a German message: catalogue, e-mail addresses."""

from herne.portal import _
import re
from zope.schema import ValidationError
from zope.schema.interfaces import WrongContainedType


SERVICE_KEY_PATTERN = re.compile(r"^\d{14}$")
PHONE_PATTERN = re.compile(r"^\+?[0-9(][0-9 /()-]{4,30}$")

# Only what a mail header can carry unquoted: no spaces, commas, brackets or a second "@".
_LOCAL_PART = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$")
_DOMAIN = re.compile(r"^(?:[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?\.)+[^\W\d_]{2,63}$")


class InvalidServiceKey(ValidationError):
    __doc__ = _(
        "Der Leistungsschlüssel (FIM/LeiKa) besteht aus genau 14 Ziffern, "
        "zum Beispiel 99050012104000."
    )


class InvalidPhone(ValidationError):
    __doc__ = _(
        "Bitte geben Sie die Telefonnummer nur mit Ziffern, Leerzeichen, +, /, ( ) oder - an."
    )


class InvalidEmail(ValidationError):
    __doc__ = _("Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@example.org.")


class NegativeAmount(ValidationError):
    __doc__ = _("Eine Gebühr kann nicht negativ sein.")


class InvalidAmount(ValidationError):
    __doc__ = _("Bitte geben Sie den Betrag als Zahl in Euro an, zum Beispiel 12,50.")


class BlankName(ValidationError):
    __doc__ = _("Bitte geben Sie eine Bezeichnung ein.")


class UnknownLifeSituation(ValidationError):
    __doc__ = _("Diese Lebenslage gibt es nicht. Bitte wählen Sie aus der Liste.")


def valid_service_key(value):
    """A FIM/LeiKa service key is exactly 14 digits, e.g. 99050012104000."""
    if value and not SERVICE_KEY_PATTERN.match(value):
        raise InvalidServiceKey(value)
    return True


def valid_phone(value):
    if value and not PHONE_PATTERN.match(value):
        raise InvalidPhone(value)
    return True


def ascii_address(value):
    """``value`` as a plain address for a mail header (the domain in IDNA form), or None.

    The one rule for an address the city writes back to, whichever form it was typed into.
    """
    value = (value or "").strip()
    local, at, domain = value.partition("@")
    if not at or not _LOCAL_PART.match(local) or ".." in local:
        return None
    if len(value) > 254 or not _DOMAIN.match(domain):
        return None
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return f"{local}@{domain}"


def valid_email(value):
    if value and ascii_address(value) is None:
        raise InvalidEmail(value)
    return True


def non_negative_amount(value):
    if value is not None and value < 0:
        raise NegativeAmount(value)
    return True


def not_blank(value):
    if value is not None and not value.strip():
        raise BlankName(value)
    return True


def first_specific_error(error):
    """The innermost error of a list of rows, which carries the message people understand."""
    while isinstance(error, WrongContainedType) and error.errors:
        error = error.errors[0]
    return error
