"""GET ``@termine``: the free slots; GET ``@termine/<office>/<key>/<code>?token=…``, its ``/bestaetigen``
link, and ``/verschieben?start=…&end=…``: the free times the booking can move to."""

from herne.portal import _
from herne.portal.booking.bookings import NOT_FOUND
from herne.portal.booking.bookings import confirm
from herne.portal.booking.bookings import find
from herne.portal.booking.move import NOT_MOVABLE
from herne.portal.booking.move import movable
from herne.portal.booking.move import move_slots
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.slots import compute_slots
from herne.portal.booking.storage import taken_counter
from herne.portal.booking.storage import utcnow
from herne.portal.restapi.services.termine import MOVE
from herne.portal.restapi.services.termine import TermineService
from herne.portal.restapi.services.termine import find_office
from herne.portal.restapi.services.termine import office_and_service
from herne.portal.restapi.services.termine import parse_date
import json
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


#: The longest date range one request may ask for.
MAX_DAYS = 120

CONFIRM = "bestaetigen"


def booking_json(booking, url):
    return {
        "@id": url,
        "code": booking["code"],
        "state": booking["state"],
        "start": booking["start"].astimezone(BERLIN).isoformat(),
        "service": booking["service"],
    }


def date_range(form):
    """(first, last, errors) of the ``start`` and ``end`` days of a request."""
    errors = {}
    first, last = parse_date(form.get("start")), parse_date(form.get("end"))
    if first is None:
        errors["start"] = _("Bitte geben Sie den ersten Tag als JJJJ-MM-TT an.")
    if last is None:
        errors["end"] = _("Bitte geben Sie den letzten Tag als JJJJ-MM-TT an.")
    elif first is not None and (last < first or (last - first).days > MAX_DAYS):
        errors["end"] = _(
            "Der letzte Tag liegt vor dem ersten oder mehr als ${days} Tage danach.",
            mapping={"days": MAX_DAYS},
        )
    return first, last, errors


def slots_json(slots):
    return {
        "items": [
            {"start": slot.start.isoformat(), "end": slot.end.isoformat(), "free": slot.free}
            for slot in slots
            if slot.free > 0
        ]
    }


class TermineGet(TermineService):
    def render(self):
        """As plone.restapi's, but not indented: Python's C encoder writes the slots of 8 weeks
        (some 3,000) in a few milliseconds, the indenting pure-Python one in about 25."""
        self.check_permission()
        content = self.reply()
        self.request.response.setHeader("Content-Type", self.content_type)
        return json.dumps(content, sort_keys=True, separators=(",", ":"))

    def reply(self):
        if self.params:
            return self.reply_booking()
        form = self.request.form
        if form.get("application") is not None:  # the visit an application needs
            found = self.application_visit(form, utcnow())
            if not isinstance(found, tuple):
                return found
            office, _service, settings, minutes, _application, errors = found
        else:
            office, _service, settings, minutes, errors = office_and_service(
                form.get("office"), form.get("service")
            )
        first, last, range_errors = date_range(form)
        errors.update(range_errors)
        if errors:
            return self.error(400, errors)
        now = utcnow()
        slots = compute_slots(
            settings, minutes, first, last, now, taken_counter(office, first, last, now)
        )
        return slots_json(slots)

    def reply_booking(self):
        path = self.booking_path()
        if path is None or path[3] not in (None, CONFIRM, MOVE):
            return self.error(404, message=NOT_FOUND)
        office_id, key, code, action = path
        office = find_office(office_id)
        token = self.token()
        kind = "confirm_hash" if action == CONFIRM else "token_hash"
        booking = find(office, key, code, token, kind) if office is not None else None
        if booking is None:
            return self.error(404, message=NOT_FOUND)
        if action == MOVE:
            return self.reply_move_times(office, booking)
        if action == CONFIRM:
            alsoProvides(self.request, IDisableCSRFProtection)  # the link in the mail confirms
            confirmed = confirm(office, booking, utcnow())
            if confirmed is None:
                return self.error(
                    409,
                    message=_(
                        "Die Reservierung ist abgelaufen; bitte buchen Sie den Termin erneut."
                    ),
                )
            booking = confirmed
        return booking_json(booking, self.booking_url(office, booking))

    def reply_move_times(self, office, booking):
        """The times ``booking`` can move to, as the free slots; 400 when it cannot move (any more)."""
        now = utcnow()
        first, last, errors = date_range(self.request.form)
        if not movable(booking, now):
            errors = {"start": NOT_MOVABLE}
        if errors:
            return self.error(400, errors)
        return slots_json(move_slots(office, booking, first, last, now))
