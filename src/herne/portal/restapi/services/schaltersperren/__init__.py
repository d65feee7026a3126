"""REST ``@schaltersperren`` on a department: list, create and lift counter blocks, for those who may block."""

from herne.portal import _
from herne.portal.booking.block_access import may_block_counters
from herne.portal.booking.blocks import describe_block
from herne.portal.booking.blocks import list_blocks
from herne.portal.booking.office import office_settings
from herne.portal.restapi.services.base import JSONService
from plone import api
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


NOT_LOGGED_IN = _("Bitte melden Sie sich an, um Schalter zu sperren.")
NOT_YOUR_OFFICE = _(
    "Schalter sperren können nur die Sachbearbeiterinnen und Sachbearbeiter dieses Amtes "
    "und die Redaktion."
)


@implementer(IPublishTraverse)
class CounterBlocksService(JSONService):
    """Takes ``/<block id>`` after the service name (for DELETE)."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        self.params.append(name)
        return self

    def refused(self):
        """The 401/403 answer for anyone who may not block this office's counters, else None."""
        if api.user.is_anonymous():
            return self.error(401, message=NOT_LOGGED_IN)
        if not may_block_counters(self.context):
            return self.error(403, message=NOT_YOUR_OFFICE)
        return None

    def url(self, block=None):
        base = f"{self.context.absolute_url()}/@schaltersperren"
        return f"{base}/{block['id']}" if block else base

    def block_json(self, block, counters):
        return {"@id": self.url(block), **describe_block(block, counters)}

    def listing(self):
        counters = office_settings(self.context).counters
        items = [self.block_json(block, counters) for block in list_blocks(self.context)]
        return {"@id": self.url(), "items": items, "items_total": len(items)}
