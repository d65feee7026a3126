"""The per-person limit and an application's booking with 5,000 bookings: the indexes against walking every booking.

Run (not part of `make test`):

    .venv/bin/pytest benchmarks/bench_booking_indexes.py -s -p no:cacheprovider

`HERNE_BENCH_BOOKINGS` (default 5000) and `HERNE_BENCH_REQUESTS` (default 50). Both
Bürgerdienste book Mo-Fr 08:00-12:00 and 13:00-17:00 with 6 counters; the bookings fill
the coming working days, each with its own address, one of them the citizen's, for an
application ready for pick-up. Timed in-process: the limit check of a booking request
(``limit_reached``, read from the per-person index) and the application's open booking
(``open_booking``, read from the per-application index), each beside the same answer found
by walking every office's bookings as the code before the indexes did; and through the
publisher ``POST @termine`` refused by the limit (400). Results go to stdout; record them
in docs/benchmarks.md.
"""

from datetime import timedelta
from herne.portal.booking.application_visit import open_booking
from herne.portal.booking.bookings import book
from herne.portal.booking.limit import is_open
from herne.portal.booking.limit import limit_reached
from herne.portal.booking.office import office_settings
from herne.portal.booking.offices import each_booking
from herne.portal.booking.offices import offices_with_bookings
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.slots import day_starts
from herne.portal.booking.slots import earliest_day
from herne.portal.booking.slots import is_closed
from herne.portal.booking.storage import holds_a_place
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.storage import utcnow
import json
import os
from plone import api
from plone.testing.zope import Browser
import statistics
from tests.fixtures.booking import pickup_application
import time
import transaction


BOOKINGS = int(os.environ.get("HERNE_BENCH_BOOKINGS", "5000"))
REQUESTS = int(os.environ.get("HERNE_BENCH_REQUESTS", "50"))
OFFICES = ("buergerdienste-herne-mitte", "buergerdienste-wanne")
CITIZEN = "bernd@example.org"


def open_starts(settings, first, days):
    for offset in range(days):
        day = first + timedelta(days=offset)
        if not is_closed(settings, day):
            yield from day_starts(settings, day, 15)


def fill(portal, now):
    """BOOKINGS bookings from the earliest day on at both offices; the citizen's is the last one."""
    service = portal["leistungen"]["personalausweis"]
    service.visit_minutes = 15
    departments = []
    for office_id in OFFICES:
        department = api.content.find(portal_type="Department", id=office_id)[0].getObject()
        department.booking_counters = 6
        department.booking_hours = "Mo-Fr 08:00-12:00\nMo-Fr 13:00-17:00"
        department.booking_closures = ""
        department.booking_horizon_weeks = 8
        department.booking_walk_in_percent = 0
        departments.append(department)
    service.booking_offices = [department.UID() for department in departments]
    application = pickup_application(portal, departments[0])
    transaction.commit()
    per_office = BOOKINGS // len(departments)
    next_free = []
    for number, department in enumerate(departments):
        settings = office_settings(department)
        starts = [
            start for start in open_starts(settings, earliest_day(now), 60) for _place in range(6)
        ]
        for index, start in enumerate(starts[:per_office]):
            book(
                department,
                service.UID(),
                start,
                15,
                settings.capacity,
                now,
                "Bench",
                f"b{number}-{index}@example.org",
            )
            if index % 500 == 0:
                transaction.commit()
        transaction.commit()
        next_free.append(starts[per_office])
    # the citizen's pick-up: the next free place at Herne-Mitte, the application's office
    start = next_free[0]
    book(departments[0], service.UID(), start, 5, 6, now, "Bernd", CITIZEN, application.UID())
    transaction.commit()
    return service, application, departments


def walked_limit(service_uid, email, now):
    """Open bookings of the person by walking every office's bookings (before the indexes)."""
    low = now.astimezone(BERLIN).strftime("%Y-%m-%d")
    return sum(
        1
        for _department, tree in offices_with_bookings()
        for booking in each_booking(tree, low)
        if booking["service"] == service_uid
        and is_open(booking, now)
        and (booking["email"] or "").lower() == email
    )


def walked_application_booking(department, uid, now):
    """The application's booking by walking its office's bookings (before the indexes)."""
    for _key, slot in office_bookings(department).items(now.strftime("%Y-%m-%d")):
        for booking in slot.bookings:
            if booking.get("application") == uid and holds_a_place(booking, now):
                return booking
    return None


def timed(name, call, requests=REQUESTS):
    call()
    latencies = []
    for _ in range(requests):
        started = time.perf_counter()
        call()
        latencies.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(latencies, n=20, method="inclusive")[-1]
    print(
        f"{name:<44} n={requests}  p50={statistics.median(latencies):8.2f} ms  "
        f"p95={p95:8.2f} ms  max={max(latencies):8.2f} ms"
    )


def test_booking_indexes(demo_functional):
    portal = demo_functional["portal"]
    now = utcnow()
    started = time.perf_counter()
    service, application, departments = fill(portal, now)
    print(f"\n{BOOKINGS} bookings made in {time.perf_counter() - started:.1f} s")
    uid = service.UID()
    assert limit_reached(uid, CITIZEN, None, now)
    assert walked_limit(uid, CITIZEN, now) == 1
    assert (
        open_booking(application, now)["code"]
        == (walked_application_booking(departments[0], application.UID(), now)["code"])
    )

    timed("limit: per-person index", lambda: limit_reached(uid, CITIZEN, None, now))
    timed("limit: walking every booking", lambda: walked_limit(uid, CITIZEN, now), 10)
    timed("application booking: per-application index", lambda: open_booking(application, now))
    timed(
        "application booking: walking the office",
        lambda: walked_application_booking(departments[0], application.UID(), now),
        10,
    )

    waiting = pickup_application(portal, departments[0])  # needs a visit, none booked yet
    transaction.commit()
    timed("no booking yet: per-application index", lambda: open_booking(waiting, now))
    timed(
        "no booking yet: walking the office",
        lambda: walked_application_booking(departments[0], waiting.UID(), now),
        10,
    )

    browser = Browser(demo_functional["app"])
    browser.raiseHttpErrors = False
    browser.addHeader("Accept", "application/json")
    start = application_free_start(departments[1], now)
    body = json.dumps(
        {
            "office": OFFICES[1],
            "service": uid,
            "start": start.isoformat(),
            "name": "Bernd",
            "email": CITIZEN,
        }
    )

    def refused_by_the_limit():
        browser.post(f"{portal.absolute_url()}/@termine", body, "application/json")
        assert browser.headers["status"].startswith("400"), browser.contents

    timed("POST @termine refused by the limit (publisher)", refused_by_the_limit, 20)


def application_free_start(department, now):
    """A free time at ``department`` in the second week, for the refused request."""
    settings = office_settings(department)
    taken = office_bookings(department)
    for start in open_starts(settings, earliest_day(now) + timedelta(days=7), 60):
        if taken.get(start.astimezone(BERLIN).strftime("%Y-%m-%dT%H:%M")) is None:
            return start
    raise AssertionError("no free time")
