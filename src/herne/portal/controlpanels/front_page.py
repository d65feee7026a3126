"""Control panel "Startseite": the services the front page features, chosen without code."""

from herne.portal import _
from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope import schema
from zope.interface import Interface


SETTINGS_PREFIX = "herne.portal.front_page"
FRONT_PAGE_SETTINGS_VIEW = "herne-front-page-controlpanel"
#: held by site administrators and the editorial group, who hold no other right on the site root
MANAGE_FRONT_PAGE = "herne.portal: Manage front page"


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

    @property
    def control_panel_view(self):
        """Where "Abbrechen" leads: site setup for administrators, the front page for editors."""
        if api.user.has_permission("Plone Site Setup: Overview", obj=api.portal.get()):
            return "@@overview-controlpanel"
        return ""


class FrontPageSettingsView(ControlPanelFormWrapper):
    """In the site's own layout: editors have no site setup whose navigation it could show."""

    form = FrontPageSettingsForm
    index = ViewPageTemplateFile("templates/front_page_settings.pt")
