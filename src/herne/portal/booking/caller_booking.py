"""A clerk booking for a caller: the services and free times offered, the checks, and the booking (page and REST)."""

from herne.portal import _
from herne.portal.booking.bookings import FULL
from herne.portal.booking.bookings import SlotFull
from herne.portal.booking.counter_application import visit_for
from herne.portal.booking.day_list import CounterRefusal
from herne.portal.booking.day_list import book_by_staff
from herne.portal.booking.day_list import staff_times
from herne.portal.booking.office import office_settings
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.slots import day_starts
from herne.portal.booking.storage import taken_counter
from herne.portal.content.validators import ascii_address
from herne.portal.languages import german_only
from plone import api


MAX_NAME = 200

NO_NAME = _("Bitte geben Sie den Namen an.")
BAD_EMAIL = _("Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@example.org.")
NO_SERVICE = _("Bitte wählen Sie eine Leistung.")
NOT_OFFERED = _("Bitte wählen Sie eine der freien Zeiten.")


class CallerBookingRefused(Exception):
    """German messages per field ("service", "start", "name", "email"); nothing was stored."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def office_services(department):
    """The services this office gives appointments for (with a visit length)."""
    uid = department.UID()
    services = []
    for brain in api.content.find(portal_type="Service", sort_on="sortable_title", **german_only()):
        service = brain.getObject()
        if getattr(service, "visit_minutes", None) and uid in (
            getattr(service, "booking_offices", None) or ()
        ):
            services.append(service)
    return services


def free_times(department, service, day, now, minutes=None):
    """(start, free places) of ``day`` a clerk can still give a caller for ``service`` (or a visit of ``minutes``)."""
    return staff_times(
        office_settings(department),
        minutes or service.visit_minutes,
        day,
        now,
        taken_counter(department, day, day, now),
    )


def start_refusal(department, service, start, now, minutes=None):
    """None when ``start`` is a free time of its day for the caller; else the German message."""
    if start is None:
        return NOT_OFFERED
    minutes = minutes or service.visit_minutes
    start = start.astimezone(BERLIN)
    day = start.date()
    if any(
        offered == start for offered, _free in free_times(department, service, day, now, minutes)
    ):
        return None
    starts = day_starts(office_settings(department), day, minutes)
    # a time of the day that is taken (or past) is full; anything else was never offered
    return FULL if any(start == other.astimezone(BERLIN) for other in starts) else NOT_OFFERED


def book_for_caller(department, service, start, name, email, now, reference=None):
    """Check and book a caller's visit; returns (booking, cancel token) or raises ``CallerBookingRefused``.

    ``service`` is None when the request named none of the office's services. ``reference``
    (optional) is the reference number of an application of this office waiting for a visit:
    the booking is linked to it, with its service and the visit length its state needs
    (the service chosen is then not needed). The booking is
    confirmed at once, marked as booked by staff and mailed when an address is given; a caller
    who holds the allowed number of open bookings of the service is refused on "email" with
    the booking to cancel or move.
    """
    errors = {}
    name = name.strip() if isinstance(name, str) else ""
    email = "" if email is None else email  # the address is optional
    if not name:
        errors["name"] = NO_NAME
    elif len(name) > MAX_NAME:
        errors["name"] = _("Der Name ist zu lang.")
    if not isinstance(email, str) or (email.strip() and ascii_address(email.strip()) is None):
        errors["email"] = BAD_EMAIL
    else:
        email = email.strip()
    visit = None
    if reference is not None and (not isinstance(reference, str) or reference.strip()):
        try:
            visit = visit_for(department, reference, now)
        except ValueError as refusal:
            errors["application"] = refusal.args[0]
        else:
            service = visit.service
    if service is None:
        if "application" not in errors:
            errors["service"] = NO_SERVICE
    else:
        reason = start_refusal(department, service, start, now, visit and visit.minutes)
        if reason is not None:
            errors["start"] = reason
    if errors:
        raise CallerBookingRefused(errors)
    capacity = office_settings(department).capacity
    try:
        return book_by_staff(department, service, start, capacity, now, name, email, visit)
    except SlotFull:
        raise CallerBookingRefused({"start": FULL}) from None
    except CounterRefusal as refusal:
        raise CallerBookingRefused({refusal.field: refusal.message}) from None
