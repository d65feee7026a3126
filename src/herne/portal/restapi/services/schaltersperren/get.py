"""GET ``@schaltersperren``: the office's counter blocks."""

from herne.portal.booking.block_request import UNKNOWN_BLOCK
from herne.portal.restapi.services.schaltersperren import CounterBlocksService


class CounterBlocksGet(CounterBlocksService):
    def reply(self):
        refused = self.refused()
        if refused is not None:
            return refused
        if self.params:
            return self.error(404, message=UNKNOWN_BLOCK)
        return self.listing()
