"""Revocation lists (CRL) of the certificates behind destination keys: fetched over HTTP(S) with a timeout, cached until their next update."""

from cryptography import x509
import datetime
from herne.portal.fitconnect.errors import Unreachable
import logging
import requests
import threading
import time


logger = logging.getLogger("herne.portal.fitconnect")

#: Seconds one fetch of a revocation list may take.
FETCH_TIMEOUT = 10
#: A revocation list is fetched again after this many seconds even if it claims to live longer.
MAX_AGE = 3600
#: The largest revocation list read (the Verwaltungs-PKI's are a few megabytes at most).
MAX_BYTES = 20 * 1024 * 1024

_cache = {}
_lock = threading.Lock()


class RevocationUnknown(Unreachable):
    """The revocation status could not be read (list unreachable, unreadable, stale or not signed by the issuer)."""


def clear_cache():
    """Forget every cached revocation list (tests; after the trusted roots changed)."""
    with _lock:
        _cache.clear()


def distribution_points(certificate):
    """The HTTP(S) addresses of ``certificate``'s revocation lists, in the order it names them."""
    try:
        points = certificate.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    except x509.ExtensionNotFound:
        return []
    urls = []
    for point in points:
        for name in point.full_name or ():
            if isinstance(name, x509.UniformResourceIdentifier) and name.value.lower().startswith(
                ("http://", "https://")
            ):
                urls.append(name.value)
    return urls


def _download(url):
    with requests.get(url, timeout=FETCH_TIMEOUT, stream=True) as response:
        if response.status_code != 200:
            raise RevocationUnknown(f"HTTP {response.status_code}")
        content = bytearray()
        for chunk in response.iter_content(65536):
            content += chunk
            if len(content) > MAX_BYTES:
                raise RevocationUnknown("zu groß")
    return bytes(content)


def _parse(content):
    try:
        return x509.load_der_x509_crl(content)
    except ValueError:
        try:
            return x509.load_pem_x509_crl(content)
        except ValueError as error:
            raise RevocationUnknown("nicht lesbar") from error


def _fetched(url):
    """The revocation list at ``url``, from the cache while it is fresh; RevocationUnknown if not to be had."""
    with _lock:
        cached = _cache.get(url)
    if cached is not None and cached[1] > time.time():
        return cached[0]
    try:
        crl = _parse(_download(url))
    except requests.RequestException as error:
        raise RevocationUnknown(type(error).__name__) from error
    keep_until = time.time() + MAX_AGE
    if crl.next_update_utc is not None:
        keep_until = min(keep_until, crl.next_update_utc.timestamp())
    with _lock:
        _cache[url] = (crl, keep_until)
    return crl


def _valid_for(crl, issuer, now):
    """Whether ``crl`` is the issuer's, signed by it and current at ``now``."""
    if crl.issuer != issuer.subject:
        return False
    try:
        if not crl.is_signature_valid(issuer.public_key()):
            return False
    except (TypeError, ValueError):
        return False
    if crl.next_update_utc is None or crl.next_update_utc <= now:
        return False
    return crl.last_update_utc <= now + datetime.timedelta(minutes=5)


def revocation(certificate, issuer, now):
    """When ``certificate`` was revoked (a datetime), or None while it is not.

    Reads the first revocation list of its distribution points that can be fetched and is
    current and signed by ``issuer``. Raises RevocationUnknown (detail: the addresses tried
    and why) when no list names the certificate's status: then the key is not used.
    """
    problems = []
    for url in distribution_points(certificate):
        try:
            crl = _fetched(url)
        except RevocationUnknown as error:
            problems.append(f"{url}: {error}")
            continue
        if not _valid_for(crl, issuer, now):
            with _lock:
                _cache.pop(url, None)  # perhaps renewed by the next fetch
            problems.append(f"{url}: veraltet oder nicht vom Aussteller signiert")
            continue
        entry = crl.get_revoked_certificate_by_serial_number(certificate.serial_number)
        return None if entry is None else entry.revocation_date_utc
    logger.warning("revocation status unknown: %s", "; ".join(problems))
    raise RevocationUnknown("; ".join(problems) or "keine Sperrliste genannt")
