"""POST ``@tagesliste``: a clerk books for a caller at their office, as on the page (confirmed, marked by staff)."""

from herne.portal import _
from herne.portal.booking.bookings import FULL
from herne.portal.booking.caller_booking import CallerBookingRefused
from herne.portal.booking.caller_booking import book_for_caller
from herne.portal.booking.caller_booking import office_services
from herne.portal.booking.counter_clerks import is_office_clerk
from herne.portal.booking.day_list import describe
from herne.portal.booking.storage import utcnow
from herne.portal.restapi.services.base import JSONService
from herne.portal.restapi.services.tagesliste.get import NOT_LOGGED_IN
from herne.portal.restapi.services.tagesliste.get import NOT_YOUR_OFFICE
from herne.portal.restapi.services.termine import find_office
from herne.portal.restapi.services.termine import parse_start
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


NOT_JSON = _("Bitte senden Sie die Buchung als JSON (Content-Type: application/json).")


class TageslistePost(JSONService):
    def reply(self):
        if api.user.is_anonymous():
            return self.error(401, message=NOT_LOGGED_IN)
        # A form of another site cannot send JSON without the browser asking first (CORS),
        # so a JSON body is what protects this request against cross-site posts.
        if not (self.request.getHeader("Content-Type") or "").startswith("application/json"):
            return self.error(415, message=NOT_JSON)
        alsoProvides(self.request, IDisableCSRFProtection)
        data = self.body()
        office_id = data.get("office")
        office = find_office(office_id) if isinstance(office_id, str) else None
        # An unknown office and someone else's office answer alike: nothing to learn from it.
        if office is None or not is_office_clerk(office):
            return self.error(403, message=NOT_YOUR_OFFICE)
        uid = data.get("service")
        service = next((s for s in office_services(office) if s.UID() == uid), None)
        try:
            booking, _token = book_for_caller(
                office,
                service,
                parse_start(data.get("start")),
                data.get("name"),
                data.get("email"),
                utcnow(),
            )
        except CallerBookingRefused as refused:
            if refused.errors == {"start": FULL}:
                return self.error(409, message=FULL)
            return self.error(400, refused.errors)
        self.request.response.setStatus(201)
        item = describe(booking)
        del item["time"]
        return item
