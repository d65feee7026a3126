"""The booking settings in the registry: how long bookings are kept, how many one person may hold."""

from herne.portal import _
from plone import api
from zope import schema
from zope.interface import Interface


PREFIX = "herne.portal.booking"


class IBookingSettings(Interface):
    retention_days = schema.Int(
        title=_("Termine löschen nach (Tagen)"),
        description=_("Buchungen werden so viele Tage nach ihrem Termin gelöscht."),
        default=30,
        min=0,
        max=3650,
        required=True,
    )
    limit_per_person = schema.Int(
        title=_("Offene Termine je Person und Leistung"),
        description=_("Gezählt nach E-Mail-Adresse und, wenn angemeldet, nach Konto."),
        default=1,
        min=1,
        max=20,
        required=True,
    )


def booking_setting(name):
    """The setting ``name``; its default if the record is missing (before the upgrade)."""
    return api.portal.get_registry_record(
        f"{PREFIX}.{name}", default=IBookingSettings[name].default
    )
