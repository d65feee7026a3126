"""The offices where a citizen can book a visit for a service."""

from herne.portal.booking.office import office_settings
from plone import api


def bookable_offices(service):
    """The service's offices that take bookings: with a visit length, bookable hours and places."""
    if not getattr(service, "visit_minutes", None):
        return []
    offices = []
    for uid in getattr(service, "booking_offices", None) or ():
        office = api.content.get(UID=uid)
        if office is None or office.portal_type != "Department":
            continue
        settings = office_settings(office)
        if settings.takes_bookings:
            offices.append(office)
    return offices
