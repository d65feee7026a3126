"""Control panel "Startseite": the services the front page features, chosen without code."""

from herne.portal import _
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from zope import schema
from zope.interface import Interface


SETTINGS_PREFIX = "herne.portal.front_page"


class IFrontPageSettings(Interface):
    """What the front page of the portal shows."""

    featured_services = schema.List(
        title=_("Häufig genutzte Leistungen"),
        description=_(
            "Diese Leistungen stehen in dieser Reihenfolge auf der Startseite. "
            "Nur veröffentlichte Leistungen können gewählt werden."
        ),
        value_type=schema.Choice(vocabulary="herne.portal.Services"),
        default=[],
        required=False,
    )


class FrontPageSettingsForm(RegistryEditForm):
    schema = IFrontPageSettings
    schema_prefix = SETTINGS_PREFIX
    label = _("Startseite")


class FrontPageSettingsView(ControlPanelFormWrapper):
    form = FrontPageSettingsForm
