"""Bookable hours per weekday, read from lines such as "Mo, Di 8:00–16:00" or "Mo-Fr 08:00-12:00, 13:00-15:00"."""

from datetime import time
from herne.portal import _
import re


WEEKDAYS = ("mo", "di", "mi", "do", "fr", "sa", "so")

_DAYS = r"(?:mo|di|mi|do|fr|sa|so)[a-z]*\.?"
_DAY_PART = re.compile(rf"^\s*({_DAYS}(?:\s*(?:,|-|–|bis)\s*{_DAYS})*)\s*:?\s*(.*)$", re.IGNORECASE)
_RANGE = re.compile(r"(\d{1,2})[:.](\d{2})\s*(?:-|–|bis)\s*(\d{1,2})[:.](\d{2})")


class HoursError(ValueError):
    """A line of bookable hours that cannot be read; carries a German message."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _weekdays(spec):
    """The weekday numbers (0 = Monday) of "Mo, Di" or "Mo-Fr"."""
    days = set()
    for part in re.split(r"\s*,\s*", spec.strip().lower()):
        ends = [WEEKDAYS.index(name[:2]) for name in re.split(r"\s*(?:-|–|bis)\s*", part) if name]
        if len(ends) == 2:
            days.update(range(ends[0], ends[1] + 1))
        else:
            days.update(ends)
    return days


def _time(hour, minute, line):
    try:
        return time(int(hour), int(minute))
    except ValueError:
        raise HoursError(
            _("Die Uhrzeit in „${line}“ gibt es nicht.", mapping={"line": line})
        ) from None


def parse_hours(text, strict=True):
    """Weekday number → sorted list of (from, to) times.

    ``strict``: every non-empty line must be hours (the booking field); otherwise lines
    without times, such as "Termine nach Vereinbarung", are skipped (the opening hours).
    """
    hours = {}
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        match = _DAY_PART.match(line)
        ranges = _RANGE.findall(match.group(2)) if match else []
        if not match or not ranges:
            if strict:
                raise HoursError(
                    _(
                        "Die Zeile „${line}“ ist nicht lesbar. Schreiben Sie zum Beispiel „Mo-Fr 08:00-12:00“.",
                        mapping={"line": line},
                    )
                )
            continue
        for days_from, minute_from, days_to, minute_to in ranges:
            start = _time(days_from, minute_from, line)
            end = _time(days_to, minute_to, line)
            if end <= start:
                raise HoursError(
                    _("In „${line}“ endet die Zeit vor ihrem Beginn.", mapping={"line": line})
                )
            for day in _weekdays(match.group(1)):
                hours.setdefault(day, []).append((start, end))
    for ranges in hours.values():
        ranges.sort()
    return hours
