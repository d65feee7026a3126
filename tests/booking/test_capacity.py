"""Places per grid step: the walk-in share spread over the day in half hours, blocks taken away first."""

from datetime import UTC
from datetime import date
from datetime import datetime
from herne.portal.booking.hours import parse_hours
from herne.portal.booking.office import OfficeSettings
from herne.portal.booking.slots import compute_slots
import pytest


NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # a Monday
TUESDAY = date(2027, 3, 30)


def office(counters, walk_in_percent=20, hours="Mo-Fr 08:00-18:00", blocks=()):
    return OfficeSettings(
        counters=counters,
        hours=parse_hours(hours),
        horizon_weeks=52,
        walk_in_percent=walk_in_percent,
        blocks=blocks,
    )


def day_keys(day=TUESDAY):
    return [
        f"{day.isoformat()}T{hour:02}:{minute:02}"
        for hour in range(24)
        for minute in range(0, 60, 5)
    ]


def half_hours(settings, day=TUESDAY):
    """The places of each half hour of the bookable day 08:00-18:00."""
    return [
        settings.capacity(f"{day.isoformat()}T{hour:02}:{minute:02}")
        for hour in range(8, 18)
        for minute in (0, 30)
    ]


def free_slots(settings, minutes=15, day=TUESDAY):
    return compute_slots(settings, minutes, day, day, NOW, lambda key: 0)


@pytest.mark.parametrize(
    "counters, walk_in, expected",
    [
        (1, 20, [0, 1, 1, 1, 1] * 4),  # 0.8: 4 of every 5 half hours
        (2, 20, [1, 2, 1, 2, 2] * 4),  # 1.6
        (6, 20, [4, 5, 5, 5, 5] * 4),  # 4.8, no longer 4 (a third kept free)
        (6, 0, [6] * 20),
        (1, 100, [0] * 20),
    ],
)
def test_the_bookable_share_of_the_day_is_the_counters_less_the_walk_in_share(
    counters, walk_in, expected
):
    settings = office(counters, walk_in)
    assert half_hours(settings) == expected
    # over the day exactly (100 - walk-in) % of the counters, as close as whole places allow
    assert (
        sum(settings.capacity(key) for key in day_keys())
        == 120 * counters * (100 - walk_in) // 100  # 120 steps of 5 minutes
    )


def test_one_counter_with_twenty_percent_walk_ins_can_be_booked_at_all():
    slots = free_slots(office(1))
    assert len([slot for slot in slots if slot.free]) == 32  # of 40 quarter hours: 80 %
    assert [slot.free for slot in slots[:6]] == [0, 0, 1, 1, 1, 1]  # 08:00-08:30 for walk-ins


def test_places_are_the_same_for_each_step_whenever_asked():
    settings = office(2)
    assert settings.capacity("2027-03-30T10:05") == settings.capacity("2027-03-30T10:05")
    assert settings.capacity("2027-03-30T10:05") == settings.capacity("2027-03-30T10:25")


def test_no_places_outside_the_bookable_hours():
    settings = office(6, hours="Mo-Fr 08:00-12:00, 13:00-15:00")
    assert settings.capacity("2027-03-30T07:55") == 0
    assert settings.capacity("2027-03-30T12:30") == 0
    assert settings.capacity("2027-03-30T18:00") == 0
    assert settings.capacity("2027-03-28T10:00") == 0  # a Sunday


def test_the_half_hours_count_on_over_the_midday_break():
    settings = office(1, hours="Mo-Fr 08:00-10:00, 13:00-14:30")
    # 08:00-10:00 are half hours 0-3, 13:00-14:30 are 4-6: 4 then 5 is kept free at 13:30
    assert [
        settings.capacity(f"2027-03-30T{t}") for t in ("08:00", "08:30", "13:00", "13:30", "14:00")
    ] == [0, 1, 1, 0, 1]


def test_a_block_takes_counters_away_before_the_walk_in_share():
    one_blocked = ((datetime(2027, 3, 30, 10, 0), datetime(2027, 3, 30, 11, 0), 1),)
    settings = office(6, blocks=one_blocked)
    assert settings.capacity("2027-03-30T09:55") == 5
    assert settings.capacity("2027-03-30T10:00") == 4  # 5 counters: 4.0 places
    assert settings.capacity("2027-03-30T10:55") == 4
    assert settings.capacity("2027-03-30T11:00") == 5


def test_a_block_of_all_counters_or_more_closes_the_office():
    closed = office(6, blocks=((datetime(2027, 3, 30, 9, 0), datetime(2027, 3, 30, 9, 10), None),))
    assert [closed.capacity(f"2027-03-30T09:{m:02}") for m in (0, 5, 10)] == [0, 0, 5]
    twice = office(
        2,
        walk_in_percent=0,
        blocks=((datetime(2027, 3, 30, 9, 0), datetime(2027, 3, 30, 10, 0), 1),) * 3,
    )
    assert twice.capacity("2027-03-30T09:30") == 0


def test_a_block_that_ends_within_a_step_still_blocks_that_step():
    settings = office(
        1,
        walk_in_percent=0,
        blocks=((datetime(2027, 3, 30, 9, 2), datetime(2027, 3, 30, 9, 7), 1),),
    )
    assert [settings.capacity(f"2027-03-30T09:{m:02}") for m in (0, 5, 10)] == [0, 0, 1]
