"""The dashboard's Termine with 5,000 bookings at 2 offices of 6 counters: figures, job step and page.

Run (not part of `make test`):

    .venv/bin/pytest benchmarks/bench_booking_figures.py -s -p no:cacheprovider

`HERNE_BENCH_BOOKINGS` (default 5000), `HERNE_BENCH_REQUESTS` (default 20) and
`HERNE_BENCH_CACHE_SIZE` (ZODB objects per connection, default 30000, as in
bench_dashboard.py; the test layer's small default reloads every booking slot). Both
Bürgerdienste book Mo-Fr 08:00-12:00 and 13:00-17:00 with 6 counters and no walk-in
share; half the bookings lie in the last 30 days (every state), half fill the coming
working days from the earliest one on, so that the first free slot is some working days
ahead and the search for it walks through full days. Timed: the figures of every office
in-process (``booking_overview``, what the dashboard computes once per cache window),
the booking job's step (``record_daily_figures``: first run counting the past 30 days,
then a second run the same day writing nothing), and the dashboard page and its Termine
CSV through the publisher with the figures' cache emptied before each request. Results
go to stdout; record them in docs/benchmarks.md.
"""

from datetime import timedelta
from herne.portal.booking.bookings import book
from herne.portal.booking.bookings import confirm
from herne.portal.booking.daily_figures import record_daily_figures
from herne.portal.booking.office import office_settings
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.slots import day_starts
from herne.portal.booking.slots import earliest_day
from herne.portal.booking.slots import is_closed
from herne.portal.booking.storage import ARRIVED
from herne.portal.booking.storage import CANCELLED
from herne.portal.booking.storage import DONE
from herne.portal.booking.storage import NO_SHOW
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.storage import slot_bookings
from herne.portal.booking.storage import utcnow
from herne.portal.reporting import bookings as booking_figures
import os
from plone import api
from plone.testing.zope import Browser
import random
import statistics
import time
import transaction


BOOKINGS = int(os.environ.get("HERNE_BENCH_BOOKINGS", "5000"))
REQUESTS = int(os.environ.get("HERNE_BENCH_REQUESTS", "20"))
CACHE_SIZE = int(os.environ.get("HERNE_BENCH_CACHE_SIZE", "30000"))
OFFICES = ("buergerdienste-herne-mitte", "buergerdienste-wanne")
UNIT = ("digitalisierung", "demo-digitalisierung-2026")
PAST_STATES = (DONE, DONE, DONE, ARRIVED, NO_SHOW, CANCELLED)


def open_starts(settings, first, days):
    """Every slot start (15 min) of the open days from ``first`` on, ``days`` days long."""
    for offset in range(days):
        day = first + timedelta(days=offset)
        if not is_closed(settings, day):
            yield from day_starts(settings, day, 15)


def fill(portal, rng, now):
    """BOOKINGS bookings: half in the past 30 days in every state, half from the earliest day on."""
    service = portal["leistungen"]["personalausweis"]
    service.visit_minutes = 15
    departments = []
    for office_id in OFFICES:
        department = api.content.find(portal_type="Department", id=office_id)[0].getObject()
        department.booking_counters = 6
        department.booking_hours = "Mo-Fr 08:00-12:00\nMo-Fr 13:00-17:00"
        department.booking_closures = ""
        department.booking_walk_in_percent = 0
        departments.append(department)
    service.booking_offices = [department.UID() for department in departments]
    transaction.commit()
    per_office = BOOKINGS // len(departments)
    for number, department in enumerate(departments):
        settings = office_settings(department)
        today = now.astimezone(BERLIN).date()
        past = [
            start
            for start in open_starts(settings, today - timedelta(days=30), 30)
            for _place in range(6)
        ]
        coming = [
            start for start in open_starts(settings, earliest_day(now), 60) for _place in range(6)
        ]
        for index, start in enumerate(
            rng.sample(past, per_office // 2) + coming[: per_office - per_office // 2]
        ):
            made = start - timedelta(days=7)
            booking, _token, _confirm = book(
                department,
                service.UID(),
                start,
                15,
                settings.capacity,
                made,
                "Bench",
                f"b{number}-{index}@example.org",
            )
            booking = confirm(department, booking, made)
            if start < now:
                state = rng.choice(PAST_STATES)
                tree = office_bookings(department)
                for key in booking["keys"]:
                    slot_bookings(tree, key).replace(booking["code"], state=state)
            if index % 500 == 0:
                transaction.commit()
        transaction.commit()
    return departments


def timed(name, call, requests=REQUESTS):
    """Call once to warm up, then ``requests`` times; prints p50, p95 and max in ms."""
    call()
    latencies = []
    for _ in range(requests):
        started = time.perf_counter()
        call()
        latencies.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(latencies, n=20, method="inclusive")[-1]
    print(
        f"{name:<36} n={requests}  p50={statistics.median(latencies):7.1f} ms  "
        f"p95={p95:7.1f} ms  max={max(latencies):7.1f} ms"
    )


def test_booking_figures(demo_functional):
    portal = demo_functional["portal"]
    portal._p_jar.db().setCacheSize(CACHE_SIZE)
    now = utcnow()
    started = time.perf_counter()
    fill(portal, random.Random(2026), now)
    print(f"\n{BOOKINGS} bookings made in {time.perf_counter() - started:.1f} s")

    overview = booking_figures.booking_overview(now)
    for office in overview:
        wait = office["wait"]
        print(
            f"{office['office']}: first free {wait.slot.start if wait.slot else None}, "
            f"{wait.working_days} working days, no-shows {office['no_show_share']} %"
        )
        assert wait.working_days and wait.working_days > 1

    started = time.perf_counter()
    first_run = record_daily_figures(now)
    first_seconds = time.perf_counter() - started
    transaction.commit()
    started = time.perf_counter()
    second_run = record_daily_figures(now)
    second_seconds = time.perf_counter() - started
    transaction.commit()
    print(
        f"record_daily_figures: first run {first_run} rows in {first_seconds * 1000:.0f} ms, "
        f"second run {second_run} rows in {second_seconds * 1000:.0f} ms"
    )
    assert second_run == 0

    page = Browser(demo_functional["app"])
    page.handleErrors = False
    page.addHeader("Authorization", "Basic {}:{}".format(*UNIT))

    def uncached(url):
        def call():
            booking_figures.invalidate()
            page.open(url)

        return call

    base = portal.absolute_url()
    timed("booking_overview in-process", lambda: booking_figures.booking_overview(utcnow()))
    timed("@@ozg-dashboard, figures computed", uncached(f"{base}/@@ozg-dashboard"))
    timed(
        "CSV termine-wartezeit, computed",
        uncached(f"{base}/@@ozg-dashboard-csv?tabelle=termine-wartezeit"),
    )
    timed(
        "CSV termine-wartezeit, from cache",
        lambda: page.open(f"{base}/@@ozg-dashboard-csv?tabelle=termine-wartezeit"),
    )
