"""The test days of the booking tests are open days, on every day of the year a run starts."""

from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.slots import earliest_day
from herne.portal.booking.slots import is_working_day
import pytest
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking import working_day_after


def every_day(first, last):
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


@pytest.mark.parametrize("year", [2026, 2027, 2029, 2030])
def test_the_booked_weekdays_are_working_days_the_office_takes_bookings_for(year):
    for today in every_day(date(year, 1, 1), date(year, 12, 31)):
        late_evening = datetime.combine(today, time(23, 30), tzinfo=BERLIN)
        for weekday in range(5):
            days = [next_weekday(weekday, after=today, weeks=weeks) for weeks in range(3)]
            assert all(is_working_day(day) for day in days), (today, weekday, days)
            assert days[0] >= earliest_day(late_evening), (today, weekday, days)
            assert len(set(days)) == 3


def test_christmas_and_new_year_are_skipped_whole_weeks():
    # Thursday before Christmas 2029: Tuesday 25 December and 1 January are holidays.
    assert next_weekday(1, after=date(2029, 12, 20)) == date(2030, 1, 8)
    assert next_weekday(1, after=date(2029, 12, 20), weeks=1) == date(2030, 1, 15)


def test_the_day_after_a_wednesday_before_ascension_is_the_friday():
    assert working_day_after(date(2027, 5, 5)) == date(2027, 5, 7)
    assert working_day_after(date(2027, 5, 7)) == date(2027, 5, 10)
