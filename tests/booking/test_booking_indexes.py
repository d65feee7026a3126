"""The per-person and per-application indexes follow every change of a booking, and the rules read only them."""

from datetime import timedelta
from herne.portal.booking.application_visit import open_booking
from herne.portal.booking.bookings import book
from herne.portal.booking.bookings import cancel
from herne.portal.booking.bookings import confirm
from herne.portal.booking.day_list import day_bookings
from herne.portal.booking.day_list import mark
from herne.portal.booking.index_holders import index_tree
from herne.portal.booking.limit import limit_reached
from herne.portal.booking.move import move
from herne.portal.booking.person_index import PERSONS
from herne.portal.booking.person_index import person_keys
from herne.portal.booking.storage import ANNOTATION_KEY
from herne.portal.booking.storage import NO_SHOW
from herne.portal.booking.storage import utcnow
from herne.portal.booking.upkeep import delete_old_bookings
from herne.portal.booking.upkeep import expire_bookings
import pytest
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking import pickup_application
from tests.fixtures.booking_mail import at
from zope.annotation.interfaces import IAnnotations


ADDRESS = "bernd@example.org"


def booked(office, service, start, now, email=ADDRESS, account=None, application=None):
    booking, _token, _confirm = book(
        office, service.UID(), start, 15, 2, now, "Bernd Bergmann", email, application, account
    )
    return booking


def holds_limit(service, now, email=ADDRESS, account=None):
    return limit_reached(service.UID(), email, account, now) is not None


def person_keys_stored(service, email=ADDRESS, account=None):
    """The index keys of the person that are stored (an address is kept only while needed)."""
    tree = index_tree(PERSONS)
    return [key for key in person_keys(service.UID(), email, account) if key in (tree or {})]


def test_a_booking_counts_for_its_address_and_account_until_it_is_cancelled(booking_office):
    _portal, office, service = booking_office
    now = utcnow()
    booking = booked(office, service, at(next_weekday(1), 9), now, account="buerger")
    assert holds_limit(service, now, email=" BERND@example.org ")
    assert holds_limit(service, now, email="andere@example.org", account="buerger")
    assert not holds_limit(service, now, email="andere@example.org")

    cancel(office, booking)

    assert not holds_limit(service, now, account="buerger")
    assert (
        person_keys_stored(service, account="buerger") == []
    )  # no address is kept for a cancelled booking


def test_an_unconfirmed_booking_stops_counting_after_its_hold_and_leaves_when_expired(
    booking_office,
):
    _portal, office, service = booking_office
    now = utcnow()
    booked(office, service, at(next_weekday(1), 9), now)
    later = now + timedelta(minutes=31)
    assert holds_limit(service, now)
    assert not holds_limit(service, later)

    assert expire_bookings(later) == 1

    assert person_keys_stored(service) == []


def test_a_confirmed_booking_counts_after_the_hold_until_it_is_marked_nicht_erschienen(
    booking_office,
):
    _portal, office, service = booking_office
    now = utcnow()
    day = next_weekday(1)
    confirm(office, booked(office, service, at(day, 9), now), now)
    later = now + timedelta(hours=2)
    assert holds_limit(service, later)

    mark(office, day, booked_code(office, day, now), NO_SHOW, later)

    assert not holds_limit(service, later)


def booked_code(office, day, now):
    (booking,) = day_bookings(office, day, now)
    return booking["code"]


def test_the_retention_job_deletes_the_bookings_from_the_indexes(booking_office):
    _portal, office, service = booking_office
    now = utcnow()
    start = at(next_weekday(1), 9)
    confirm(office, booked(office, service, start, now), now)
    assert person_keys_stored(service)

    assert delete_old_bookings(start + timedelta(days=31), days=30) == 1

    assert person_keys_stored(service) == []


def test_the_applications_open_booking_comes_from_the_index_and_ends_with_its_cancellation(
    booking_office,
):
    portal, office, service = booking_office
    application = pickup_application(portal, office)
    now = utcnow()
    booking = booked(office, service, at(next_weekday(1), 9), now, application=application.UID())
    assert open_booking(application, now)["code"] == booking["code"]

    cancel(office, booking)

    assert open_booking(application, now) is None


class LookUpOnly:
    """An office's bookings that may be looked up by grid key but not walked."""

    def __init__(self, tree):
        self.tree = tree

    def get(self, key, default=None):
        return self.tree.get(key, default)

    def walk(self, *args, **kwargs):
        pytest.fail("walked the office's bookings")

    items = values = keys = __iter__ = walk


def test_the_limit_and_the_applications_booking_do_not_walk_every_booking(
    booking_office, monkeypatch
):
    portal, office, service = booking_office
    application = pickup_application(portal, office)
    now = utcnow()
    booked(office, service, at(next_weekday(1), 9), now, application=application.UID())

    annotations = IAnnotations(office)
    monkeypatch.setitem(annotations, ANNOTATION_KEY, LookUpOnly(annotations[ANNOTATION_KEY]))
    assert holds_limit(service, now)
    assert open_booking(application, now) is not None


def test_a_moved_confirmed_booking_keeps_counting_at_its_new_time(booking_office):
    _portal, office, service = booking_office
    now = utcnow()
    day = next_weekday(1)
    old = confirm(office, booked(office, service, at(day, 9), now), now)

    new, _token, _confirm = move(office, old, at(day, 10), 2, now)

    later = now + timedelta(hours=2)  # after the hold a booked one would have had
    (entry,) = limit_reached(service.UID(), ADDRESS, None, later)
    assert entry["code"] == new["code"]
    assert entry["state"] == "bestaetigt"
