"""POST ``<application>/@termin-verschieben`` with ``{"start"}`` and POST ``@termin-absagen``: the applicant
moves or cancels the open visit (JSON only, so that a form of another site cannot post it)."""

from herne.portal import _
from herne.portal.booking.bookings import FULL
from herne.portal.booking.bookings import SlotFull
from herne.portal.booking.bookings import cancel
from herne.portal.booking.move import move_booking
from herne.portal.booking.move import move_refusal
from herne.portal.booking.request import NO_START
from herne.portal.booking.storage import utcnow
from herne.portal.restapi.services.antrag_termin import OwnVisitService
from herne.portal.restapi.services.antrag_termin import visit_json
from herne.portal.restapi.services.termine import parse_start
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


NOT_JSON = _("Bitte senden Sie die Anfrage als JSON (Content-Type: application/json).")


class OwnVisitPost(OwnVisitService):
    def reply(self):
        # A form of another site cannot send JSON without the browser asking first (CORS),
        # so a JSON body is what protects this request against cross-site posts.
        if not (self.request.getHeader("Content-Type") or "").startswith("application/json"):
            return self.error(415, message=NOT_JSON)
        alsoProvides(self.request, IDisableCSRFProtection)
        now = utcnow()
        found = self.own_visit(now)
        if not isinstance(found, tuple):
            return found
        return self.change(*found, now)


class MoveVisitPost(OwnVisitPost):
    def change(self, office, booking, now):
        """201 with the new booking; 400 on "start" and 409 when full, the old booking stays then."""
        start = parse_start(self.body().get("start"))
        reason = NO_START if start is None else move_refusal(office, booking, start, now)
        if reason is not None:
            return self.error(400, {"start": reason})
        try:
            moved, _token = move_booking(office, booking, start, now)
        except SlotFull:
            return self.error(409, message=FULL)
        self.request.response.setStatus(201)
        return visit_json(self.context.absolute_url(), moved)


class CancelVisitPost(OwnVisitPost):
    def change(self, office, booking, now):
        cancelled = cancel(office, booking)
        return {"code": cancelled["code"], "state": cancelled["state"]}
