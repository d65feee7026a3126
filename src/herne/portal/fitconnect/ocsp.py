"""OCSP (RFC 6960) status of the certificates behind destination keys: asked over HTTP POST with a timeout, a good answer cached until its next update."""

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import ocsp
from cryptography.x509.oid import AuthorityInformationAccessOID
from cryptography.x509.oid import ExtendedKeyUsageOID
import datetime
from herne.portal.fitconnect.revocation import FETCH_TIMEOUT
import logging
import requests
import threading
import time


logger = logging.getLogger("herne.portal.fitconnect")

#: A good answer is asked again after this many seconds even if it claims to live longer.
MAX_AGE = 3600
#: How far the responder's clock may be off ours.
CLOCK_TOLERANCE = datetime.timedelta(minutes=5)
#: The largest answer read (a few kilobytes in practice).
MAX_BYTES = 1024 * 1024

_cache = {}
_lock = threading.Lock()


class OCSPUnanswered(Exception):
    """No usable answer: responder unreachable, the answer bad, or the status "unknown"."""


def clear_cache():
    """Forget every cached answer (tests; after the trusted roots changed)."""
    with _lock:
        _cache.clear()


def responders(certificate):
    """The HTTP(S) addresses of ``certificate``'s OCSP responders (Authority Information Access)."""
    try:
        access = certificate.extensions.get_extension_for_class(
            x509.AuthorityInformationAccess
        ).value
    except x509.ExtensionNotFound:
        return []
    return [
        description.access_location.value
        for description in access
        if description.access_method == AuthorityInformationAccessOID.OCSP
        and isinstance(description.access_location, x509.UniformResourceIdentifier)
        and description.access_location.value.lower().startswith(("http://", "https://"))
    ]


def _ask(url, request):
    try:
        with requests.post(
            url,
            data=request.public_bytes(Encoding.DER),
            headers={"Content-Type": "application/ocsp-request"},
            timeout=FETCH_TIMEOUT,
            stream=True,
        ) as response:
            if response.status_code != 200:
                raise OCSPUnanswered(f"HTTP {response.status_code}")
            content = bytearray()
            for chunk in response.iter_content(65536):
                content += chunk
                if len(content) > MAX_BYTES:
                    raise OCSPUnanswered("zu groß")
    except requests.RequestException as error:
        raise OCSPUnanswered(type(error).__name__) from error
    try:
        return ocsp.load_der_ocsp_response(bytes(content))
    except ValueError as error:
        raise OCSPUnanswered("nicht lesbar") from error


def _signed_by(response, key):
    try:
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(
                response.signature,
                response.tbs_response_bytes,
                padding.PKCS1v15(),
                response.signature_hash_algorithm,
            )
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(
                response.signature,
                response.tbs_response_bytes,
                ec.ECDSA(response.signature_hash_algorithm),
            )
        else:
            return False
    except (InvalidSignature, UnsupportedAlgorithm, TypeError, ValueError):
        return False
    return True


def _key_bytes(certificate):
    """SHA-1 of the subjectPublicKey bit string: the responder key hash of RFC 6960 (as RFC 5280's key identifier)."""
    return x509.SubjectKeyIdentifier.from_public_key(certificate.public_key()).digest


def _responder_is(response, certificate):
    if response.responder_name is not None:
        return response.responder_name == certificate.subject
    return response.responder_key_hash == _key_bytes(certificate)


def _delegate(certificate, issuer, now):
    """Whether ``certificate`` is a responder certificate ``issuer`` issued for OCSP signing."""
    try:
        certificate.verify_directly_issued_by(issuer)
        usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except (ValueError, TypeError, InvalidSignature, x509.ExtensionNotFound):
        return False
    if ExtendedKeyUsageOID.OCSP_SIGNING not in usage:
        return False
    return certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc


def _signer_trusted(response, issuer, now):
    """Whether the answer is signed by ``issuer`` or by a responder it delegated to."""
    if _responder_is(response, issuer):
        return _signed_by(response, issuer.public_key())
    for candidate in response.certificates:
        if _responder_is(response, candidate) and _delegate(candidate, issuer, now):
            return _signed_by(response, candidate.public_key())
    return False


def _single(response, certificate, issuer):
    """The answer's single response for ``certificate`` issued by ``issuer``, or None."""
    for single in response.responses:
        if single.serial_number != certificate.serial_number:
            continue
        expected = (
            ocsp.OCSPRequestBuilder()
            .add_certificate(certificate, issuer, single.hash_algorithm)
            .build()
        )
        if (single.issuer_name_hash, single.issuer_key_hash) == (
            expected.issuer_name_hash,
            expected.issuer_key_hash,
        ):
            return single
    return None


def _answer(url, certificate, issuer, now):
    """(revocation time or None, keep until) from the responder at ``url``; OCSPUnanswered if unusable."""
    request = ocsp.OCSPRequestBuilder().add_certificate(certificate, issuer, hashes.SHA1()).build()
    response = _ask(url, request)
    if response.response_status != ocsp.OCSPResponseStatus.SUCCESSFUL:
        raise OCSPUnanswered(response.response_status.name)
    if not _signer_trusted(response, issuer, now):
        raise OCSPUnanswered("nicht vom Aussteller oder seinem OCSP-Dienst signiert")
    single = _single(response, certificate, issuer)
    if single is None:
        raise OCSPUnanswered("Antwort nennt das Zertifikat nicht")
    if single.this_update_utc > now + CLOCK_TOLERANCE or (
        single.next_update_utc is not None and single.next_update_utc < now - CLOCK_TOLERANCE
    ):
        raise OCSPUnanswered("veraltet")
    if single.certificate_status == ocsp.OCSPCertStatus.UNKNOWN:
        raise OCSPUnanswered("Status unbekannt")
    if single.certificate_status == ocsp.OCSPCertStatus.REVOKED:
        return single.revocation_time_utc, 0
    keep_until = time.time() + MAX_AGE
    if single.next_update_utc is None:
        keep_until = 0  # a responder without next update always has newer news
    else:
        keep_until = min(keep_until, single.next_update_utc.timestamp())
    return None, keep_until


def status(certificate, issuer, now):
    """When ``certificate`` was revoked (a datetime), or None while it is good.

    Asks its OCSP responders in turn and takes the first answer that is successful, about
    this certificate of this issuer, signed by the issuer (or a responder certificate it
    issued for OCSP signing) and current. Raises OCSPUnanswered (the addresses tried and why)
    when none gives one; "unknown" counts as no answer.
    """
    key = (issuer.fingerprint(hashes.SHA256()), certificate.serial_number)
    with _lock:
        cached = _cache.get(key)
    if cached is not None and cached > time.time():
        return None
    problems = []
    for url in responders(certificate):
        try:
            revoked, keep_until = _answer(url, certificate, issuer, now)
        except OCSPUnanswered as error:
            problems.append(f"OCSP {url}: {error}")
            continue
        except (UnsupportedAlgorithm, TypeError, ValueError) as error:
            logger.warning("OCSP answer from %s not usable: %s", url, error)
            problems.append(f"OCSP {url}: nicht lesbar")
            continue
        if revoked is None and keep_until > time.time():
            with _lock:
                _cache[key] = keep_until
        return revoked
    logger.info("OCSP status unknown: %s", "; ".join(problems))
    raise OCSPUnanswered("; ".join(problems) or "kein OCSP-Dienst genannt")
