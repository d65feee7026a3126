"""One person, or one application, booking two times at once on separate ZODB connections gets one booking."""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from herne.portal.booking.application_visit import find_application
from herne.portal.booking.application_visit import service_of
from herne.portal.booking.bookings import SlotFull
from herne.portal.booking.limit import LIMIT_REACHED
from herne.portal.booking.office import office_settings
from herne.portal.booking.offices import each_booking
from herne.portal.booking.reservation import ReservationRefused
from herne.portal.booking.reservation import reserve
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.storage import utcnow
from herne.portal.i18n import in_german
from plone import api
from Testing.makerequest import makerequest
from tests.fixtures.applications import CITIZEN
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking import pickup_application
from tests.fixtures.booking_mail import at
import threading
import transaction
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite
from zope.globalrequest import clearRequest
from zope.globalrequest import setRequest


RETRIES = 3  # as many as the Zope publisher makes


def race(db, requests):
    """Each request (start, e-mail, userid, application UID) on its own connection, all committing
    at the same moment, retried on conflict like the publisher; their outcomes."""
    barrier = threading.Barrier(len(requests))
    outcome = []

    def request(start, email, userid, application_uid):
        for attempt in range(RETRIES + 1):
            connection = db.open()
            try:
                transaction.begin()
                app = makerequest(connection.root()["Application"])
                portal = app["plone"]
                setSite(portal)
                setRequest(app.REQUEST)
                if userid:
                    user = portal.acl_users.getUserById(userid)
                    newSecurityManager(None, user.__of__(portal.acl_users))
                office = api.content.find(portal_type="Department", id=OFFICE)[0].getObject()
                application = find_application(application_uid)
                service = (
                    service_of(application)
                    if application is not None
                    else portal["leistungen"]["personalausweis"]
                )
                try:
                    reserve(
                        office,
                        service,
                        start,
                        office_settings(office).capacity,
                        utcnow(),
                        "Bernd Bergmann",
                        email,
                        application,
                        5 if application is not None else None,
                    )
                except ReservationRefused as refused:
                    transaction.abort()
                    outcome.append((refused.field, in_german(refused.message)))
                    return
                except SlotFull:
                    transaction.abort()
                    outcome.append(("ausgebucht", attempt))
                    return
                if attempt == 0:
                    barrier.wait(timeout=30)  # everybody commits at the same moment
                transaction.commit()
                outcome.append(("gebucht", attempt))
                return
            except ConflictError:
                transaction.abort()
                outcome.append(("conflict", attempt))
            finally:
                noSecurityManager()
                setSite(None)
                clearRequest()
                connection.close()
        outcome.append(("5xx", RETRIES))

    threads = [threading.Thread(target=request, args=args) for args in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcome


def stored_codes(office):
    transaction.begin()  # see what the threads committed
    tree = office_bookings(office)
    return [booking["code"] for booking in each_booking(tree)] if tree is not None else []


def kinds(outcome):
    return sorted(entry[0] for entry in outcome)


def test_the_same_address_booking_two_times_at_once_gets_one_and_the_limit_message(
    booking_office, demo_functional
):
    _portal, office, _service = booking_office
    day = next_weekday(1)
    outcome = race(
        demo_functional["zodbDB"],
        [
            (at(day, 9), "bernd@example.org", None, None),
            (at(day, 10), " Bernd@Example.org", None, None),
        ],
    )

    assert kinds(outcome) == ["conflict", "email", "gebucht"], outcome
    assert ("email", in_german(LIMIT_REACHED)) in outcome
    assert len(stored_codes(office)) == 1


def test_the_same_account_with_two_addresses_at_once_gets_one_booking(
    booking_office, demo_functional
):
    _portal, office, _service = booking_office
    day = next_weekday(1)
    userid = CITIZEN[0]
    outcome = race(
        demo_functional["zodbDB"],
        [
            (at(day, 9), "erste@example.org", userid, None),
            (at(day, 10), "zweite@example.org", userid, None),
        ],
    )

    assert kinds(outcome) == ["conflict", "email", "gebucht"], outcome
    assert len(stored_codes(office)) == 1


def test_different_people_booking_at_the_same_moment_all_get_their_time(
    booking_office, demo_functional
):
    _portal, office, _service = booking_office
    day = next_weekday(1)
    people = [
        (at(day, 8 + n // 4, 15 * (n % 4)), f"person{n}@example.org", None, None) for n in range(6)
    ]
    outcome = race(demo_functional["zodbDB"], people)

    booked = [entry for entry in outcome if entry[0] == "gebucht"]
    assert len(booked) == 6, outcome
    assert "5xx" not in kinds(outcome)
    assert len(stored_codes(office)) == 6


def test_two_bookings_for_one_application_at_once_give_one_visit(booking_office, demo_functional):
    portal, office, _service = booking_office
    application = pickup_application(portal, office)
    # two open bookings per person allowed: only the application's own rule stands in the way
    api.portal.set_registry_record("herne.portal.booking.limit_per_person", 2)
    transaction.commit()
    day = next_weekday(1)
    outcome = race(
        demo_functional["zodbDB"],
        [
            (at(day, 9), "bernd@example.org", CITIZEN[0], application.UID()),
            (at(day, 10), "bernd@example.org", CITIZEN[0], application.UID()),
        ],
    )

    assert kinds(outcome) == ["application", "conflict", "gebucht"], outcome
    (refused,) = [message for kind, message in outcome if kind == "application"]
    assert refused.startswith("Für diesen Antrag ist schon ein Termin gebucht: ")
    assert "verschieben oder absagen" in refused
    assert len(stored_codes(office)) == 1


def test_the_same_address_posting_two_times_at_once_through_the_server(booking_office, api_session):
    _portal, office, service = booking_office
    day = next_weekday(1)
    for round_number in range(3):  # the race does not show on every try
        address = f"runde{round_number}@example.org"
        barrier = threading.Barrier(2)
        responses = []

        def post(start, address=address, barrier=barrier, responses=responses):
            session = api_session()
            barrier.wait(timeout=30)
            responses.append(
                session.post(
                    "@termine",
                    json={
                        "office": OFFICE,
                        "service": service.UID(),
                        "start": start.isoformat(),
                        "name": "Bernd Bergmann",
                        "email": address,
                    },
                )
            )

        starts = (at(day, 8 + round_number), at(day, 11, 15 * round_number))
        threads = [threading.Thread(target=post, args=(start,)) for start in starts]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

        statuses = sorted(response.status_code for response in responses)
        assert statuses == [201, 400], [response.text for response in responses]
        (refused,) = [response for response in responses if response.status_code == 400]
        assert refused.json()["error"]["errors"] == [
            {"field": "email", "message": in_german(LIMIT_REACHED)}
        ]
    assert len(stored_codes(office)) == 3
