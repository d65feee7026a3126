"""Security headers (CSP with form-action, nosniff, referrer policy, HSTS) and cookie flags on every portal response."""

from herne.portal.controlpanels.portal import portal_setting
from herne.portal.eid.provider import eid_enabled
from herne.portal.eid.provider import eid_settings
from herne.portal.interfaces import IHernePortalLayer
from herne.portal.payment.settings import payment_settings
import logging
import re
from urllib.parse import urlsplit
from zope.globalrequest import getRequest


logger = logging.getLogger("herne.portal.security_headers")

#: The policy without ``form-action``; Plone 6 Classic UI needs inline scripts and styles.
BASE_POLICY = (
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'self'",
)

_ORIGIN_HOST = re.compile(r"^[A-Za-z0-9.\-\[\]:]+$")


def origin_of(url):
    """``scheme://host[:port]`` of an http(s) address, or None for anything else."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    host = parts.netloc.rsplit("@", 1)[-1]  # never credentials
    if not _ORIGIN_HOST.match(host):
        return None
    return f"{parts.scheme}://{host}".lower()


def eid_issuer_origin():
    """The eID provider's origin when eID log-in is enabled: log-in forms may post there."""
    try:
        if not eid_enabled():
            return None
        return origin_of(eid_settings().issuer)
    except Exception:
        return None


def payment_service_origin():
    """The payment service's origin while e-payment is on: a filed form redirects to its pay page."""
    try:
        settings = payment_settings()
        if not settings.enabled:
            return None
        return origin_of(settings.base_url)
    except Exception:
        return None


def hsts_max_age():
    try:
        value = int(portal_setting("hsts_max_age", default=0) or 0)
    except Exception:
        return 0
    return max(value, 0)


def content_security_policy(form_action_origins=()):
    sources = ["'self'", *(origin for origin in form_action_origins if origin)]
    return "; ".join((*BASE_POLICY, "form-action " + " ".join(sources)))


def is_https(request):
    if str(request.get("SERVER_URL", "") or "").lower().startswith("https:"):
        return True
    forwarded = request.getHeader("X-Forwarded-Proto", "") or ""
    return forwarded.split(",")[0].strip().lower() == "https"


def security_headers(request):
    """The headers for a response to ``request`` (a name → value dict)."""
    headers = {
        "Content-Security-Policy": content_security_policy(
            [eid_issuer_origin(), payment_service_origin()]
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
    }
    if is_https(request):
        max_age = hsts_max_age()
        if max_age > 0:
            headers["Strict-Transport-Security"] = f"max-age={max_age}; includeSubDomains"
    return headers


def tighten_cookies(request, response):
    """Every cookie of the response: HttpOnly, SameSite (Lax unless set), Secure over HTTPS.

    Plone sets its log-in ticket this way, but not its status-message cookie; no script
    of the portal reads a cookie the server set.
    """
    secure = is_https(request)
    for attributes in response.cookies.values():
        attributes["HttpOnly"] = True
        attributes.setdefault("SameSite", "Lax")
        if secure:
            attributes["Secure"] = True


def apply_security_headers(request, response=None):
    """Set the headers and cookie flags when ``request`` is inside a site with herne.portal; never raises."""
    try:
        if request is None or not IHernePortalLayer.providedBy(request):
            return
        if response is None:
            response = request.response
        existing = response.getHeader("Content-Security-Policy")
        for name, value in security_headers(request).items():
            if name == "Content-Security-Policy" and existing:
                continue  # a view set its own policy (e.g. a sandbox for a file): keep it
            response.setHeader(name, value)
        tighten_cookies(request, response)
    except Exception:
        logger.exception("Could not set the security headers")


def on_before_commit(event):
    apply_security_headers(event.request)


def on_before_abort(event):
    apply_security_headers(event.request)


def on_before_streaming(event):
    """Streaming events carry only the response; the request is the published one."""
    try:
        request = getRequest()
    except Exception:
        return
    apply_security_headers(request, event.response)
