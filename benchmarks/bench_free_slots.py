"""Free slots for 8 weeks at two offices with 6 counters each and 5,000 bookings: p95 of ``GET @termine``.

Run (not part of `make test`; about a minute):

    .venv/bin/pytest benchmarks/bench_free_slots.py -s -p no:cacheprovider

Both Bürgerdienste of the demo get 6 counters (20 % kept for walk-ins: 4 places
per time) and their demo hours (Herne-Mitte its opening hours, 34 hours a
week; Wanne its bookable hours). ``HERNE_BENCH_BOOKINGS`` (default 5000)
bookings are made with the booking API (``booking.bookings.book``, then
confirmed; a tenth left unconfirmed and still held) at random free times of
the 8 weeks ahead, half at each office, for random services of 5, 10 and 15
minutes, so a booking occupies one to three 5-minute steps.

Measured through the whole Zope publisher (in-process WSGI, ZODB DemoStorage
of the test layer, anonymous as a citizen is):
``GET /plone/++api++/@termine?office=<id>&service=<UID>&start=<first>&end=<first + 8 weeks>``
for the 5-minute Meldebescheinigung (the most slots) and the 15-minute
Personalausweis at each office, ``HERNE_BENCH_REQUESTS`` (default 100) each,
interleaved after warm-up. For context the same loop times the slot
computation alone in-process (bookings read and slots computed, no JSON).
The ZODB connection cache is set to 30,000 objects as in ``etc/zope.conf.in``.
Target (issue 17): p95 ≤ 50 ms per request. Results go to stdout; record them
in docs/benchmarks.md.
"""

from _catalog_fill import measure
from _catalog_fill import percentiles
from _catalog_fill import report
import cProfile
from datetime import datetime
from datetime import timedelta
from herne.portal.booking.bookings import book
from herne.portal.booking.bookings import confirm
from herne.portal.booking.office import office_settings
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.slots import compute_slots
from herne.portal.booking.slots import day_starts
from herne.portal.booking.slots import earliest_day
from herne.portal.booking.slots import grid_keys
from herne.portal.booking.slots import is_closed
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.storage import taken_counter
from herne.portal.booking.storage import utcnow
import json
import os
from plone import api
from plone.testing.zope import Browser
import pstats
import random
import time
import transaction


BOOKINGS = int(os.environ.get("HERNE_BENCH_BOOKINGS", "5000"))
REQUESTS = int(os.environ.get("HERNE_BENCH_REQUESTS", "100"))
CACHE_SIZE = 30000
OFFICES = ("buergerdienste-herne-mitte", "buergerdienste-wanne")
SERVICES = ("meldebescheinigung", "beglaubigung", "personalausweis", "reisepass")
MEASURED_SERVICES = ("meldebescheinigung", "personalausweis")
WEEKS = 8
TARGET_P95_MS = 50


def department(office_id):
    return api.content.find(portal_type="Department", id=office_id)[0].getObject()


def fill(rng, offices, services, first, last, now):
    """``BOOKINGS`` bookings at random free times, alternating the offices; returns the count per office."""
    made = dict.fromkeys(offices, 0)
    candidates = {}
    for office_id, office in offices.items():
        settings = office_settings(office)
        starts = []
        day = first
        while day <= last:
            if not is_closed(settings, day):
                starts += list(day_starts(settings, day, 5))
            day += timedelta(days=1)
        candidates[office_id] = (settings.capacity, starts)  # places per grid step
    names = list(offices)
    for number in range(BOOKINGS):
        office_id = names[number % len(names)]
        office = offices[office_id]
        capacity, starts = candidates[office_id]
        service = services[rng.choice(list(services))]
        tree = office_bookings(office, create=True)
        for _attempt in range(50):
            start = rng.choice(starts).astimezone(BERLIN)
            keys = grid_keys(start, service.visit_minutes)
            end_of_day = [
                closes
                for opens, closes in office_settings(office).hours[start.weekday()]
                if opens <= start.time() < closes
            ][0]
            fits = (start + timedelta(minutes=service.visit_minutes)).time() <= end_of_day
            if fits and all(
                tree.get(key) is None or len(tree[key].occupying(now)) < capacity(key)
                for key in keys
            ):
                break
        else:
            raise RuntimeError(f"no free time found for booking {number}")
        booking = book(
            office,
            service.UID(),
            start,
            service.visit_minutes,
            capacity,
            now,
            f"Person {number}",
            f"person-{number}@example.org",
        )[0]
        if number % 10:
            confirm(office, booking, now)
        made[office_id] += 1
        if number % 500 == 499:
            transaction.commit()
    transaction.commit()
    return made


def profile(call, rounds=20):
    """Where the time of ``rounds`` calls goes (HERNE_BENCH_PROFILE=1): the top 25 functions."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        call()
    profiler.disable()
    pstats.Stats(profiler).sort_stats(
        os.environ.get("HERNE_BENCH_PROFILE_SORT", "tottime")
    ).print_stats(25)


def test_free_slots(demo_functional):
    portal = demo_functional["portal"]
    app = demo_functional["app"]
    portal._p_jar.db().setCacheSize(CACHE_SIZE)
    offices = {office_id: department(office_id) for office_id in OFFICES}
    for office in offices.values():
        office.booking_counters = 6
        office.booking_walk_in_percent = 20
    services = {service_id: portal["leistungen"][service_id] for service_id in SERVICES}
    transaction.commit()
    now = utcnow()
    first = earliest_day(now)
    last = first + timedelta(weeks=WEEKS) - timedelta(days=1)
    started = time.perf_counter()
    made = fill(random.Random(2027), offices, services, first, last, now)
    print(f"\n{sum(made.values())} bookings made in {time.perf_counter() - started:.0f} s: {made}")
    for office_id, office in offices.items():
        steps = len(office_bookings(office))
        print(f"{office_id}: {steps} 5-minute steps booked")

    base = portal.absolute_url()
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Accept", "application/json")
    measurements = {}
    expected = {}
    cpu = {}  # CPU seconds of this process per request: what other work on the machine leaves alone
    for office_id, office in offices.items():
        for service_id in MEASURED_SERVICES:
            service = services[service_id]
            url = (
                f"{base}/++api++/@termine?office={office_id}&service={service.UID()}"
                f"&start={first.isoformat()}&end={last.isoformat()}"
            )

            label = f"GET @termine {office_id.removeprefix('buergerdienste-')}, {service_id}"

            def call(url=url, label=label):
                started = time.process_time()
                browser.open(url)
                cpu.setdefault(label, []).append(time.process_time() - started)
                return browser.contents

            measurements[label] = call
            items = json.loads(call())["items"]
            settings = office_settings(office)
            computed = compute_slots(
                settings,
                service.visit_minutes,
                first,
                last,
                utcnow(),
                taken_counter(office, first, last, utcnow()),
            )
            expected[label] = [slot for slot in computed if slot.free > 0]
            assert len(items) == len(expected[label])
            full = len(computed) - len(items)
            print(f"{label}: {len(items)} free slots, {full} full, {len(browser.contents)} bytes")
            assert datetime.fromisoformat(items[0]["start"]).date() >= first

            def in_process(office=office, service=service, settings=settings):
                moment = utcnow()
                return compute_slots(
                    settings,
                    service.visit_minutes,
                    first,
                    last,
                    moment,
                    taken_counter(office, first, last, moment),
                )

            measurements[
                f"in-process {office_id.removeprefix('buergerdienste-')}, {service_id}"
            ] = in_process

    if os.environ.get("HERNE_BENCH_PROFILE"):
        profile(next(iter(measurements.values())))
    timings, collections = measure(measurements, REQUESTS)
    results = report(timings, collections, width=48)
    for label, seconds in cpu.items():
        p50, p95 = percentiles(seconds[-REQUESTS:])
        print(f"{label:<48} CPU time p50={p50:7.1f} ms  p95={p95:7.1f} ms")
    missed = {
        name: p95
        for name, (_p50, p95) in results.items()
        if name.startswith("GET") and p95 > TARGET_P95_MS
    }
    print(f"target p95 <= {TARGET_P95_MS} ms: {'missed ' + str(missed) if missed else 'met'}")
