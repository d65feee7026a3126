"""The department page: address, opening hours and the services it answers for."""

from herne.portal.browser.listing import find_services
from herne.portal.browser.listing import service_summary
from Products.Five.browser import BrowserView


class DepartmentView(BrowserView):
    """Default view of a department."""

    def lines(self, text):
        return [line for line in (text or "").splitlines() if line.strip()]

    def services(self):
        return [
            service_summary(brain) for brain in find_services(department_uid=self.context.UID())
        ]
