"""The destination's public encryption key (JWK): checked before anything is encrypted with it."""

import base64
from cryptography import x509
import datetime
from herne.portal import _
from herne.portal.fitconnect.certificates import check_certificates
from herne.portal.fitconnect.errors import KeyRejected
from herne.portal.i18n import in_german
from jwcrypto import jwk
from jwcrypto.common import JWException
import time


#: FIT-Connect's key wrapping algorithm and the smallest modulus it allows.
KEY_ALGORITHM = "RSA-OAEP-256"
MIN_KEY_BITS = 4096

NO_KEY = _("Das Ziel hat keinen lesbaren Verschlüsselungsschlüssel.")
NOT_RSA = _("Der Schlüssel des Ziels ist kein RSA-Schlüssel.")
PRIVATE = _("Das Ziel veröffentlicht einen privaten Schlüssel; er wird nicht benutzt.")
WRONG_ALGORITHM = _(
    "Der Schlüssel des Ziels ist nicht für RSA-OAEP-256 bestimmt.",
)
WRONG_USE = _("Der Schlüssel des Ziels ist nicht nur zum Verschlüsseln (wrapKey) bestimmt.")
NO_KID = _("Der Schlüssel des Ziels hat keine Kennung (kid).")
EXPIRED = _("Der Schlüssel des Ziels ist abgelaufen.")
UNREADABLE = _("Der Schlüssel des Ziels ist nicht lesbar.")
BAD_CERTIFICATE = _("Das Zertifikat des Schlüssels (x5c) ist nicht lesbar.")
TOO_SHORT = _("Der Schlüssel des Ziels ist kürzer als 4096 Bit.")


def _rejected(message):
    return KeyRejected(in_german(message))


def _certificate_expiry(public):
    """The end of validity of the key's certificate (x5c), as epoch seconds, or None."""
    chain = public.get("x5c") or ()
    if not chain:
        return None
    try:
        certificate = x509.load_der_x509_certificate(base64.b64decode(chain[0]))
    except ValueError as error:
        raise _rejected(BAD_CERTIFICATE) from error
    return certificate.not_valid_after_utc.timestamp()


def encryption_key(public, now=None, roots=None):
    """``public`` (a JWK as dict) as a jwcrypto key, or KeyRejected saying what is wrong with it.

    The key must be an RSA public key meant for key wrapping only (``key_ops`` ["wrapKey"]) with
    the algorithm RSA-OAEP-256, at least 4096 bits, and not expired (``exp`` or its certificate).
    With ``roots`` (the trusted root certificates, as a delivery always passes them) its
    certificate chain (x5c) must lead to one of them, certify this key and be unrevoked
    (certificates.check_certificates; RevocationUnknown when the revocation lists are out of reach).
    """
    now = time.time() if now is None else now
    if not isinstance(public, dict):
        raise _rejected(NO_KEY)
    if public.get("kty") != "RSA":
        raise _rejected(NOT_RSA)
    if "d" in public:
        raise _rejected(PRIVATE)
    if public.get("alg") != KEY_ALGORITHM:
        raise _rejected(WRONG_ALGORITHM)
    if list(public.get("key_ops") or ()) != ["wrapKey"]:
        raise _rejected(WRONG_USE)
    if not public.get("kid"):
        raise _rejected(NO_KID)
    for end in (public.get("exp"), _certificate_expiry(public)):
        if end is not None and float(end) <= now:
            raise _rejected(EXPIRED)
    try:
        key = jwk.JWK(**public)
        bits = key.get_op_key("wrapKey").key_size
    except (JWException, ValueError, TypeError) as error:
        raise _rejected(UNREADABLE) from error
    if bits < MIN_KEY_BITS:
        raise _rejected(TOO_SHORT)
    if roots is not None:
        check_certificates(public, key, roots, datetime.datetime.fromtimestamp(now, datetime.UTC))
    return key
