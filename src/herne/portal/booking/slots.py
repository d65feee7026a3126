"""Free slots of an office for a service: a pure function of the settings, the bookings and the time."""

from datetime import datetime
from datetime import timedelta
from functools import lru_cache
from herne.portal import _
from herne.portal.booking.service import GRID_MINUTES
import holidays
from typing import NamedTuple
from zoneinfo import ZoneInfo


BERLIN = ZoneInfo("Europe/Berlin")
GRID = timedelta(minutes=GRID_MINUTES)


@lru_cache(maxsize=32)
def nrw_holidays(year):
    """The public holidays of North Rhine-Westphalia in ``year``: date → German name."""
    return dict(holidays.country_holidays("DE", subdiv="NW", years=year, language="de"))


def is_holiday(day):
    return day in nrw_holidays(day.year)


def is_working_day(day):
    return day.weekday() < 5 and not is_holiday(day)


def earliest_day(now):
    """The next working day after ``now``'s day in Berlin (Friday → Monday, holidays skipped)."""
    day = now.astimezone(BERLIN).date() + timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def last_day(settings, now):
    """The last bookable day: ``horizon_weeks`` from today."""
    return now.astimezone(BERLIN).date() + timedelta(weeks=settings.horizon_weeks)


def is_closed(settings, day):
    """Closed on this day: an NRW public holiday, a closure of the office, or no hours."""
    if is_holiday(day) or not settings.hours.get(day.weekday()):
        return True
    return any(first <= day <= last for first, last in settings.closures)


def grid_keys(start, minutes):
    """The grid keys (Berlin local "YYYY-MM-DDTHH:MM") a visit of ``minutes`` from ``start`` occupies."""
    local = start.astimezone(BERLIN).replace(tzinfo=None)
    return [
        (local + GRID * step).strftime("%Y-%m-%dT%H:%M") for step in range(minutes // GRID_MINUTES)
    ]


class Slot(NamedTuple):
    """A bookable time: start and end with the Berlin offset, and the places still free.

    A named tuple: 8 weeks of 5-minute slots are some 3,000 of them per request."""

    start: datetime
    end: datetime
    free: int


def day_starts(settings, day, minutes):
    """The slot starts of a day: from each range's start in steps of the visit length."""
    length = timedelta(minutes=minutes)
    for opens, closes in settings.hours.get(day.weekday(), ()):
        start = datetime.combine(day, opens, tzinfo=BERLIN)
        end = datetime.combine(day, closes, tzinfo=BERLIN)
        while start + length <= end:
            yield start
            start += length


def free_places(settings, start, minutes, taken):
    """Places still free for a visit of ``minutes`` from ``start``: the fewest of the steps it occupies."""
    return min(settings.capacity(key) - taken(key) for key in grid_keys(start, minutes))


#: "HH:MM" of every minute of a day: the grid keys of many slots are built from these.
_CLOCK = [f"{minute // 60:02d}:{minute % 60:02d}" for minute in range(24 * 60)]


def compute_slots(settings, minutes, first, last, now, taken):
    """Every slot from ``first`` to ``last`` (dates) with its free places.

    ``taken(key)`` is how many places of one grid key are taken. Days that are closed,
    before the earliest day or beyond the horizon give no slots; capacity is
    ``settings.capacity(key)`` at each grid step, and a slot is as free as its fullest step
    (``free_places``). The keys are those of ``grid_keys``, built here from the local time
    of day (visits end before midnight): 8 weeks of 5-minute slots are some 3,000.
    """
    first = max(first, earliest_day(now))
    last = min(last, last_day(settings, now))
    length = timedelta(minutes=minutes)
    steps = range(0, minutes, GRID_MINUTES)
    capacity = settings.capacity
    slots = []
    day = first
    while day <= last:
        if not is_closed(settings, day):
            prefix = day.isoformat() + "T"
            for start in day_starts(settings, day, minutes):
                start = start.astimezone(BERLIN)  # the offset of that moment (CET or CEST)
                minute = start.hour * 60 + start.minute
                free = min(
                    capacity(key) - taken(key)
                    for key in [prefix + _CLOCK[minute + step] for step in steps]
                )
                slots.append(Slot(start=start, end=start + length, free=max(free, 0)))
        day += timedelta(days=1)
    return slots


def refusal(settings, minutes, start, now):
    """Why ``start`` cannot be booked (field "start"), or None: the reasons in the order a citizen checks them."""
    local = start.astimezone(BERLIN)
    day = local.date()
    if local <= now:
        return _("Dieser Zeitpunkt liegt in der Vergangenheit.")
    if day < earliest_day(now):
        return _("Termine sind frühestens ab dem nächsten Werktag buchbar.")
    if day > last_day(settings, now):
        return _(
            "Termine sind höchstens ${weeks} Wochen im Voraus buchbar.",
            mapping={"weeks": settings.horizon_weeks},
        )
    if is_closed(settings, day):
        return _("An diesem Tag ist das Amt geschlossen.")
    if local not in list(day_starts(settings, day, minutes)):
        return _(
            "Zu dieser Uhrzeit gibt es keinen Termin; bitte wählen Sie eine der angebotenen Zeiten."
        )
    return None
