"""Zconsole script of bench_booking_race.py: the site, and one day at Herne-Mitte full but for its last 10 places.

``create`` (HERNE_RACE_ACTION) creates the site as ``make start`` does, sends its mail to
HERNE_BENCH_SMTP_HOST/PORT and fills the day; ``check`` reads the stored bookings of
that day. Both print one line ``RACE <json>``.
"""

from AccessControl.SecurityManagement import newSecurityManager
import json
import os
from pathlib import Path
import sys
from Testing.makerequest import makerequest
import transaction
from zope.component.hooks import setSite


sys.path.insert(0, str(Path.cwd()))

from scripts.create_site import main as create_site  # noqa: E402


SITE_ID = os.environ.get("HERNE_SITE_ID", "herne")
OFFICE = "buergerdienste-herne-mitte"
SERVICE = "personalausweis"
#: The free places left at the day's last three times.
LEFT = (4, 4, 2)


def site(app):
    app = makerequest(app)
    admin = app.acl_users.getUserById(os.environ.get("HERNE_ADMIN_USER", "admin"))
    newSecurityManager(None, admin.__of__(app.acl_users))
    portal = app[SITE_ID]
    setSite(portal)
    return portal


def office_and_service(portal):
    from plone import api

    office = api.content.find(portal_type="Department", id=OFFICE)[0].getObject()
    return office, portal["leistungen"][SERVICE]


def race_day(now):
    """The fourth working day from now: after the demo's bookings and its closure."""
    from herne.portal.demo.bookings import working_days

    return working_days(now, 4)[3]


def create(app):
    create_site(app)
    portal = site(app)
    from herne.portal.booking.bookings import book
    from herne.portal.booking.bookings import confirm
    from herne.portal.booking.office import office_settings
    from herne.portal.booking.slots import day_starts
    from herne.portal.booking.slots import free_places
    from herne.portal.booking.storage import utcnow
    from plone import api

    api.portal.set_registry_record("plone.smtp_host", os.environ["HERNE_BENCH_SMTP_HOST"])
    api.portal.set_registry_record("plone.smtp_port", int(os.environ["HERNE_BENCH_SMTP_PORT"]))
    office, service = office_and_service(portal)
    office.booking_counters = 6
    office.booking_walk_in_percent = 20
    settings = office_settings(office)
    now = utcnow()
    day = race_day(now)
    starts = list(day_starts(settings, day, service.visit_minutes))
    places = [
        free_places(settings, start, service.visit_minutes, lambda _key: 0) for start in starts
    ]
    left = [0] * (len(starts) - len(LEFT)) + list(LEFT)
    taken = [count - free for count, free in zip(places, left, strict=True)]
    made = 0
    for start, count in zip(starts, taken, strict=True):
        for _place in range(count):
            booking = book(
                office,
                service.UID(),
                start,
                service.visit_minutes,
                settings.capacity,
                now,
                f"Vorher {made}",
                f"vorher-{made}@example.org",
            )[0]
            confirm(office, booking, now)
            made += 1
    transaction.commit()
    free = [start.isoformat() for start in starts[-len(LEFT) :]]
    return {
        "office": OFFICE,
        "service": service.UID(),
        "day": day.isoformat(),
        "places_of_the_day": sum(places),
        "booked_before": made,
        "free_starts": free,
        "free_places": sum(LEFT),
    }


def check(app):
    """Per 5-minute step of the race day: the places taken, as the database has them."""
    portal = site(app)
    from herne.portal.booking.office import office_settings
    from herne.portal.booking.storage import office_bookings
    from herne.portal.booking.storage import utcnow

    office, _service = office_and_service(portal)
    now = utcnow()
    day = race_day(now)
    tree = office_bookings(office)
    low = day.isoformat()
    taken = {key: len(slot.occupying(now)) for key, slot in tree.items(low, low + "U")}
    codes = {
        booking["code"] for slot in tree.values(low, low + "U") for booking in slot.occupying(now)
    }
    capacity = office_settings(office).capacity
    return {
        "day": day.isoformat(),
        "bookings": len(codes),
        "steps": len(taken),
        "over_capacity": {key: count for key, count in taken.items() if count > capacity(key)},
        "race_bookings": sorted(
            {
                booking["code"]
                for slot in tree.values(low, low + "U")
                for booking in slot.occupying(now)
                if booking["name"].startswith("Rennen ")
            }
        ),
    }


if __name__ == "__main__":
    action = os.environ.get("HERNE_RACE_ACTION", "check")
    result = create(app) if action == "create" else check(app)  # noqa: F821 - zconsole
    print("RACE " + json.dumps(result))
    sys.exit(0)
