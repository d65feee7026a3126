"""Demo bookings and a closure at both Bürgerdienste, on the working days after the demo is created."""

from datetime import datetime
from datetime import time
from datetime import timedelta
from herne.portal.booking.bookings import book
from herne.portal.booking.bookings import confirm
from herne.portal.booking.day_list import book_by_staff
from herne.portal.booking.day_list import mark
from herne.portal.booking.office import office_settings
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.slots import earliest_day
from herne.portal.booking.slots import is_working_day
from herne.portal.booking.storage import ARRIVED
from herne.portal.booking.storage import BOOKED
from herne.portal.booking.storage import DONE
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.storage import utcnow
from herne.portal.languages import german_only
import json
import logging
from pathlib import Path
from plone import api


logger = logging.getLogger(__name__)

DEMO_BOOKINGS = Path(__file__).resolve().parent / "data" / "bookings.json"

#: The counter's steps that lead from a confirmed booking to each later state.
STEPS = {
    "bestaetigt": (),
    "erschienen": (ARRIVED,),
    "erledigt": (ARRIVED, DONE),
    "nicht erschienen": ("nicht erschienen",),
}


def working_days(now, count):
    """The first ``count`` working days (NRW) after ``now``'s day: day 1 is the earliest bookable one."""
    days = [earliest_day(now)]
    while len(days) < count:
        day = days[-1] + timedelta(days=1)
        while not is_working_day(day):
            day += timedelta(days=1)
        days.append(day)
    return days


def _department(office_id):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Department", id=office_id, **german_only()
    )
    return brains[0]._unrestrictedGetObject()


def _service(service_id):
    return api.portal.get()["leistungen"][service_id]


def _add_closure(department, day, reason):
    lines = [line for line in (department.booking_closures or "").splitlines() if line.strip()]
    department.booking_closures = "\n".join([*lines, f"{day.isoformat()} {reason}"])


def _book(entry, department, day, now):
    service = _service(entry["service"])
    hour, minute = (int(part) for part in entry["time"].split(":"))
    start = datetime.combine(day, time(hour, minute), tzinfo=BERLIN)
    capacity = office_settings(department).capacity
    if entry.get("by_staff"):
        return book_by_staff(
            department, service, start, capacity, now, entry["name"], entry["email"]
        )[0]
    booking = book(
        department,
        service.UID(),
        start,
        service.visit_minutes,
        capacity,
        now,
        entry["name"],
        entry["email"],
    )[0]
    if entry["state"] == BOOKED:
        return booking
    booking = confirm(department, booking, now)
    for state in STEPS[entry["state"]]:
        booking = mark(department, day, booking["code"], state, now)
    return booking


def create_demo_bookings(now=None):
    """The closures and bookings of ``data/bookings.json``; offices holding bookings already are left alone.

    Returns the number of bookings made. An unconfirmed (*gebucht*) booking holds its
    place for 30 minutes from ``now``, as any other.
    """
    now = now or utcnow()
    data = json.loads(DEMO_BOOKINGS.read_text(encoding="utf-8"))
    entries = data["closures"] + data["bookings"]
    days = working_days(now, max(entry["working_day"] for entry in entries))
    offices = {entry["office"] for entry in entries}
    untouched = {
        office_id for office_id in offices if office_bookings(_department(office_id)) is None
    }
    for entry in data["closures"]:
        if entry["office"] in untouched:
            _add_closure(
                _department(entry["office"]), days[entry["working_day"] - 1], entry["reason"]
            )
    made = 0
    for entry in data["bookings"]:
        if entry["office"] in untouched:
            _book(entry, _department(entry["office"]), days[entry["working_day"] - 1], now)
            made += 1
    logger.info("Herne demo bookings: %s made", made)
    return made
