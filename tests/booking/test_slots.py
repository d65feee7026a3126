"""Free slots: NRW public holidays, closures, horizon, earliest day, walk-in share, summer time."""

from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from herne.portal.booking.closures import parse_closures
from herne.portal.booking.hours import HoursError
from herne.portal.booking.hours import parse_hours
from herne.portal.booking.office import OfficeSettings
from herne.portal.booking.slots import compute_slots
from herne.portal.booking.slots import refusal
from herne.portal.i18n import in_german as in_german_text
import pytest


NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # a Monday
WEEKDAYS_8_TO_12 = parse_hours("Mo-Fr 08:00-12:00")


def settings(**changes):
    values = {"counters": 6, "hours": WEEKDAYS_8_TO_12, "horizon_weeks": 52, "walk_in_percent": 20}
    values.update(changes)
    return OfficeSettings(**values)


def slots(office, first, last=None, minutes=15, now=NOW, taken=lambda key: 0):
    return compute_slots(office, minutes, first, last or first, now, taken)


@pytest.mark.parametrize(
    "day, name",
    [(date(2027, 3, 29), "Ostermontag"), (date(2027, 5, 27), "Fronleichnam")],
)
def test_nrw_public_holidays_have_no_slots(day, name):
    assert slots(settings(), day) == []
    assert in_german_text(
        refusal(settings(), 15, datetime.combine(day, time(9), tzinfo=NOW.tzinfo), NOW)
    ) == ("An diesem Tag ist das Amt geschlossen.")


def test_the_mondays_and_thursdays_a_week_after_these_holidays_are_open():
    # Easter Monday 2027 is 29 March, Fronleichnam 27 May; a week later both weekdays are open
    assert slots(settings(), date(2027, 4, 5)) != []
    assert slots(settings(), date(2027, 6, 3)) != []


def test_a_normal_day_has_slots_in_the_hours_with_the_capacity_less_walk_ins():
    day = slots(settings(), date(2027, 3, 30))  # Tuesday after Easter
    assert len(day) == 16  # 08:00 to 12:00 in 15 minutes
    assert day[0].start.isoformat() == "2027-03-30T08:00:00+02:00"
    assert day[-1].end.isoformat() == "2027-03-30T12:00:00+02:00"
    # 6 counters, 20 % kept for walk-ins: 4.8 places a half hour, as 4 or 5
    assert [slot.free for slot in day] == [4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 5, 5, 5, 5]


def test_summer_time_changes_the_offset_of_the_same_hour():
    good_friday = slots(settings(), date(2027, 3, 26))
    assert good_friday == []
    before = slots(settings(), date(2027, 3, 25))[0].start.isoformat()
    after = slots(settings(), date(2027, 3, 30))[0].start.isoformat()
    assert before == "2027-03-25T08:00:00+01:00"
    assert after == "2027-03-30T08:00:00+02:00"


def test_closures_of_the_office_have_no_slots():
    office = settings(closures=parse_closures("2027-03-15 bis 2027-03-16"))
    assert slots(office, date(2027, 3, 15)) == []
    assert slots(office, date(2027, 3, 16)) == []
    assert slots(office, date(2027, 3, 17)) != []


def test_earliest_is_the_next_working_day():
    friday = datetime(2027, 3, 5, 15, 0, tzinfo=UTC)
    days = {
        slot.start.date()
        for slot in slots(settings(), date(2027, 3, 5), date(2027, 3, 9), now=friday)
    }
    assert days == {date(2027, 3, 8), date(2027, 3, 9)}  # not Friday itself, nor the weekend
    assert in_german_text(
        refusal(settings(), 15, datetime(2027, 3, 5, 16, 0, tzinfo=UTC), friday)
    ) == ("Termine sind frühestens ab dem nächsten Werktag buchbar.")


def test_the_horizon_ends_the_slots():
    office = settings(horizon_weeks=8)
    days = {slot.start.date() for slot in slots(office, date(2027, 4, 23), date(2027, 4, 28))}
    assert max(days) == date(2027, 4, 26)  # 8 weeks from 2027-03-01
    assert in_german_text(refusal(office, 15, datetime(2027, 4, 27, 8, 0, tzinfo=UTC), NOW)) == (
        "Termine sind höchstens 8 Wochen im Voraus buchbar."
    )


def test_past_and_off_grid_times_are_refused():
    assert in_german_text(refusal(settings(), 15, datetime(2027, 2, 1, 8, 0, tzinfo=UTC), NOW)) == (
        "Dieser Zeitpunkt liegt in der Vergangenheit."
    )
    assert "keinen Termin" in in_german_text(
        refusal(settings(), 15, datetime(2027, 3, 30, 8, 5, tzinfo=UTC), NOW)
    )
    assert refusal(settings(), 15, datetime(2027, 3, 30, 6, 15, tzinfo=UTC), NOW) is None


def test_taken_places_reduce_free_places_of_every_slot_they_overlap():
    taken = {"2027-03-30T08:10": 4}.get
    day = slots(settings(), date(2027, 3, 30), taken=lambda key: taken(key, 0))
    assert day[0].free == 0  # 08:00-08:15 overlaps the full 08:10 step
    assert day[1].free == 4
    assert day[2].free == 5


def test_the_walk_in_share_is_kept_free():
    assert settings(counters=6, walk_in_percent=0).capacity("2027-03-30T08:00") == 6
    assert settings(counters=6, walk_in_percent=50).capacity("2027-03-30T08:00") == 3
    assert settings(counters=2, walk_in_percent=50).capacity("2027-03-30T11:55") == 1


def test_opening_hours_text_of_the_page_is_read():
    hours = parse_hours(
        "Mo, Di 8:00–16:00 Uhr\nDo 8:00–18:00 Uhr\nMi, Fr 8:00–12:00 Uhr\nTermine nach Vereinbarung",
        strict=False,
    )
    assert hours[3] == [(time(8), time(18))]
    assert hours[4] == [(time(8), time(12))]
    assert 5 not in hours


@pytest.mark.parametrize(
    "text, message",
    [
        ("montags acht bis zwölf", "Die Zeile „montags acht bis zwölf“ ist nicht lesbar."),
        ("Mo 12:00-08:00", "In „Mo 12:00-08:00“ endet die Zeit vor ihrem Beginn."),
        ("Mo 25:00-26:00", "Die Uhrzeit in „Mo 25:00-26:00“ gibt es nicht."),
    ],
)
def test_unreadable_bookable_hours_are_refused_in_german(text, message):
    with pytest.raises(HoursError) as error:
        parse_hours(text)
    assert in_german_text(error.value.message).startswith(message)
