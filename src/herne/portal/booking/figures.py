"""Figures of an office's bookings: bookings of a day, no-shows, and the wait until the next free slot."""

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from herne.portal.booking.office import office_settings
from herne.portal.booking.offices import each_booking
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.slots import compute_slots
from herne.portal.booking.slots import is_working_day
from herne.portal.booking.slots import last_day
from herne.portal.booking.storage import ARRIVED
from herne.portal.booking.storage import BOOKED
from herne.portal.booking.storage import CANCELLED
from herne.portal.booking.storage import CONFIRMED
from herne.portal.booking.storage import DONE
from herne.portal.booking.storage import NO_SHOW
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.storage import taken_counter
from herne.portal.languages import german_only
from plone import api


#: The no-show rate is taken over this many days, today included.
NO_SHOW_DAYS = 30
#: Without any booking or service to go by, the wait is measured for a visit this long.
DEFAULT_VISIT_MINUTES = 15
#: Confirmed bookings: they hold (or held) their place for a visit.
CONFIRMED_STATES = (CONFIRMED, ARRIVED, DONE, NO_SHOW)


def today(now):
    """The day of ``now`` in Herne."""
    return now.astimezone(BERLIN).date()


def free_slots(department, minutes, first, last, now):
    """The slots with free places of ``department`` for a visit of ``minutes``, ``first`` to ``last`` (dates).

    The one place the figures ask for free slots, so that a change in how capacity is
    counted is followed here once.
    """
    settings = office_settings(department)
    taken = taken_counter(department, first, last, now)
    return [
        slot for slot in compute_slots(settings, minutes, first, last, now, taken) if slot.free > 0
    ]


def first_free_slot(department, minutes, now):
    """The first slot with a free place within the booking horizon, or None; searched a week at a time."""
    first = today(now)
    last = last_day(office_settings(department), now)
    while first <= last:
        week_end = min(first + timedelta(days=6), last)
        slots = free_slots(department, minutes, first, week_end, now)
        if slots:
            return slots[0]
        first = week_end + timedelta(days=1)
    return None


def working_days_between(first, last):
    """Working days (Monday to Friday, no NRW public holiday) after ``first`` up to and including ``last``."""
    count, day = 0, first + timedelta(days=1)
    while day <= last:
        count += is_working_day(day)
        day += timedelta(days=1)
    return count


@dataclass(frozen=True)
class Wait:
    """The wait for a visit of ``minutes`` measured at some moment; ``slot`` None: no free slot at all."""

    minutes: int
    slot: object
    working_days: int | None
    calendar_days: int | None


def waiting_time(department, minutes, now):
    """How long someone booking at ``now`` waits for a visit of ``minutes``, in working and calendar days."""
    slot = first_free_slot(department, minutes, now)
    if slot is None:
        return Wait(minutes, None, None, None)
    day, start = today(now), slot.start.astimezone(BERLIN).date()
    return Wait(minutes, slot, working_days_between(day, start), (start - day).days)


def most_common_minutes(bookings, service_minutes=()):
    """The most common visit length of ``bookings`` (confirmed or held), else of ``service_minutes``,
    else 15; ties go to the shorter visit."""
    counts = Counter(
        booking["minutes"]
        for booking in bookings
        if booking["state"] in (*CONFIRMED_STATES, BOOKED)
    )
    if not counts:
        counts = Counter(service_minutes)
    if not counts:
        return DEFAULT_VISIT_MINUTES
    return min(counts, key=lambda minutes: (-counts[minutes], minutes))


def common_visit_minutes(department, service_minutes=()):
    """The office's most common visit length: of all its stored bookings, else of its services, else 15."""
    tree = office_bookings(department)
    return most_common_minutes(each_booking(tree) if tree is not None else (), service_minutes)


def bookings_of_day(department, day):
    """Every booking of ``day`` (a date) once, whatever its state."""
    return bookings_by_day(department, day, day).get(day, [])


def bookings_by_day(department, first, last):
    """``{day: [booking, ...]}`` from ``first`` to ``last`` (dates), each booking once, read in one pass."""
    tree = office_bookings(department)
    days = {}
    if tree is not None:
        for booking in each_booking(tree, first.isoformat(), last.isoformat() + "U"):
            days.setdefault(today(booking["start"]), []).append(booking)
    return days


def day_counts(bookings, now):
    """What happened to a day's bookings: confirmed ones (online or by staff), still unconfirmed,
    cancelled, and of the confirmed ones those who came (erschienen, erledigt) and who did not."""
    confirmed = [booking for booking in bookings if booking["state"] in CONFIRMED_STATES]
    by_staff = sum(1 for booking in confirmed if booking.get("by_staff"))
    return {
        "confirmed": len(confirmed),
        "online": len(confirmed) - by_staff,
        "by_staff": by_staff,
        "unconfirmed": sum(
            1 for booking in bookings if booking["state"] == BOOKED and booking["hold_until"] > now
        ),
        "cancelled": sum(1 for booking in bookings if booking["state"] == CANCELLED),
        "came": sum(1 for booking in bookings if booking["state"] in (ARRIVED, DONE)),
        "no_show": sum(1 for booking in bookings if booking["state"] == NO_SHOW),
    }


def no_show_share(came, no_show):
    """nicht erschienen / (erschienen + erledigt + nicht erschienen) in percent, one decimal; None without visits."""
    visits = came + no_show
    return round(100 * no_show / visits, 1) if visits else None


def booking_offices():
    """(department, visit lengths of its services) of every office a service books visits at, or holding bookings.

    An office without hours or places is listed too: it has no free slot, which is a figure.

    Found without the current user's permissions: the figures are counts, never bookings.
    """
    catalog = api.portal.get_tool("portal_catalog")
    lengths = {}
    for brain in catalog.unrestrictedSearchResults(portal_type="Service", **german_only()):
        service = brain._unrestrictedGetObject()
        minutes = getattr(service, "visit_minutes", None)
        if minutes:
            for uid in getattr(service, "booking_offices", None) or ():
                lengths.setdefault(uid, []).append(minutes)
    offices = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Department", sort_on="sortable_title", **german_only()
    ):
        department = brain._unrestrictedGetObject()
        uid = department.UID()
        if uid in lengths or office_bookings(department) is not None:
            offices.append((department, tuple(lengths.get(uid, ()))))
    return offices


def recent_days(now, days=NO_SHOW_DAYS):
    """The ``days`` days up to and including today, oldest first."""
    last = today(now)
    return [last - timedelta(days=back) for back in range(days - 1, -1, -1)]
