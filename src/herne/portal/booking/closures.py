"""Days an office closes beyond the public holidays: lines "2027-07-12" or "2027-07-12 bis 2027-07-16"."""

from datetime import date
from herne.portal import _
from herne.portal.booking.hours import HoursError
import re


_LINE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:\s*(?:-|–|bis)\s*(\d{4}-\d{2}-\d{2}))?\s*(?:\S.*)?$")


def parse_closures(text):
    """A list of (first, last) dates; a German error for a line that is no date or range."""
    closures = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        match = _LINE.match(line)
        try:
            first = date.fromisoformat(match.group(1)) if match else None
            last = date.fromisoformat(match.group(2)) if match and match.group(2) else first
        except ValueError:
            first = None
        if first is None:
            raise HoursError(
                _(
                    "Die Schließzeit „${line}“ ist nicht lesbar. Schreiben Sie zum Beispiel „2027-07-12 bis 2027-07-16“.",
                    mapping={"line": line},
                )
            )
        if last < first:
            raise HoursError(
                _("Die Schließzeit „${line}“ endet vor ihrem Beginn.", mapping={"line": line})
            )
        closures.append((first, last))
    return closures
