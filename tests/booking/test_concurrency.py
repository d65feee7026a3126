"""No slot is given out beyond its capacity when bookings race on separate ZODB connections."""

from datetime import datetime
from herne.portal.booking.bookings import SlotFull
from herne.portal.booking.bookings import book
from herne.portal.booking.office import office_settings
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.storage import utcnow
from plone import api
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking import set_up_booking
import threading
import transaction
from ZODB.POSException import ConflictError


ATTEMPTS = 8
RETRIES = 3  # as many as the Zope publisher makes


def race(db, office_path, starts, barrier, outcome):
    """One request per start, each on its own connection, retried on conflict like the publisher."""

    def request(number, start):
        manager = transaction.TransactionManager()
        for attempt in range(RETRIES + 1):
            connection = db.open(transaction_manager=manager)
            try:
                manager.begin()
                app = connection.root()["Application"]
                portal = app["plone"]
                office = app.unrestrictedTraverse(office_path)
                service_uid = portal["leistungen"]["personalausweis"].UID()
                capacity = office_settings(office).capacity
                try:
                    book(
                        office,
                        service_uid,
                        start,
                        15,
                        capacity,
                        utcnow(),
                        f"Person {number}",
                        f"person{number}@example.org",  # one person, one open booking
                    )
                except SlotFull:
                    manager.abort()
                    outcome.append(("ausgebucht", number, attempt))
                    return
                if attempt == 0:
                    barrier.wait(timeout=30)  # everybody commits at the same moment
                manager.commit()
                outcome.append(("gebucht", number, attempt))
                return
            except ConflictError:
                manager.abort()
                outcome.append(("conflict", number, attempt))
            finally:
                connection.close()
        outcome.append(("5xx", number, RETRIES))

    threads = [threading.Thread(target=request, args=(n, s)) for n, s in enumerate(starts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)


def stored(portal, start):
    """The bookings that hold a place at ``start`` as the database has them."""
    office = api.content.find(context=portal, portal_type="Department", id=OFFICE)[0].getObject()
    slot = office_bookings(office).get(start.strftime("%Y-%m-%dT%H:%M"))
    return slot.occupying(utcnow()) if slot is not None else []


def test_many_bookings_of_the_last_places_give_out_exactly_the_capacity(demo_functional):
    portal = demo_functional["portal"]
    department, _service = set_up_booking(portal, counters=3, walk_in_percent=0)  # capacity 3
    start = datetime.combine(next_weekday(1), datetime.min.time().replace(hour=9), tzinfo=BERLIN)
    outcome = []
    race(
        demo_functional["zodbDB"],
        department.getPhysicalPath(),
        [start] * ATTEMPTS,
        threading.Barrier(ATTEMPTS),
        outcome,
    )

    results = [entry[0] for entry in outcome]
    assert results.count("gebucht") == 3
    assert results.count("ausgebucht") == ATTEMPTS - 3
    assert "5xx" not in results
    assert results.count("conflict") >= 1  # the race really happened and was retried
    transaction.begin()  # see what the threads committed
    assert len(stored(portal, start)) == 3


def test_bookings_of_different_times_do_not_conflict(demo_functional):
    portal = demo_functional["portal"]
    department, service = set_up_booking(portal, counters=1, walk_in_percent=0)
    day = next_weekday(2)
    starts = [
        datetime.combine(day, datetime.min.time().replace(hour=8, minute=15 * n), tzinfo=BERLIN)
        for n in range(4)
    ] + [
        datetime.combine(day, datetime.min.time().replace(hour=10, minute=15 * n), tzinfo=BERLIN)
        for n in range(4)
    ]
    # the office already has bookings, as it will after its first day
    book(
        department,
        service.UID(),
        datetime.combine(day, datetime.min.time().replace(hour=11), tzinfo=BERLIN),
        15,
        1,
        utcnow(),
        "Früh",
        "f@example.org",
    )
    transaction.commit()
    outcome = []
    race(
        demo_functional["zodbDB"],
        department.getPhysicalPath(),
        starts,
        threading.Barrier(len(starts)),
        outcome,
    )

    assert sorted(entry[0] for entry in outcome) == ["gebucht"] * len(starts)
    transaction.begin()
    assert [len(stored(portal, start)) for start in starts] == [1] * len(starts)
