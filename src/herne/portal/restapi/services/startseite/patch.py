"""``PATCH @startseite {"featured_services": [UID or address, ...]}``: the editors' choice of services."""

from herne.portal import front_page
from herne.portal.restapi.services.base import JSONService
from herne.portal.restapi.services.startseite.get import front_page_json
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class FrontPagePatch(JSONService):
    """Sets the featured services in the given order; answers with what the front page now shows."""

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)  # token-less API clients
        data = self.body()
        if "featured_services" not in data:
            return self.error(400, {"featured_services": front_page.MISSING_FEATURED_SERVICES})
        errors = front_page.choose_featured_services(data["featured_services"])
        if errors:
            return self.error(400, errors)
        return front_page_json(self.context)
