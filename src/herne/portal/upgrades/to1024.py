"""1023 -> 1024: the booking settings (retention days, open bookings per person) in the registry."""

from herne.portal.booking.settings import PREFIX
from herne.portal.booking.settings import IBookingSettings
from plone import api


def upgrade(setup_tool):
    api.portal.get_tool("portal_registry").registerInterface(IBookingSettings, prefix=PREFIX)
