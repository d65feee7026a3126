"""Every office that holds bookings, found without the current user's permissions."""

from herne.portal.booking.storage import office_bookings
from herne.portal.languages import german_only
from plone import api


def offices_with_bookings():
    """(department, bookings tree) of every department that ever took a booking."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Department", **german_only()):
        department = brain._unrestrictedGetObject()
        tree = office_bookings(department)
        if tree is not None:
            yield department, tree


def unrestricted_object(uid):
    """The object with ``uid``, whatever the current user may see, or None."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=uid)
    return brains[0]._unrestrictedGetObject() if brains else None


def each_booking(tree, low=None, high=None):
    """Every booking of an office once (a long visit is stored on every grid step it occupies)."""
    seen = set()
    for slot in tree.values(low, high):
        for booking in slot.bookings:
            if booking["code"] not in seen:
                seen.add(booking["code"])
                yield booking
