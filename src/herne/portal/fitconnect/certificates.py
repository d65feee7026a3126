"""The certificate chain (x5c) of a destination's key: it leads to a trusted root, certifies this very key, and nothing in it is expired or revoked (OCSP, else CRL)."""

import base64
from cryptography import x509
from cryptography.x509 import verification
import datetime
from herne.portal import _
from herne.portal.fitconnect import ocsp
from herne.portal.fitconnect.errors import KeyRejected
from herne.portal.fitconnect.revocation import RevocationUnknown
from herne.portal.fitconnect.revocation import distribution_points
from herne.portal.fitconnect.revocation import revocation
from herne.portal.i18n import in_german
import logging


logger = logging.getLogger("herne.portal.fitconnect")

NO_CHAIN = _(
    "Der Schlüssel des Ziels hat keine Zertifikatskette (x5c); ohne geprüftes Zertifikat wird "
    "nichts verschlüsselt."
)
BAD_CHAIN = _("Ein Zertifikat der Kette des Schlüssels (x5c) ist nicht lesbar.")
UNTRUSTED = _(
    "Die Zertifikatskette des Schlüssels führt zu keinem vertrauenswürdigen Wurzelzertifikat "
    "(Kontrollbereich FIT-Connect, „Vertrauenswürdige Wurzelzertifikate“)."
)
CERTIFICATE_EXPIRED = _(
    "Das Zertifikat „${subject}“ der Kette des Schlüssels ist nicht gültig: gültig von ${start} "
    "bis ${end}."
)
KEY_DIFFERS = _(
    "Der Schlüssel im JWK des Ziels ist ein anderer als der in seinem Zertifikat (x5c); er wird "
    "nicht benutzt."
)
NOT_FOR_WRAPPING = _(
    "Das Zertifikat des Schlüssels erlaubt nicht das Verschlüsseln von Schlüsseln "
    "(keyEncipherment)."
)
REVOKED = _(
    "Das Zertifikat „${subject}“ der Kette des Schlüssels ist gesperrt (seit ${date}); der "
    "Schlüssel wird nicht benutzt."
)
NO_REVOCATION_SOURCE = _(
    "Das Zertifikat „${subject}“ nennt weder einen OCSP-Dienst noch eine Sperrliste (CRL); ob "
    "es gesperrt ist, lässt sich nicht prüfen, der Schlüssel wird nicht benutzt."
)
REVOCATION_UNKNOWN = _(
    "Ob das Zertifikat „${subject}“ gesperrt ist, ließ sich nicht prüfen: weder der OCSP-Dienst "
    "noch die Sperrliste gab eine gültige Auskunft (${detail}). Die Zustellung wird später "
    "wiederholt."
)


def _rejected(message, **mapping):
    return KeyRejected(in_german(_(message, mapping=mapping) if mapping else message))


def _subject(certificate):
    return certificate.subject.rfc4514_string() or str(certificate.serial_number)


def _day(moment):
    return moment.strftime("%d.%m.%Y %H:%M UTC")


def load_roots(pem):
    """The certificates in ``pem`` (one or more PEM blocks); ValueError when there is none or one is unreadable."""
    text = (pem or "").strip()
    if not text:
        return []
    roots = x509.load_pem_x509_certificates(text.encode("ascii", "replace"))
    if not roots:
        raise ValueError("no certificate")
    return roots


def chain_of(public):
    """The certificates of the JWK's ``x5c``, the key's own first; KeyRejected when missing or unreadable."""
    encoded = public.get("x5c") or ()
    if not encoded or not isinstance(encoded, list):
        raise _rejected(NO_CHAIN)
    try:
        return [x509.load_der_x509_certificate(base64.b64decode(item)) for item in encoded]
    except (ValueError, TypeError) as error:
        raise _rejected(BAD_CHAIN) from error


def _verified_chain(certificates, roots, now):
    if not roots:
        raise _rejected(UNTRUSTED)
    builder = (
        verification.PolicyBuilder()
        .store(verification.Store(roots))
        .time(now)
        .extension_policies(
            ca_policy=verification.ExtensionPolicy.webpki_defaults_ca(),
            ee_policy=verification.ExtensionPolicy.permit_all(),
        )
    )
    try:
        return builder.build_client_verifier().verify(certificates[0], certificates[1:]).chain
    except verification.VerificationError as error:
        logger.warning("destination key's chain not trusted: %s", error)
        raise _rejected(UNTRUSTED) from error


def _same_key(certificate, key):
    try:
        numbers = certificate.public_key().public_numbers()
    except AttributeError:
        return False
    mine = key.get_op_key("wrapKey").public_numbers()
    return getattr(numbers, "n", None) == mine.n and getattr(numbers, "e", None) == mine.e


def revocation_status(certificate, issuer, now):
    """When ``certificate`` was revoked, or None: its OCSP responder first, its revocation list if that gives no answer.

    Raises RevocationUnknown (detail: what was tried and why it failed) when neither answers.
    """
    problems = []
    if ocsp.responders(certificate):
        try:
            return ocsp.status(certificate, issuer, now)
        except ocsp.OCSPUnanswered as error:
            problems.append(str(error))
    if distribution_points(certificate):
        try:
            return revocation(certificate, issuer, now)
        except RevocationUnknown as error:
            problems.append(str(error))
    raise RevocationUnknown("; ".join(problems))


def check_certificates(public, key, roots, now=None):
    """Raise KeyRejected (or RevocationUnknown, an Unreachable) unless ``public``'s x5c may be trusted.

    ``key`` is the JWK as jwcrypto key, ``roots`` the trusted root certificates. The chain
    must lead to one of them (cryptography's X.509 path validation), its first certificate
    must hold ``key``, no certificate may be expired, and none below the root revoked by
    its issuer's OCSP responder or, failing that, the revocation list its issuer publishes.
    """
    now = now or datetime.datetime.now(datetime.UTC)
    certificates = chain_of(public)
    leaf = certificates[0]
    if not _same_key(leaf, key):
        raise _rejected(KEY_DIFFERS)
    try:
        usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is not None and not usage.key_encipherment:
        raise _rejected(NOT_FOR_WRAPPING)
    for certificate in certificates:
        if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
            raise _rejected(
                CERTIFICATE_EXPIRED,
                subject=_subject(certificate),
                start=_day(certificate.not_valid_before_utc),
                end=_day(certificate.not_valid_after_utc),
            )
    chain = _verified_chain(certificates, roots, now)
    for certificate, issuer in zip(chain, chain[1:], strict=False):
        subject = _subject(certificate)
        if not distribution_points(certificate) and not ocsp.responders(certificate):
            raise _rejected(NO_REVOCATION_SOURCE, subject=subject)
        try:
            revoked = revocation_status(certificate, issuer, now)
        except RevocationUnknown as error:
            text = in_german(
                _(REVOCATION_UNKNOWN, mapping={"subject": subject, "detail": str(error)})
            )
            raise RevocationUnknown(text, detail=str(error)) from error
        if revoked is not None:
            raise _rejected(REVOKED, subject=subject, date=_day(revoked))
    return chain
