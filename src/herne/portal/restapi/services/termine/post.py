"""POST ``@termine``: book a time; POST ``@termine/<office>/<key>/<code>/stornieren?token=…``: cancel it;
POST ``…/<code>/verschieben?token=…`` with ``{"start"}``: move it."""

from herne.portal.booking.application_visit import account_email
from herne.portal.booking.application_visit import account_name
from herne.portal.booking.bookings import FULL
from herne.portal.booking.bookings import NOT_FOUND
from herne.portal.booking.bookings import SlotFull
from herne.portal.booking.bookings import cancel
from herne.portal.booking.bookings import find
from herne.portal.booking.move import move_booking
from herne.portal.booking.move import move_refusal
from herne.portal.booking.request import NO_START
from herne.portal.booking.request import booking_errors
from herne.portal.booking.reservation import ReservationRefused
from herne.portal.booking.reservation import reserve
from herne.portal.booking.storage import utcnow
from herne.portal.restapi.services.termine import MOVE
from herne.portal.restapi.services.termine import TermineService
from herne.portal.restapi.services.termine import find_office
from herne.portal.restapi.services.termine import office_and_service
from herne.portal.restapi.services.termine import parse_start
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


CANCEL = "stornieren"


class TerminePost(TermineService):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)  # anonymous citizens and API clients
        if self.params:
            return self.reply_change()
        data = self.body()
        now = utcnow()
        if data.get("application") is not None:
            found = self.application_visit(data, now)
            if not isinstance(found, tuple):
                return found
            office, service, settings, minutes, application, errors = found
        else:
            office, service, settings, minutes, errors = office_and_service(
                data.get("office"), data.get("service")
            )
            application = None
        start = parse_start(data.get("start"))
        name = data.get("name")
        email = data.get("email")
        if application is not None:  # prefilled from the applicant's account
            name, email = name or account_name(), email or account_email()
        errors.update(booking_errors(settings, minutes, start, name, email, now))
        if errors:
            return self.error(400, errors)
        try:
            booking, token = reserve(
                office,
                service,
                start,
                settings.capacity,
                now,
                name.strip(),
                email.strip(),
                application,
                minutes,
            )
        except ReservationRefused as refused:
            return self.error(400, {refused.field: refused.message})
        except SlotFull:
            return self.error(409, message=FULL)
        return self.created(office, booking, token)

    def created(self, office, booking, token):
        """201 with the booking's address and the links its token opens."""
        url = self.booking_url(office, booking)
        self.request.response.setStatus(201)
        return {
            "@id": url,
            "code": booking["code"],
            "state": booking["state"],
            "cancel_url": f"{url}/{CANCEL}?token={token}",
            "move_url": f"{url}/{MOVE}?token={token}",
        }

    def reply_change(self):
        path = self.booking_path()
        if path is None or path[3] not in (CANCEL, MOVE):
            return self.error(404, message=NOT_FOUND)
        office_id, key, code, action = path
        office = find_office(office_id)
        token = self.token()
        booking = find(office, key, code, token) if office is not None else None
        if booking is None:
            return self.error(404, message=NOT_FOUND)
        if action == MOVE:
            return self.reply_move(office, booking)
        cancelled = cancel(office, booking)
        return {
            "@id": self.booking_url(office, cancelled),
            "code": code,
            "state": cancelled["state"],
        }

    def reply_move(self, office, booking):
        """The new booking (201), 409 when the new time is full, 400 on "start"; the old one stays then."""
        now = utcnow()
        start = parse_start(self.body().get("start"))
        reason = move_refusal(office, booking, start, now) if start is not None else NO_START
        if reason is not None:
            return self.error(400, {"start": reason})
        try:
            moved, token = move_booking(office, booking, start, now)
        except SlotFull:
            return self.error(409, message=FULL)
        return self.created(office, moved, token)
