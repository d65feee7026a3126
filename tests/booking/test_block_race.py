"""A block and a booking of the same time racing on separate ZODB connections never leave a place over capacity."""

from datetime import datetime
from datetime import time
from herne.portal.booking.bookings import SlotFull
from herne.portal.booking.bookings import book
from herne.portal.booking.counter_blocking import lift_block
from herne.portal.booking.counter_blocking import place_block
from herne.portal.booking.office import office_settings
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.storage import utcnow
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking import set_up_booking
import threading
import transaction
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite


RETRIES = 3  # as many as the Zope publisher makes


def retried(db, office_path, work, barrier, outcome, name):
    """Run ``work(office)`` in its own connection and transaction, retried on conflict like the publisher."""
    manager = transaction.TransactionManager()
    for attempt in range(RETRIES + 1):
        connection = db.open(transaction_manager=manager)
        try:
            manager.begin()
            app = connection.root()["Application"]
            setSite(app["plone"])  # as the publisher does: the mail reads the portal's settings
            office = app.unrestrictedTraverse(office_path)
            result = work(office)
            if attempt == 0:
                barrier.wait(timeout=30)  # both commit at the same moment
            manager.commit()
            outcome.append((name, result, attempt))
            return
        except ConflictError:
            manager.abort()
            outcome.append((name, "conflict", attempt))
        finally:
            connection.close()
    outcome.append((name, "5xx", RETRIES))


def at(day, hour):
    return datetime.combine(day, time(hour), tzinfo=BERLIN)


def test_a_booking_racing_a_closure_is_refused_or_cancelled(demo_functional):
    portal = demo_functional["portal"]
    office, service = set_up_booking(portal, counters=1, walk_in_percent=0)
    service_uid = service.UID()
    path = office.getPhysicalPath()
    # the office has blocks and bookings already, as it will after its first weeks
    first = next_weekday(1)
    block, _cancelled = place_block(office, at(first, 8), at(first, 9), None, "", utcnow(), "x")
    lift_block(office, block["id"])
    book(office, service_uid, at(first, 11), 15, 1, utcnow(), "Früh", "f@example.org")
    transaction.commit()

    outcomes = []
    for week in range(3):
        day = next_weekday(2, weeks=week)

        def closure(office, day=day):
            _block, cancelled = place_block(
                office, at(day, 8), at(day, 12), None, "", utcnow(), "x"
            )
            return f"{len(cancelled)} abgesagt"

        def booking(office, day=day):
            try:
                book(
                    office,
                    service_uid,
                    at(day, 9),
                    15,
                    office_settings(office).capacity,
                    utcnow(),
                    "Spät",
                    "s@example.org",
                )
            except SlotFull:
                return "ausgebucht"
            return "gebucht"

        barrier = threading.Barrier(2)
        outcome = []
        threads = [
            threading.Thread(
                target=retried,
                args=(demo_functional["zodbDB"], path, work, barrier, outcome, name),
            )
            for name, work in (("closure", closure), ("booking", booking))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        outcomes += outcome

        transaction.begin()  # see what the threads committed
        slot = office_bookings(office).get(at(day, 9).strftime("%Y-%m-%dT%H:%M"))
        assert not (slot.occupying(utcnow()) if slot is not None else []), outcome
        finals = {name: result for name, result, _attempt in outcome if result != "conflict"}
        assert finals in (
            {"closure": "1 abgesagt", "booking": "gebucht"},  # booked first, then cancelled
            {"closure": "0 abgesagt", "booking": "ausgebucht"},  # closed first
        ), outcome
    assert any(result == "conflict" for _name, result, _attempt in outcomes)  # the race happened
