"""The department page: address, opening hours and the services it answers for."""

from herne.portal.booking.block_access import may_block_counters
from herne.portal.booking.counter_clerks import is_office_clerk
from herne.portal.browser.listing import find_services
from herne.portal.browser.listing import service_summary
from herne.portal.browser.text import MultilineText
from herne.portal.i18n import GERMAN
from herne.portal.i18n import request_language
from herne.portal.languages import german_original
from Products.Five.browser import BrowserView


class DepartmentView(MultilineText, BrowserView):
    """Default view of a department (German or a translation of it)."""

    def __init__(self, context, request):
        super().__init__(context, request)
        # address, opening hours, contact and services belong to the German page
        self.original = german_original(context)

    @property
    def german_lang(self):
        """``lang`` of the German address and opening hours on a translated page (None on German pages)."""
        return GERMAN if self.original is not self.context else None

    @property
    def german_dir(self):
        return "ltr" if self.original is not self.context else None

    def services(self):
        return [
            service_summary(brain)
            for brain in find_services(
                language=request_language(self.request), department_uid=self.original.UID()
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
