"""Which destination takes an application, and the client that reaches FIT-Connect (from the control panel)."""

from herne.portal import _
from herne.portal.controlpanels.fitconnect import SETTINGS_PREFIX
from herne.portal.controlpanels.fitconnect import IFitConnectSettings
from herne.portal.controlpanels.fitconnect import parse_destinations
from herne.portal.fitconnect.certificates import load_roots
from herne.portal.fitconnect.client import FitConnectClient
from herne.portal.fitconnect.credentials import client_secret
from herne.portal.fitconnect.errors import Refused
from herne.portal.i18n import in_german
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


NOT_CONFIGURED = _(
    "FIT-Connect ist nicht vollständig eingerichtet (Token-Dienst, Submission API, Client-ID "
    "und -Secret)."
)


NO_TRUSTED_ROOT = _(
    "Im Kontrollbereich FIT-Connect ist kein vertrauenswürdiges Wurzelzertifikat eingetragen; "
    "ohne es wird der Schlüssel keines Zustellpunkts angenommen und nichts zugestellt."
)
BAD_TRUSTED_ROOT = _(
    "Die vertrauenswürdigen Wurzelzertifikate im Kontrollbereich FIT-Connect sind nicht lesbar."
)


def fit_connect_settings():
    return getUtility(IRegistry).forInterface(
        IFitConnectSettings, prefix=SETTINGS_PREFIX, check=False
    )


def destination_for(service, settings=None):
    """The destination id taking ``service``'s applications (its own line, else its department's), or ""."""
    settings = settings or fit_connect_settings()
    if service is None or not settings.enabled:
        return ""
    destinations = parse_destinations(settings.destinations)
    department = service.department_object()
    return (
        destinations.get(service.getId())
        or (destinations.get(department.getId()) if department is not None else None)
        or ""
    )


def client(settings=None):
    """A client with the site's sender credentials; Refused when they are incomplete."""
    settings = settings or fit_connect_settings()
    secret = client_secret()
    if not (settings.token_url and settings.api_url and settings.client_id and secret):
        raise Refused(in_german(NOT_CONFIGURED))
    return FitConnectClient(settings.token_url, settings.api_url, settings.client_id, secret)


def trusted_roots(settings=None):
    """The trusted root certificates from the control panel; Refused when there is none."""
    settings = settings or fit_connect_settings()
    try:
        roots = load_roots(getattr(settings, "trusted_roots", None) or "")
    except ValueError as error:
        raise Refused(in_german(BAD_TRUSTED_ROOT)) from error
    if not roots:
        raise Refused(in_german(NO_TRUSTED_ROOT))
    return roots
