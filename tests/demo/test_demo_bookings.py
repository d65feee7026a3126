"""The site `make start` creates has bookings in every state and a closure at both Bürgerdienste."""

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from herne.portal.booking.day_list import day_bookings
from herne.portal.booking.office import office_settings
from herne.portal.booking.reminders import send_reminders
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.slots import is_closed
from herne.portal.demo.bookings import create_demo_bookings
from herne.portal.demo.bookings import working_days
import pytest
from tests.demo.test_demo_mail import create_site_script
from tests.fixtures.booking import office
from tests.fixtures.mail import settle
import transaction


#: A Thursday afternoon: the next working days are Friday, Monday and Tuesday.
CREATED = datetime(2027, 3, 4, 15, 0, tzinfo=BERLIN).astimezone(UTC)
OFFICES = ("buergerdienste-herne-mitte", "buergerdienste-wanne")
EVERY_STATE = {"gebucht", "bestaetigt", "erschienen", "erledigt", "nicht erschienen"}


def test_the_created_site_has_demo_bookings_from_the_next_working_day(demo, capsys):
    create_site_script().create_demo_bookings()
    assert "15 demo bookings" in capsys.readouterr().out
    now = datetime.now(UTC)
    first = working_days(now, 1)[0]
    for office_id in OFFICES:
        listed = day_bookings(office(demo["portal"], office_id), first, now)
        assert {booking["state"] for booking in listed} == EVERY_STATE


@pytest.mark.parametrize("office_id", OFFICES)
def test_every_state_and_a_staff_booking_on_the_day_lists(demo, office_id):
    create_demo_bookings(CREATED)
    department = office(demo["portal"], office_id)
    friday, monday, tuesday = working_days(CREATED, 3)
    assert (friday.isoformat(), tuesday.isoformat()) == ("2027-03-05", "2027-03-09")
    shortly_after = CREATED + timedelta(minutes=5)
    on_friday = day_bookings(department, friday, shortly_after)
    assert {booking["state"] for booking in on_friday} == EVERY_STATE
    assert any(booking.get("by_staff") for booking in on_friday)
    on_monday = day_bookings(department, monday, shortly_after)
    assert on_monday
    assert all(booking["state"] == "bestaetigt" for booking in on_monday)
    # The counter's list: every booking has a name, a service and a time within the hours.
    settings = office_settings(department)
    for booking in on_friday + on_monday:
        start = booking["start"].astimezone(BERLIN)
        assert any(
            opens <= start.time() < closes for opens, closes in settings.hours[start.weekday()]
        )
        assert booking["name"]
        assert booking["service"]


def test_an_unconfirmed_demo_booking_expires_like_any_other(demo):
    create_demo_bookings(CREATED)
    department = office(demo["portal"], OFFICES[0])
    friday = working_days(CREATED, 1)[0]
    later = CREATED + timedelta(minutes=31)
    assert "gebucht" not in {
        booking["state"] for booking in day_bookings(department, friday, later)
    }


def test_wanne_is_closed_on_the_third_working_day_and_herne_mitte_is_open(demo):
    create_demo_bookings(CREATED)
    tuesday = working_days(CREATED, 3)[2]
    wanne = office_settings(office(demo["portal"], "buergerdienste-wanne"))
    herne = office_settings(office(demo["portal"], "buergerdienste-herne-mitte"))
    assert is_closed(wanne, tuesday)
    assert not is_closed(herne, tuesday)
    assert wanne.counters == 4
    assert herne.counters == 6


def test_creating_the_demo_bookings_twice_adds_nothing(demo):
    assert create_demo_bookings(CREATED) == 15
    assert create_demo_bookings(CREATED) == 0
    wanne = office(demo["portal"], "buergerdienste-wanne")
    assert wanne.booking_closures.count("Betriebsausflug") == 1


def test_the_reminder_job_reminds_the_demo_bookings_with_an_address(demo_functional, mailbox):
    """README *Termine*, step 5: ``make booking-reminders`` the evening before the first demo day."""
    create_demo_bookings(CREATED)
    transaction.commit()
    evening = datetime(2027, 3, 4, 18, 0, tzinfo=BERLIN)
    assert send_reminders(evening) == 2
    settle(mailbox, 2)
    assert sorted(address for message in mailbox for address in message.rcpt_tos) == [
        "hildegard.krueger@example.org",
        "juergen.schaefer@example.org",
    ]
    assert send_reminders(evening) == 0
