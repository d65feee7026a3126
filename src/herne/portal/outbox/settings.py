"""Control panel "Ausgang": how often and how patiently the outbox tries a delivery."""

from herne.portal import _
from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from zope import schema
from zope.interface import Interface


SETTINGS_PREFIX = "herne.portal.outbox"


class IOutboxSettings(Interface):
    """Retries of the outbox's deliveries."""

    max_tries = schema.Int(
        title=_("Höchstzahl der Versuche"),
        description=_(
            "Nach so vielen vergeblichen Versuchen bleibt eine Sendung als "
            "„unzustellbar“ liegen, bis sie jemand erneut sendet."
        ),
        default=8,
        min=1,
        max=100,
        required=True,
    )
    first_pause = schema.Int(
        title=_("Pause vor dem zweiten Versuch (Sekunden)"),
        description=_(
            "Jede weitere Pause ist doppelt so lang, höchstens so lang wie die längste Pause."
        ),
        default=30,
        min=1,
        required=True,
    )
    longest_pause = schema.Int(
        title=_("Längste Pause zwischen zwei Versuchen (Sekunden)"),
        default=3600,
        min=1,
        required=True,
    )
    sending_timeout = schema.Int(
        title=_("Sendung gilt als abgebrochen nach (Sekunden)"),
        description=_(
            "Eine Sendung, die so lange „wird gesendet“ zeigt (der Ausgang wurde dabei "
            "beendet), wird noch einmal gesendet; Empfänger erkennen die Wiederholung an "
            "ihrem Schlüssel."
        ),
        default=120,
        min=5,
        required=True,
    )
    allow_private_webhooks = schema.Bool(
        title=_("Webhooks an Adressen im internen Netz erlauben"),
        description=_(
            "Nur einschalten, wenn Fachverfahren im internen Netz der Stadt Webhooks "
            "empfangen sollen. Sonst lehnt das Portal Adressen im internen Netz ab."
        ),
        default=False,
        required=False,
    )


DEFAULTS = {name: IOutboxSettings[name].default for name in IOutboxSettings.names()}


def outbox_setting(name):
    """The setting, or its default on a site not yet upgraded."""
    value = api.portal.get_registry_record(f"{SETTINGS_PREFIX}.{name}", default=None)
    return DEFAULTS[name] if value is None else value


def pause_after(tries):
    """Seconds to wait after the ``tries``-th failed attempt: doubling, capped."""
    first = outbox_setting("first_pause")
    longest = outbox_setting("longest_pause")
    return min(longest, first * 2 ** max(0, tries - 1))


class OutboxSettingsForm(RegistryEditForm):
    schema = IOutboxSettings
    schema_prefix = SETTINGS_PREFIX
    label = _("Ausgang")


class OutboxSettingsView(ControlPanelFormWrapper):
    form = OutboxSettingsForm
