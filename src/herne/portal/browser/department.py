"""The department page: address, opening hours and the services it answers for."""

from herne.portal.booking.block_access import may_block_counters
from herne.portal.booking.counter_clerks import is_office_clerk
from herne.portal.browser.listing import find_services
from herne.portal.browser.listing import service_summary
from herne.portal.browser.text import MultilineText
from herne.portal.i18n import request_language
from Products.Five.browser import BrowserView


class DepartmentView(MultilineText, BrowserView):
    """Default view of a department."""

    def services(self):
        return [
            service_summary(brain)
            for brain in find_services(
                language=request_language(self.request), department_uid=self.context.UID()
            )
        ]

    def day_list_url(self):
        """The link to the counter's day list, for this office's clerks only (None for everyone else)."""
        if is_office_clerk(self.context):
            return f"{self.context.absolute_url()}/@@tagesliste"
        return None

    def counter_blocks_url(self):
        """The link to "Schalter sperren", for those who may block this office's counters only."""
        if may_block_counters(self.context):
            return f"{self.context.absolute_url()}/@@schalter-sperren"
        return None
