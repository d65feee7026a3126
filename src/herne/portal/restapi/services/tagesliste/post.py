"""POST ``@tagesliste``: a clerk books for a caller at their office, or cancels or moves a caller's booking, as on the page."""

from herne.portal import _
from herne.portal.booking.bookings import FULL
from herne.portal.booking.caller_booking import CallerBookingRefused
from herne.portal.booking.caller_booking import book_for_caller
from herne.portal.booking.caller_booking import office_services
from herne.portal.booking.counter_changes import cancel_for_caller
from herne.portal.booking.counter_changes import move_for_caller
from herne.portal.booking.counter_clerks import is_office_clerk
from herne.portal.booking.day_list import describe
from herne.portal.booking.storage import utcnow
from herne.portal.restapi.services.base import JSONService
from herne.portal.restapi.services.tagesliste.get import NOT_LOGGED_IN
from herne.portal.restapi.services.tagesliste.get import NOT_YOUR_OFFICE
from herne.portal.restapi.services.termine import find_office
from herne.portal.restapi.services.termine import parse_date
from herne.portal.restapi.services.termine import parse_start
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


NOT_JSON = _("Bitte senden Sie die Buchung als JSON (Content-Type: application/json).")
BAD_DAY = _("Bitte geben Sie den Tag des Termins als JJJJ-MM-TT an, zum Beispiel 2027-03-02.")
BAD_ACTION = _("Bitte geben Sie als Aktion „cancel“ oder „move“ an, oder keine, um zu buchen.")


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
        action = data.get("action")
        try:
            if action in (None, "book"):
                return self.book(office, data)
            if action in ("cancel", "move"):
                return self.change(office, action, data)
        except CallerBookingRefused as refused:
            if refused.errors == {"start": FULL}:
                return self.error(409, message=FULL)
            return self.error(400, refused.errors)
        return self.error(400, {"action": BAD_ACTION})

    def book(self, office, data):
        uid = data.get("service")
        service = next((s for s in office_services(office) if s.UID() == uid), None)
        booking, _token = book_for_caller(
            office,
            service,
            parse_start(data.get("start")),
            data.get("name"),
            data.get("email"),
            utcnow(),
            data.get("application"),
        )
        self.request.response.setStatus(201)
        return item_of(booking)

    def change(self, office, action, data):
        """Cancel (200, the cancelled booking) or move (200, the new booking with ``moved_from``)."""
        day = parse_date(data.get("date"))
        if day is None:
            return self.error(400, {"date": BAD_DAY})
        now = utcnow()
        if action == "cancel":
            return item_of(cancel_for_caller(office, day, data.get("code"), now))
        old, new = move_for_caller(
            office, day, data.get("code"), parse_start(data.get("start")), now
        )
        return {**item_of(new), "moved_from": old["code"]}


def item_of(booking):
    """A booking as the REST day list shows it."""
    item = describe(booking)
    del item["time"]
    return item
