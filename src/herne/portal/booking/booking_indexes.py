"""Filing bookings in the per-person and per-application indexes: when made, changed or deleted."""

from herne.portal.booking.application_index import APPLICATIONS
from herne.portal.booking.application_index import application_keys
from herne.portal.booking.index_holders import clear
from herne.portal.booking.index_holders import file_entry
from herne.portal.booking.index_holders import remove_entry
from herne.portal.booking.index_holders import site_of
from herne.portal.booking.offices import each_booking
from herne.portal.booking.offices import offices_with_bookings
from herne.portal.booking.offices import unrestricted_object
from herne.portal.booking.person_index import PERSONS
from herne.portal.booking.person_index import person_keys
from herne.portal.booking.storage import CANCELLED
from herne.portal.booking.storage import EXPIRED
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.storage import slot_bookings


#: The fields an index entry copies: a change of one of them files the booking again.
FILED_FIELDS = ("state", "start", "keys", "hold_until")

#: States a booking never leaves: it holds no place any more and leaves the indexes.
UNFILED_STATES = (CANCELLED, EXPIRED)


def index_keys(booking):
    """(index, key) of every holder the booking is filed under."""
    persons = person_keys(booking["service"], booking.get("email"), booking.get("account"))
    applications = application_keys(booking.get("application"))
    return [(PERSONS, key) for key in persons] + [(APPLICATIONS, key) for key in applications]


def entry_of(department, booking):
    """What an index keeps of a booking: enough to decide "open" and to find the booking."""
    return {
        "code": booking["code"],
        "office": department.UID(),
        "key": booking["keys"][0],
        "start": booking["start"],
        "state": booking["state"],
        "hold_until": booking["hold_until"],
    }


def file_booking(department, booking):
    """File (or refile) ``booking`` under each of its keys; a cancelled or expired one is taken out."""
    site = site_of(department)
    for name, key in index_keys(booking):
        if booking["state"] in UNFILED_STATES:
            remove_entry(name, key, booking["code"], site)
        else:
            file_entry(name, key, entry_of(department, booking), site)


def unfile_booking(booking):
    """Take a deleted booking out of every index."""
    for name, key in index_keys(booking):
        remove_entry(name, key, booking["code"])


def filed_booking(entry, department=None):
    """The stored booking an index entry stands for (``department``: its office, when known), or None."""
    if department is None or department.UID() != entry["office"]:
        department = unrestricted_object(entry["office"])
    slot = slot_bookings(office_bookings(department), entry["key"]) if department else None
    for booking in slot.bookings if slot is not None else ():
        if booking["code"] == entry["code"]:
            return booking
    return None


def rebuild_indexes():
    """Both indexes anew from every office's bookings; returns how many bookings were filed."""
    clear(PERSONS)
    clear(APPLICATIONS)
    filed = 0
    for department, tree in offices_with_bookings():
        for booking in each_booking(tree):
            if booking["state"] not in UNFILED_STATES:
                file_booking(department, booking)
                filed += 1
    return filed
