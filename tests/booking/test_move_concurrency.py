"""Moves racing for the last places of a time on separate ZODB connections: never beyond capacity, no booking lost."""

from datetime import datetime
from datetime import time
from herne.portal.booking.bookings import SlotFull
from herne.portal.booking.bookings import book
from herne.portal.booking.bookings import find
from herne.portal.booking.move import move
from herne.portal.booking.office import office_settings
from herne.portal.booking.offices import each_booking
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.storage import utcnow
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking import set_up_booking
import threading
import transaction
from ZODB.POSException import ConflictError


MOVERS = 6
RETRIES = 3  # as many as the Zope publisher makes


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


def race_moves(db, office_path, bookings, target, outcome):
    """Each (key, code, token) moves to ``target`` on its own connection, retried on conflict."""
    barrier = threading.Barrier(len(bookings))

    def request(key, code, token):
        manager = transaction.TransactionManager()
        for attempt in range(RETRIES + 1):
            connection = db.open(transaction_manager=manager)
            try:
                manager.begin()
                office = connection.root()["Application"].unrestrictedTraverse(office_path)
                booking = find(office, key, code, token)
                try:
                    move(office, booking, target, office_settings(office).capacity, utcnow())
                except SlotFull:
                    manager.abort()
                    outcome.append(("ausgebucht", code))
                    return
                if attempt == 0:
                    barrier.wait(timeout=30)  # everybody commits at the same moment
                manager.commit()
                outcome.append(("verschoben", code))
                return
            except ConflictError:
                manager.abort()
                outcome.append(("conflict", code))
            finally:
                connection.close()
        outcome.append(("5xx", code))

    threads = [threading.Thread(target=request, args=args) for args in bookings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)


def test_moves_onto_the_last_places_give_out_exactly_the_capacity_and_losers_keep_theirs(
    demo_functional,
):
    portal = demo_functional["portal"]
    office, service = set_up_booking(portal, counters=2, walk_in_percent=0)  # capacity 2
    day = next_weekday(1)
    target = at(day, 11)
    now = utcnow()
    movers = []
    for number in range(MOVERS):  # one booking at each quarter hour from 08:00
        booking, token, _confirm = book(
            office,
            service.UID(),
            at(day, 8, 0) + (at(day, 8, 15) - at(day, 8, 0)) * number,
            15,
            2,
            now,
            f"Person {number}",
            f"p{number}@example.org",
        )
        movers.append((booking["keys"][0], booking["code"], token))
    transaction.commit()

    outcome = []
    race_moves(demo_functional["zodbDB"], office.getPhysicalPath(), movers, target, outcome)

    results = [entry[0] for entry in outcome]
    assert results.count("verschoben") == 2
    assert results.count("ausgebucht") == MOVERS - 2
    assert "5xx" not in results
    assert results.count("conflict") >= 1  # the race really happened and was retried
    transaction.begin()  # see what the threads committed
    tree = office_bookings(office)
    held = [b for b in each_booking(tree) if b["state"] != "storniert"]
    assert len(held) == MOVERS  # every person still holds exactly one booking
    assert len(tree[target.strftime("%Y-%m-%dT%H:%M")].occupying(utcnow())) == 2
    losers = {code for result, code in outcome if result == "ausgebucht"}
    assert {b["code"] for b in held if b["start"] != target} == losers  # theirs stay put
