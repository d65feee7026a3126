"""Booking figures per office: counts by state, no-show rate, the wait until the next free slot,
and the daily rows the booking job keeps beyond retention."""

from datetime import date
from datetime import timedelta
from herne.portal.booking.bookings import book
from herne.portal.booking.bookings import cancel
from herne.portal.booking.bookings import confirm
from herne.portal.booking.daily_figures import daily_figures
from herne.portal.booking.daily_figures import record_daily_figures
from herne.portal.booking.day_list import book_by_staff
from herne.portal.booking.day_list import mark
from herne.portal.booking.figures import bookings_of_day
from herne.portal.booking.figures import common_visit_minutes
from herne.portal.booking.figures import day_counts
from herne.portal.booking.figures import waiting_time
from herne.portal.reporting.bookings import booking_overview
from plone import api
import pytest
from tests.fixtures.booking_mail import at
import transaction


#: A Monday without a public holiday near it; the office books Mo-Fr 08:00-12:00, 2 places a time.
MONDAY = date(2027, 3, 1)
TUESDAY = MONDAY + timedelta(days=1)


def booked(department, service, start, made, email, minutes=15, confirmed=True):
    booking, _token, _confirm = book(
        department, service.UID(), start, minutes, 2, made, "Zoraida Quastenberg", email
    )
    return confirm(department, booking, made) if confirmed else booking


def fill_day(department, service, day, made):
    """Both places of every 15-minute time from 08:00 to 12:00."""
    for step in range(16):
        for place in range(2):
            booked(
                department,
                service,
                at(day, 8) + timedelta(minutes=15 * step),
                made,
                f"{step}-{place}@example.org",
            )


def a_day_of_every_state(department, service, day):
    """On ``day``: confirmed online x2, by staff, came (erschienen), done (erledigt), no-show x2,
    cancelled, and one unconfirmed still held. Marked at the counter during the day."""
    made = at(day - timedelta(days=3), 10)
    codes = [
        booked(
            department,
            service,
            at(day, 8) + timedelta(minutes=15 * index),
            made,
            f"p{index}@example.org",
        )["code"]
        for index in range(6)
    ]
    staff, _token = book_by_staff(department, service, at(day, 10), 2, made, "Anrufer", "")
    cancelled = booked(department, service, at(day, 10, 30), made, "c@example.org")
    cancel(department, cancelled)
    counter = at(day, 11, 30)
    mark(department, day, codes[0], "erschienen", counter)
    mark(department, day, codes[1], "erschienen", counter)
    mark(department, day, codes[1], "erledigt", counter)
    mark(department, day, codes[2], "nicht erschienen", counter)
    mark(department, day, codes[3], "nicht erschienen", counter)
    held = booked(
        department,
        service,
        at(day, 11),
        counter - timedelta(minutes=5),
        "h@example.org",
        confirmed=False,
    )
    transaction.commit()
    return staff, held


def test_a_day_is_counted_by_state_and_by_who_booked(booking_office):
    _portal, department, service = booking_office
    a_day_of_every_state(department, service, MONDAY)
    counts = day_counts(bookings_of_day(department, MONDAY), at(MONDAY, 11, 30))
    assert counts == {
        "confirmed": 7,  # online 6 (two of them came, two did not) and one by staff
        "online": 6,
        "by_staff": 1,
        "unconfirmed": 1,
        "cancelled": 1,
        "came": 2,
        "no_show": 2,
    }


def test_no_show_rate_of_the_last_30_days(booking_office):
    _portal, department, service = booking_office
    a_day_of_every_state(department, service, MONDAY)
    # 40 days earlier: outside the 30 days, not counted
    old = booked(
        department,
        service,
        at(MONDAY - timedelta(days=40), 9),
        at(MONDAY - timedelta(days=43), 9),
        "o@example.org",
    )
    mark(
        department,
        MONDAY - timedelta(days=40),
        old["code"],
        "nicht erschienen",
        at(MONDAY - timedelta(days=40), 12),
    )
    transaction.commit()
    (office,) = [
        row
        for row in booking_overview(at(MONDAY + timedelta(days=3), 9))
        if row["office"] == department.title
    ]
    assert (office["came"], office["no_show"], office["no_show_share"]) == (2, 2, 50.0)


def test_wait_without_bookings_is_one_working_day(booking_office):
    _portal, department, _service = booking_office
    wait = waiting_time(department, 15, at(MONDAY, 10))
    assert wait.slot.start == at(TUESDAY, 8)
    assert (wait.working_days, wait.calendar_days) == (1, 1)


def test_wait_grows_when_the_next_day_is_fully_booked(booking_office):
    _portal, department, service = booking_office
    fill_day(department, service, TUESDAY, at(MONDAY, 9))
    transaction.commit()
    wait = waiting_time(department, 15, at(MONDAY, 10))
    assert wait.slot.start == at(TUESDAY + timedelta(days=1), 8)
    assert (wait.working_days, wait.calendar_days) == (2, 2)


def test_wait_over_a_weekend_counts_working_and_calendar_days(booking_office):
    _portal, department, _service = booking_office
    friday = MONDAY + timedelta(days=4)
    wait = waiting_time(department, 15, at(friday, 10))
    assert wait.slot.start == at(friday + timedelta(days=3), 8)
    assert (wait.working_days, wait.calendar_days) == (1, 3)


def test_no_free_slot_within_the_horizon(booking_office):
    _portal, department, _service = booking_office
    department.booking_closures = "2027-03-01 bis 2027-12-31"
    transaction.commit()
    wait = waiting_time(department, 15, at(MONDAY, 10))
    assert (wait.slot, wait.working_days, wait.calendar_days) == (None, None, None)


def test_the_wait_is_measured_for_the_offices_most_common_visit_length(booking_office):
    _portal, department, service = booking_office
    assert common_visit_minutes(department, (15, 5, 5)) == 5  # no bookings: its services
    made = at(MONDAY, 9)
    booked(department, service, at(TUESDAY, 8), made, "a@example.org", minutes=30)
    booked(department, service, at(TUESDAY, 9), made, "b@example.org", minutes=30)
    booked(department, service, at(TUESDAY, 10), made, "c@example.org")
    transaction.commit()
    assert common_visit_minutes(department, (15, 5, 5)) == 30


def rows_of(department):
    return {day: row for day, uid, row in daily_figures() if uid == department.UID()}


def test_the_booking_job_keeps_one_row_per_day_and_office_once(booking_office):
    _portal, department, service = booking_office
    a_day_of_every_state(department, service, MONDAY)
    evening = at(MONDAY, 19)
    assert record_daily_figures(evening) >= 1
    transaction.commit()
    (today,) = rows_of(department).values()
    assert today["measured"] and not today.get("counted")  # the day is not over yet
    assert (today["minutes"], today["working_days"], today["calendar_days"]) == (15, 1, 1)

    assert record_daily_figures(at(MONDAY, 22)) == 0  # a second run the same day

    next_morning = at(TUESDAY, 6)
    fill_day(department, service, TUESDAY + timedelta(days=1), at(MONDAY, 20))
    transaction.commit()
    record_daily_figures(next_morning)
    transaction.commit()
    rows = rows_of(department)
    monday, tuesday = rows[MONDAY.isoformat()], rows[TUESDAY.isoformat()]
    assert (monday["confirmed"], monday["online"], monday["by_staff"]) == (7, 6, 1)
    assert (monday["came"], monday["no_show"], monday["cancelled"]) == (2, 2, 1)
    assert monday["working_days"] == 1  # measured on Monday evening, kept
    assert (tuesday["working_days"], tuesday["calendar_days"]) == (2, 2)
    assert "confirmed" not in tuesday
    assert record_daily_figures(at(TUESDAY, 7)) == 0
    stored = repr(rows)
    assert "Zoraida" not in stored and "@example.org" not in stored


def test_the_daily_rows_stay_when_retention_deletes_the_bookings(booking_office):
    _portal, department, service = booking_office
    a_day_of_every_state(department, service, MONDAY)
    api.portal.set_registry_record("herne.portal.booking.retention_days", 0)
    transaction.commit()
    from scripts.booking_reminders import run_booking_job

    tuesday_morning = at(TUESDAY, 6)
    done = run_booking_job(tuesday_morning)
    assert done["deleted"] == 9 and done["recorded"] >= 2
    transaction.begin()
    assert bookings_of_day(department, MONDAY) == []
    monday = rows_of(department)[MONDAY.isoformat()]
    assert (monday["confirmed"], monday["came"], monday["no_show"]) == (7, 2, 2)
    (office,) = [
        row for row in booking_overview(tuesday_morning) if row["office"] == department.title
    ]
    assert (office["came"], office["no_show"], office["no_show_share"]) == (2, 2, 50.0)


@pytest.mark.parametrize("runs", [1, 2])
def test_a_day_missed_by_the_job_is_counted_by_the_next_run(booking_office, runs):
    _portal, department, service = booking_office
    a_day_of_every_state(department, service, MONDAY)
    for _run in range(runs):
        record_daily_figures(at(MONDAY + timedelta(days=3), 6))
        transaction.commit()
    rows = rows_of(department)
    assert rows[MONDAY.isoformat()]["confirmed"] == 7
    assert set(rows) == {MONDAY.isoformat(), (MONDAY + timedelta(days=3)).isoformat()}


def test_a_no_show_marked_the_next_morning_is_counted_by_the_next_run(booking_office):
    _portal, department, service = booking_office
    a_day_of_every_state(department, service, MONDAY)
    record_daily_figures(at(TUESDAY, 6))
    transaction.commit()
    assert rows_of(department)[MONDAY.isoformat()]["no_show"] == 2
    late, _other = [
        booking
        for booking in bookings_of_day(department, MONDAY)
        if booking["state"] == "bestaetigt" and not booking.get("by_staff")
    ]
    mark(department, MONDAY, late["code"], "nicht erschienen", at(TUESDAY, 8))
    transaction.commit()
    assert record_daily_figures(at(TUESDAY, 18)) == 1
    transaction.commit()
    assert record_daily_figures(at(TUESDAY, 19)) == 0
    assert rows_of(department)[MONDAY.isoformat()]["no_show"] == 3
