"""Control panel "Terminvergabe": how long bookings are kept and how many one person may hold (page and REST)."""

from herne.portal import _
from herne.portal.booking.settings import PREFIX
from herne.portal.booking.settings import IBookingSettings
from herne.portal.interfaces import IHernePortalLayer
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from zope.component import adapter
from zope.interface import Interface


#: The configlet's id in Site Setup, and the name of the panel in REST ``@controlpanels``.
CONFIGLET = "herne-booking"


class BookingSettingsForm(RegistryEditForm):
    schema = IBookingSettings
    schema_prefix = PREFIX
    label = _("Terminvergabe")
    description = _(
        "Wie lange Buchungen nach ihrem Termin aufbewahrt werden und wie viele offene Termine "
        "eine Person je Leistung halten darf. Schalter, Zeiten und Schließtage stellt jedes Amt "
        "auf seiner Seite ein, die Termindauer jede Leistung."
    )


class BookingSettingsView(ControlPanelFormWrapper):
    form = BookingSettingsForm


@adapter(Interface, IHernePortalLayer)
class BookingControlpanel(RegistryConfigletPanel):
    """``@controlpanels/herne-booking``: the same records for REST clients."""

    schema = IBookingSettings
    schema_prefix = PREFIX
    configlet_id = CONFIGLET
    configlet_category_id = "Products"
    title = _("Terminvergabe")
    group = "Products"
