"""Control panel "Anträge": upload limits, how long drafts and closed applications are kept."""

from herne.portal import _
from herne.portal.vocabularies.catalogue import ANONYMISE
from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from zope import schema
from zope.interface import Interface


#: A retention period in months, the default here and a service's own alike.
RETENTION_MONTHS_MIN = 1
RETENTION_MONTHS_MAX = 1200


class IApplicationSettings(Interface):
    max_file_size_mb = schema.Int(
        title=_("Höchstgröße je Datei (MB)"),
        default=10,
        min=1,
        max=100,
        required=True,
    )
    max_total_size_mb = schema.Int(
        title=_("Höchstgröße aller Dateien eines Antrags (MB)"),
        default=25,
        min=1,
        max=500,
        required=True,
    )
    draft_retention_days = schema.Int(
        title=_("Entwürfe löschen nach (Tagen)"),
        description=_(
            "Nicht abgesendete Entwürfe werden nach so vielen Tagen ohne Änderung gelöscht."
        ),
        default=30,
        min=1,
        max=365,
        required=True,
    )
    retention_months = schema.Int(
        title=_("Abgeschlossene Anträge aufbewahren (Monate)"),
        description=_(
            "Voreinstellung für Leistungen ohne eigene Aufbewahrungsfrist, gerechnet ab dem "
            "Abschluss des Antrags."
        ),
        default=24,
        min=RETENTION_MONTHS_MIN,
        max=RETENTION_MONTHS_MAX,
        required=True,
    )
    retention_action = schema.Choice(
        title=_("Nach Ablauf der Aufbewahrungsfrist"),
        description=_("Voreinstellung für Leistungen ohne eigene Angabe."),
        vocabulary="herne.portal.RetentionActions",
        default=ANONYMISE,
        required=True,
    )


def application_setting(name):
    """The setting ``name`` of this control panel; its default if the record is missing."""
    return api.portal.get_registry_record(
        f"herne.portal.{name}", default=IApplicationSettings[name].default
    )


class ApplicationSettingsForm(RegistryEditForm):
    schema = IApplicationSettings
    schema_prefix = "herne.portal"
    label = _("Anträge")
    description = _(
        "Grenzen für Nachweise, Aufbewahrung von Entwürfen und abgeschlossenen Anträgen."
    )


class ApplicationSettingsView(ControlPanelFormWrapper):
    form = ApplicationSettingsForm
