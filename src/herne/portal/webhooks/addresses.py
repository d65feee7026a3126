"""Which webhook addresses the portal may call: HTTPS, never itself, never the internal network unless allowed."""

from herne.portal import _
from herne.portal.controlpanels.portal import official_url
import ipaddress
from plone import api
import socket
from urllib.parse import urlsplit


LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
NOT_HTTPS = _("Bitte geben Sie eine Adresse mit https:// an (http:// nur für den eigenen Rechner).")
BAD_URL = _(
    "Bitte geben Sie eine vollständige Adresse an, z. B. https://fachverfahren.example/hook."
)
UNKNOWN_HOST = _("Der Name des Empfängers lässt sich nicht auflösen.")
OWN_ADDRESS = _("Webhooks dürfen nicht an das Serviceportal selbst gehen.")
PRIVATE = _(
    "Die Adresse liegt im internen Netz. Das ist nur erlaubt, wenn es in den "
    "Einstellungen „Ausgang“ ausdrücklich eingeschaltet ist."
)


def _resolve(host, port):
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({info[4][0] for info in infos})


def _internal(address):
    ip = ipaddress.ip_address(address.split("%")[0])
    return not ip.is_global or ip.is_multicast


def _own_hosts():
    hosts = set()
    for url in (official_url(), api.portal.get().absolute_url()):
        if url:
            host = urlsplit(url).hostname
            if host:
                hosts.add(host.lower())
    return hosts


def check_address(url, allow_internal=False):
    """``(error, addresses)``: a German message and no addresses when refused, else None and the IPs to call.

    Asked when an endpoint is saved and again before every delivery (a name may point
    elsewhere by then); the delivery connects to the checked address only.
    """
    try:
        parts = urlsplit((url or "").strip())
        port = parts.port
    except ValueError:
        return BAD_URL, []
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("https", "http") or not host:
        return BAD_URL, []
    if parts.scheme == "http" and host not in LOOPBACK_NAMES:
        return NOT_HTTPS, []
    if host in _own_hosts():
        return OWN_ADDRESS, []
    try:
        addresses = _resolve(host, port or (443 if parts.scheme == "https" else 80))
    except (OSError, UnicodeError):
        return UNKNOWN_HOST, []
    if not addresses:
        return UNKNOWN_HOST, []
    if not allow_internal and any(_internal(address) for address in addresses):
        return PRIVATE, []
    return None, addresses
