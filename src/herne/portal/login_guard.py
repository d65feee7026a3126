"""Where a log-in may send the browser, and which log-in posts come from the portal itself.

The one home of both rules for every log-in: the local forms (``@@login`` and the names
Plone also answers a log-in form under) and the eID log-in's ``came_from``. Plone 6.2
checks only the path of ``came_from`` (an address on another host with the portal's
path passes), and it takes log-in posts from any site; both are log-in CSRF.
"""

from plone import api
import re
from urllib.parse import unquote
from urllib.parse import urlsplit


#: Control characters, white space and backslashes: browsers read ``\`` as ``/``.
_UNSAFE = re.compile(r"[\x00-\x20\x7f\\]")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin(parts):
    """(scheme, host, port) of split http(s) address parts, or None."""
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    if parts.username is not None or parts.password is not None:
        return None  # never an address that names credentials: the host is easy to misread
    try:
        port = parts.port or _DEFAULT_PORTS[parts.scheme]
    except ValueError:
        return None
    return parts.scheme, parts.hostname.lower(), port


def _portal_parts():
    return urlsplit(api.portal.get().absolute_url())


def address_in_portal(url):
    """``url`` as an absolute address inside the portal, or None when it leads anywhere else.

    Absolute addresses need the portal's scheme, host and port and a path below the
    portal's; a path must start with a single ``/``. Anything else (other hosts, other
    schemes, scheme-relative ``//host``, ``http:host``, backslashes, user names, dot
    segments) is None.
    """
    if not url or not isinstance(url, str) or _UNSAFE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    portal = _portal_parts()
    if parts.scheme or parts.netloc or url.startswith("//"):
        if not parts.scheme or _origin(parts) is None or _origin(parts) != _origin(portal):
            return None
    elif not url.startswith("/"):
        return None
    segments = unquote(parts.path).split("/")
    if "." in segments or ".." in segments or "\\" in unquote(parts.path):
        return None
    site_path = portal.path.rstrip("/")
    if parts.path != site_path and not parts.path.startswith(f"{site_path}/"):
        return None
    address = f"{portal.scheme}://{portal.netloc}{parts.path}"
    if parts.query:
        address += f"?{parts.query}"
    if parts.fragment:
        address += f"#{parts.fragment}"
    return address


def posted_from_portal(request):
    """True when the request is a POST that a page of the portal's own site sent.

    The Origin header decides when there is one (browsers send it with every POST;
    ``null`` is refused); otherwise the Referer; a post with neither is refused.
    """
    if request.get("REQUEST_METHOD", "GET").upper() != "POST":
        return False
    portal = _origin(_portal_parts())
    sent_origin = request.getHeader("Origin")
    if sent_origin is not None:
        return _same_origin(sent_origin, portal)
    referer = request.getHeader("Referer")
    if referer:
        return _same_origin(referer, portal)
    return False


def _same_origin(url, portal):
    url = url.strip()
    if _UNSAFE.search(url):
        return False
    try:
        return _origin(urlsplit(url)) == portal
    except ValueError:
        return False


def posted_from_elsewhere(request):
    """True when a request names another site as its sender (REST log-in).

    A browser names the page that sent a post in Origin (``null`` counts as another
    site), else in Referer; a request with neither comes from a program, not from a
    page of another site, and passes.
    """
    portal = _origin(_portal_parts())
    sent_origin = request.getHeader("Origin")
    if sent_origin is not None:
        return not _same_origin(sent_origin, portal)
    referer = request.getHeader("Referer")
    if referer:
        return not _same_origin(referer, portal)
    return False
