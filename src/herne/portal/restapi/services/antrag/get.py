"""``GET <application>/@antrag``: state, next step, history, messages and documents."""

from herne.portal.applications import clerk_news
from herne.portal.applications.detail import ApplicationDetail
from herne.portal.restapi.services.base import JSONService
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class ApplicationGet(JSONService):
    """The application as its owner or the responsible clerk sees it."""

    def reply(self):
        if clerk_news.opened(self.context):
            # The read marker is the only write of this GET, as on the page.
            alsoProvides(self.request, IDisableCSRFProtection)
        return ApplicationDetail(self.context).as_json()
