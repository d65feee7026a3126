"""Control panel "Serviceportal": the official public address, security headers and the OZG target."""

from herne.portal import _
from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from zope import schema
from zope.interface import Interface


SETTINGS_PREFIX = "herne.portal.site"


class IPortalSettings(Interface):
    """Settings that concern the portal as a whole."""

    public_url = schema.URI(
        title=_("Offizielle Adresse des Serviceportals"),
        description=_(
            "Die öffentliche Adresse, unter der Bürgerinnen und Bürger das Portal erreichen, "
            "z. B. https://www.herne.de/serviceportal. QR-Codes, Flyer und der Hinweis auf "
            "jedem Antragsformular nennen nur diese Adresse."
        ),
        required=False,
    )
    hsts_max_age = schema.Int(
        title=_("HSTS: Gültigkeit in Sekunden"),
        description=_(
            "Strict-Transport-Security für Antworten über HTTPS; 0 schaltet den Kopf ab. "
            "Empfohlen: 31536000 (ein Jahr), sobald das Portal nur noch über HTTPS erreichbar ist."
        ),
        default=0,
        min=0,
        required=True,
    )
    ozg_target_percent = schema.Int(
        title=_("Ziel: Anteil online beantragbarer Leistungen (%)"),
        default=80,
        min=1,
        max=100,
        required=True,
    )


def portal_setting(name, default=None):
    return api.portal.get_registry_record(f"{SETTINGS_PREFIX}.{name}", default=default)


def official_url():
    """The configured official public address without a trailing slash, or None.

    Never the address of the request: a page or flyer naming whatever host it was asked
    on would vouch for any look-alike in front of the portal.
    """
    url = (portal_setting("public_url") or "").strip()
    return url.rstrip("/") or None


def portal_sender():
    """``(name, address)`` the portal's mails come from: the mail settings, the site title as name.

    The address is "" while the mail settings have none; nothing can be sent then.
    """
    address = (api.portal.get_registry_record("plone.email_from_address", default="") or "").strip()
    name = api.portal.get_registry_record("plone.email_from_name", default="")
    return name or api.portal.get().title, address


class PortalSettingsForm(RegistryEditForm):
    schema = IPortalSettings
    schema_prefix = SETTINGS_PREFIX
    label = _("Serviceportal")


class PortalSettingsView(ControlPanelFormWrapper):
    form = PortalSettingsForm
