"""The counter's day list: an office's bookings of one day, check-in, done, no-show and bookings by staff."""

from datetime import UTC
from datetime import timedelta
from herne.portal import _
from herne.portal.booking.bookings import change
from herne.portal.booking.reservation import ReservationRefused
from herne.portal.booking.reservation import reserve
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.slots import day_starts
from herne.portal.booking.slots import free_places
from herne.portal.booking.slots import is_closed
from herne.portal.booking.slots import last_day
from herne.portal.booking.storage import ARRIVED
from herne.portal.booking.storage import BOOKED
from herne.portal.booking.storage import CANCELLED
from herne.portal.booking.storage import CONFIRMED
from herne.portal.booking.storage import DONE
from herne.portal.booking.storage import EXPIRED
from herne.portal.booking.storage import NO_SHOW
from herne.portal.booking.storage import office_bookings
from herne.portal.i18n import in_german
from plone import api


STATE_TITLES = {
    BOOKED: _("gebucht"),
    CONFIRMED: _("bestätigt"),
    ARRIVED: _("erschienen"),
    DONE: _("erledigt"),
    NO_SHOW: _("nicht erschienen"),
    CANCELLED: _("storniert"),
}

#: The states a booking may move to at the counter, and the states it may come from.
MOVES = {
    ARRIVED: (BOOKED, CONFIRMED, ARRIVED),
    DONE: (ARRIVED, DONE),
    NO_SHOW: (BOOKED, CONFIRMED, NO_SHOW),
}

UNKNOWN_CODE = _("Für diesen Tag gibt es keinen Termin mit dem Code „${code}“.")
NOT_NOW = _("Der Termin ${code} ist „${state}“ und kann nicht mehr so markiert werden.")


class CounterRefusal(Exception):
    """A German message for the clerk; nothing was changed."""

    def __init__(self, message, field="code"):
        super().__init__(message)
        self.message = message
        self.field = field


def day_bookings(department, day, now):
    """The bookings of ``day`` (a date) in time order, each once; unconfirmed ones after their hold
    (expired by the booking job or not yet) are left out."""
    tree = office_bookings(department)
    if tree is None:
        return []
    low = day.isoformat()
    seen = {}
    for _key, slot in tree.items(low, low + "U"):
        for booking in slot.bookings:
            if booking["state"] == EXPIRED or (
                booking["state"] == BOOKED and booking["hold_until"] <= now
            ):
                continue
            seen.setdefault(booking["code"], booking)
    return sorted(seen.values(), key=lambda booking: (booking["start"], booking["code"]))


def normalized_code(code):
    """A typed or scanned code: spaces dropped, upper case (base32 has no lower case letters)."""
    return "".join(code.split()).upper() if isinstance(code, str) else ""


def find_on_day(department, day, code, now):
    code = normalized_code(code)
    for booking in day_bookings(department, day, now):
        if booking["code"] == code:
            return booking
    raise CounterRefusal(_(UNKNOWN_CODE, mapping={"code": code or "–"}))


def mark(department, day, code, state, now):
    """Move the booking ``code`` of ``day`` to ``state`` (erschienen, erledigt, nicht erschienen); returns it."""
    booking = find_on_day(department, day, code, now)
    if booking["state"] not in MOVES[state]:
        raise CounterRefusal(
            _(NOT_NOW, mapping={"code": booking["code"], "state": STATE_TITLES[booking["state"]]})
        )
    changes = {"state": state, f"{state.replace(' ', '_')}_at": now.astimezone(UTC)}
    return change(department, booking, **changes)


def book_by_staff(department, service, start, capacity, now, name, email, visit=None):
    """A booking a clerk makes for a caller: confirmed at once, marked as booked by staff, mailed
    when the caller gave an address; the same rules as a citizen's booking (``reserve``).

    ``visit`` (a ``counter_application.Visit`` or None) links the booking to an application
    with its visit length.

    Returns (booking, cancel token); raises ``SlotFull``, and ``CounterRefusal`` naming the
    caller's open booking when they hold the allowed number already (field "email"), or
    the application's when it has one (field "application").
    """
    try:
        return reserve(
            department,
            service,
            start,
            capacity,
            now,
            name,
            email or "",
            application=visit.application if visit is not None else None,
            minutes=visit.minutes if visit is not None else None,
            by_staff=True,
        )
    except ReservationRefused as refused:
        if refused.field == "application":
            raise CounterRefusal(refused.message, "application") from None
        raise CounterRefusal(held_by_caller(department, refused.held, email), "email") from None


def held_by_caller(department, held, email):
    """The clerk's German refusal: the caller's open booking at this office with time and code
    (to cancel or move it); one at another office only as such, as its details are not this
    office's to see."""
    here = [entry for entry in held if entry["office"] == department.UID()]
    if not here:
        return _(
            "Für ${email} ist bei einem anderen Amt schon ein offener Termin für diese Leistung "
            "gebucht. Er kann über den Link in der Bestätigungsmail abgesagt werden.",
            mapping={"email": email},
        )
    start = here[0]["start"].astimezone(BERLIN)
    return _(
        "Für ${email} ist schon ein offener Termin für diese Leistung gebucht: ${date} um "
        "${time} Uhr, Code ${code}. Bitte sagen Sie ihn zuerst ab oder verlegen Sie ihn.",
        mapping={
            "email": email,
            "date": start.strftime("%d.%m.%Y"),
            "time": start.strftime("%H:%M"),
            "code": here[0]["code"],
        },
    )


def moved_note(booking):
    """ "verschoben auf 10:30 Uhr" (the same day) or "… auf 03.03.2027, 10:30 Uhr" for a moved booking, else None."""
    if not booking.get("moved_to"):
        return None
    if (
        booking.get("moved_to_start") is None
    ):  # moved before the new time was kept on the old booking
        return _("verschoben (neuer Code ${code})", mapping={"code": booking["moved_to"]})
    start = booking["moved_to_start"].astimezone(BERLIN)
    mapping = {
        "date": start.strftime("%d.%m.%Y"),
        "time": start.strftime("%H:%M"),
        "code": booking["moved_to"],
    }
    if start.date() == booking["start"].astimezone(BERLIN).date():
        return _("verschoben auf ${time} Uhr (Code ${code})", mapping=mapping)
    return _("verschoben auf ${date}, ${time} Uhr (Code ${code})", mapping=mapping)


def describe(booking):
    """What the day list shows of a booking (view and REST): times, code, service, name, application, state."""
    start = booking["start"].astimezone(BERLIN)
    service = api.content.get(UID=booking["service"]) if booking.get("service") else None
    application = (
        api.content.get(UID=booking["application"]) if booking.get("application") else None
    )
    moved = moved_note(booking)
    return {
        "start": start.isoformat(),
        "end": (start + timedelta(minutes=booking["minutes"])).isoformat(),
        "time": start.strftime("%H:%M"),
        "code": booking["code"],
        "service": {
            "@id": service.absolute_url() if service is not None else None,
            "title": service.Title() if service is not None else "",
        },
        "name": booking["name"],
        "application": (
            {"@id": application.absolute_url(), "title": application.Title()}
            if application is not None
            else None
        ),
        "state": booking["state"],
        "state_title": in_german(moved or STATE_TITLES.get(booking["state"], booking["state"])),
        "booked_by_staff": bool(booking.get("by_staff")),
        "moved_to": (
            {
                "code": booking["moved_to"],
                "start": (
                    booking["moved_to_start"].astimezone(BERLIN).isoformat()
                    if booking.get("moved_to_start")
                    else None
                ),
            }
            if booking.get("moved_to")
            else None
        ),
    }


def staff_times(settings, minutes, day, now, taken):
    """The times of ``day`` a clerk can still give a caller: later than now, on an open day, with free places.

    Unlike a citizen, a clerk may book today; the horizon and closed days still apply.
    """
    if is_closed(settings, day) or day > last_day(settings, now):
        return []
    times = []
    for start in day_starts(settings, day, minutes):
        start = start.astimezone(BERLIN)
        if start <= now:
            continue
        free = free_places(settings, start, minutes, taken)
        if free > 0:
            times.append((start, free))
    return times
