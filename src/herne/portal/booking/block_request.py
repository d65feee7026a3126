"""The checks of a request to block counters that the page "Schalter sperren" and REST ``@schaltersperren`` share."""

from datetime import datetime
from datetime import timedelta
from herne.portal import _
from herne.portal.booking.slots import BERLIN


#: A start this far back still counts as "from now" (the clerk typed the current time).
PAST_GRACE = timedelta(minutes=15)
MAX_REASON = 500
ALL = "alle"

NO_START = _("Bitte geben Sie den Beginn mit Datum und Uhrzeit an, zum Beispiel 2027-03-02T08:00.")
NO_END = _("Bitte geben Sie das Ende mit Datum und Uhrzeit an, zum Beispiel 2027-03-02T12:00.")
PAST = _("Der Beginn liegt in der Vergangenheit.")
END_FIRST = _("Das Ende muss nach dem Beginn liegen.")
NO_COUNTERS = _(
    "Bitte geben Sie an, wie viele Schalter gesperrt werden (1 bis ${counters}) oder „alle“."
)
TOO_MANY = _("Das Amt hat nur ${counters} Schalter.")
UNKNOWN_BLOCK = _("Diese Sperre gibt es nicht (mehr).")
BAD_REASON = _("Der Grund ist zu lang (höchstens ${length} Zeichen).")


def parse_moment(value):
    """A date and time "YYYY-MM-DDTHH:MM" (ISO 8601); one without an offset is Berlin time."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
        moment = moment if moment.tzinfo else moment.replace(tzinfo=BERLIN)
        moment.astimezone(BERLIN)
    except (ValueError, OverflowError):
        return None
    return moment


def parse_counters(value, counters):
    """The number of counters to block (None: all of them), or raises ValueError."""
    if isinstance(value, str) and value.strip().lower() == ALL:
        return None
    if isinstance(value, (bool, float)):
        raise ValueError(value)
    number = int(value.strip() if isinstance(value, str) else value)
    if number >= counters:
        return None if number == counters else number
    if number < 1:
        raise ValueError(value)
    return number


def block_request(data, counters, now):
    """(values, errors): values ``start``, ``end``, ``counters`` (None: all) and ``reason``; German errors per field.

    ``counters`` is how many counters the office has; nothing is valid when errors are given.
    """
    errors = {}
    start = parse_moment(data.get("start"))
    end = parse_moment(data.get("end"))
    if start is None:
        errors["start"] = NO_START
    elif start < now - PAST_GRACE:
        errors["start"] = PAST
    if end is None:
        errors["end"] = NO_END
    elif start is not None and end <= start:
        errors["end"] = END_FIRST
    blocked = None
    try:
        blocked = parse_counters(data.get("counters"), counters)
        if blocked is not None and blocked > counters:
            errors["counters"] = _(TOO_MANY, mapping={"counters": counters})
    except (TypeError, ValueError, OverflowError):
        errors["counters"] = _(NO_COUNTERS, mapping={"counters": counters})
    reason = data.get("reason")
    reason = "" if reason is None else reason
    if not isinstance(reason, str) or len(reason) > MAX_REASON:
        errors["reason"] = _(BAD_REASON, mapping={"length": MAX_REASON})
    if errors:
        return None, errors
    return {"start": start, "end": end, "counters": blocked, "reason": reason.strip()}, {}
