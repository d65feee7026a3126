"""DELETE ``@schaltersperren/<id>``: lift a block; its times are bookable again."""

from herne.portal.booking.block_request import UNKNOWN_BLOCK
from herne.portal.booking.counter_blocking import lift_block
from herne.portal.restapi.services.schaltersperren import CounterBlocksService
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class CounterBlocksDelete(CounterBlocksService):
    def reply(self):
        refused = self.refused()
        if refused is not None:
            return refused
        alsoProvides(self.request, IDisableCSRFProtection)  # no form can send a DELETE
        if len(self.params) != 1 or lift_block(self.context, self.params[0]) is None:
            return self.error(404, message=UNKNOWN_BLOCK)
        return self.reply_no_content()
