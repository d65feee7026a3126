"""POST ``@schaltersperren``: block counters; the bookings that no longer fit are cancelled and mailed."""

from herne.portal import _
from herne.portal.booking.block_request import UNKNOWN_BLOCK
from herne.portal.booking.block_request import block_request
from herne.portal.booking.counter_blocking import place_block
from herne.portal.booking.office import office_settings
from herne.portal.booking.storage import utcnow
from herne.portal.restapi.services.schaltersperren import CounterBlocksService
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


NOT_JSON = _("Bitte senden Sie die Sperre als JSON (Content-Type: application/json).")


class CounterBlocksPost(CounterBlocksService):
    def reply(self):
        refused = self.refused()
        if refused is not None:
            return refused
        # A form of another site cannot send JSON without the browser asking first (CORS),
        # so a JSON body is what protects this request against cross-site posts.
        if not (self.request.getHeader("Content-Type") or "").startswith("application/json"):
            return self.error(415, message=NOT_JSON)
        alsoProvides(self.request, IDisableCSRFProtection)
        if self.params:
            return self.error(404, message=UNKNOWN_BLOCK)
        settings = office_settings(self.context)
        now = utcnow()
        values, errors = block_request(self.body(), settings.counters, now)
        if errors:
            return self.error(400, errors)
        block, cancelled = place_block(
            self.context, now=now, by=api.user.get_current().getId(), **values
        )
        self.request.response.setStatus(201)
        return {
            **self.block_json(block, settings.counters),
            "cancelled_bookings": [booking["code"] for booking in cancelled],
        }
