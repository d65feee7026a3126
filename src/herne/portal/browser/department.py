"""The department page: address, opening hours and the services it answers for."""

from herne.portal.browser.listing import find_services
from herne.portal.browser.listing import service_summary
from herne.portal.browser.text import MultilineText
from Products.Five.browser import BrowserView


class DepartmentView(MultilineText, BrowserView):
    """Default view of a department."""

    def services(self):
        return [
            service_summary(brain) for brain in find_services(department_uid=self.context.UID())
        ]
