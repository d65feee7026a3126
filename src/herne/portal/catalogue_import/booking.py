"""The ``booking`` object of departments.json and services.json: checked, then set on the content."""

from herne.portal.booking.closures import parse_closures
from herne.portal.booking.hours import HoursError
from herne.portal.booking.hours import parse_hours
from herne.portal.booking.service import GRID_MINUTES
from herne.portal.i18n import in_german


#: key -> (type, lowest value) of a department's ``booking``; texts have no lowest value.
OFFICE_BOOKING_KEYS = {
    "counters": (int, 1),
    "hours": (str, None),
    "closures": (str, None),
    "horizon_weeks": (int, 1),
    "walk_in_percent": (int, 0),
}


def check_office_booking(checker, where, booking):
    if booking is None:
        return
    if not isinstance(booking, dict):
        checker.problem(where, "'booking' must be an object ({...})")
        return
    for key, value in booking.items():
        if key not in OFFICE_BOOKING_KEYS:
            checker.problem(
                where, f"booking: unknown key {key!r} (allowed: {', '.join(OFFICE_BOOKING_KEYS)})"
            )
            continue
        kind, lowest = OFFICE_BOOKING_KEYS[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            checker.problem(
                where, f"booking: {key!r} must be a {'number' if kind is int else 'text'}"
            )
        elif lowest is not None and value < lowest:
            checker.problem(where, f"booking: {key!r} must be at least {lowest}")
    try:
        if isinstance(booking.get("hours"), str):
            parse_hours(booking["hours"])
        if isinstance(booking.get("closures"), str):
            parse_closures(booking["closures"])
    except HoursError as error:
        checker.problem(where, f"booking: {in_german(error.message)}")


def check_service_booking(checker, where, booking, department_ids):
    if booking is None:
        return
    if not isinstance(booking, dict):
        checker.problem(where, "'booking' must be an object ({...})")
        return
    unknown = set(booking) - {"visit_minutes", "offices"}
    if unknown:
        checker.problem(
            where, f"booking: unknown keys {sorted(unknown)} (allowed: visit_minutes, offices)"
        )
    minutes = booking.get("visit_minutes")
    if not isinstance(minutes, int) or minutes <= 0 or minutes % GRID_MINUTES:
        checker.problem(where, f"booking: 'visit_minutes' must be a multiple of {GRID_MINUTES}")
    offices = booking.get("offices", [])
    if not isinstance(offices, list) or not all(isinstance(office, str) for office in offices):
        checker.problem(where, "booking: 'offices' must be a list of department ids")
        return
    for office in offices:
        if office not in department_ids:
            checker.problem(where, f"booking: office {office!r} is not in departments.json")


def set_office_booking(department, booking):
    """The department's fieldset *Terminvergabe* from its ``booking`` entry."""
    for key in OFFICE_BOOKING_KEYS:
        if key in (booking or {}):
            setattr(department, f"booking_{key}", booking[key])


def set_service_booking(service, booking, departments):
    """The service's *Termindauer* and offices from its ``booking`` entry; ``departments`` by id."""
    if booking:
        service.visit_minutes = booking["visit_minutes"]
        service.booking_offices = [
            departments[office].UID() for office in booking.get("offices", ())
        ]
