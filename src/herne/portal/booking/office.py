"""Booking settings of an office (behavior of the department, fieldset "Terminvergabe") and their reading."""

from dataclasses import dataclass
from dataclasses import field
from datetime import timedelta
from functools import cached_property
from herne.portal import _
from herne.portal.booking.blocks import blocked_counters
from herne.portal.booking.blocks import local_windows
from herne.portal.booking.capacity import spread
from herne.portal.booking.capacity import walk_in_unit
from herne.portal.booking.capacity import weekday_of
from herne.portal.booking.closures import parse_closures
from herne.portal.booking.hours import HoursError
from herne.portal.booking.hours import parse_hours
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider
from zope.schema import ValidationError


DEFAULT_HORIZON_WEEKS = 8
DEFAULT_WALK_IN_PERCENT = 20


class UnreadableSetting(ValidationError):
    """A German message naming the line that cannot be read."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def doc(self):
        return self.message


def valid_hours(value):
    try:
        parse_hours(value, strict=True)
    except HoursError as error:
        raise UnreadableSetting(error.message) from None
    return True


def valid_closures(value):
    try:
        parse_closures(value)
    except HoursError as error:
        raise UnreadableSetting(error.message) from None
    return True


@provider(IFormFieldProvider)
class IOfficeBooking(model.Schema):
    """Counters, hours and closures of an office that receives visitors."""

    model.fieldset(
        "booking",
        label=_("Terminvergabe"),
        fields=[
            "booking_counters",
            "booking_hours",
            "booking_closures",
            "booking_horizon_weeks",
            "booking_walk_in_percent",
        ],
    )

    booking_counters = schema.Int(
        title=_("Anzahl der Schalter"),
        required=True,
        default=1,
        min=1,
        max=50,
    )
    booking_hours = schema.Text(
        title=_("Buchbare Zeiten"),
        description=_(
            "Eine Zeile je Wochentag, zum Beispiel „Mo-Fr 08:00-12:00“ oder "
            "„Do 14:00-18:00“. Leer: die Öffnungszeiten der Seite."
        ),
        required=False,
        constraint=valid_hours,
    )
    booking_closures = schema.Text(
        title=_("Schließtage"),
        description=_(
            "Eine Zeile je Tag oder Zeitraum, zum Beispiel „2027-07-12 bis 2027-07-16“. "
            "Gesetzliche Feiertage in NRW sind immer geschlossen."
        ),
        required=False,
        constraint=valid_closures,
    )
    booking_horizon_weeks = schema.Int(
        title=_("Buchbar für wie viele Wochen im Voraus"),
        required=True,
        default=DEFAULT_HORIZON_WEEKS,
        min=1,
        max=52,
    )
    booking_walk_in_percent = schema.Int(
        title=_("Anteil für Vorsprachen ohne Termin (Prozent)"),
        description=_("Dieser Anteil der Schalter bleibt für Menschen ohne Termin frei."),
        required=True,
        default=DEFAULT_WALK_IN_PERCENT,
        min=0,
        max=100,
    )


@dataclass(frozen=True)
class OfficeSettings:
    """What the slot computation needs from an office."""

    counters: int
    hours: dict
    closures: list = field(default_factory=list)
    horizon_weeks: int = DEFAULT_HORIZON_WEEKS
    walk_in_percent: int = DEFAULT_WALK_IN_PERCENT
    #: blocked counters: (local start, local end, counters or None for all), see ``blocks``
    blocks: tuple = ()

    #: places per (weekday, "HH:MM") on days without blocks: the same every week, and the
    #: free slots of 8 weeks ask for some 3,000 steps
    _places: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def capacity(self, key):
        """Bookings at the grid step ``key``: the counters not blocked there, less the walk-in share;
        none outside the bookable hours."""
        if key[:10] in self._blocked_days:
            return self._capacity(key)
        where = (weekday_of(key), key[11:])
        places = self._places.get(where)
        if places is None:
            places = self._places[where] = self._capacity(key)
        return places

    def _capacity(self, key):
        unit = walk_in_unit(self.hours, key)
        if unit is None:
            return 0
        counters = self.counters - blocked_counters(self.blocks, key, self.counters)
        return spread(counters, self.walk_in_percent, unit)

    @cached_property
    def _blocked_days(self):
        """The days ("YYYY-MM-DD") some block touches."""
        days = set()
        for first, last, _counters in self.blocks:
            day = first.date()
            while day <= last.date():
                days.add(day.isoformat())
                day += timedelta(days=1)
        return days

    @property
    def takes_bookings(self):
        """True when some time of the day can be booked at all (not every counter kept for walk-ins)."""
        return bool(self.hours) and self.counters * (100 - self.walk_in_percent) > 0


def office_settings(department):
    """The ``OfficeSettings`` of a department; its opening hours when no bookable hours are set."""
    hours_text = getattr(department, "booking_hours", None)
    try:
        hours = (
            parse_hours(hours_text, strict=True)
            if hours_text and hours_text.strip()
            else parse_hours(getattr(department, "opening_hours", None), strict=False)
        )
    except HoursError:
        hours = {}
    try:
        closures = parse_closures(getattr(department, "booking_closures", None))
    except HoursError:
        closures = []
    return OfficeSettings(
        counters=getattr(department, "booking_counters", None) or 1,
        hours=hours,
        closures=closures,
        horizon_weeks=getattr(department, "booking_horizon_weeks", None) or DEFAULT_HORIZON_WEEKS,
        walk_in_percent=(
            DEFAULT_WALK_IN_PERCENT
            if getattr(department, "booking_walk_in_percent", None) is None
            else department.booking_walk_in_percent
        ),
        blocks=local_windows(department),
    )
