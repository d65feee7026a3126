"""``POST <application>/@nachrichten {"text": ..., "files": [{"filename", "data"}]}``."""

from herne.portal.applications.conversation import write_message
from herne.portal.applications.detail import ApplicationDetail
from herne.portal.restapi.services.base import JSONService
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class MessagePost(JSONService):
    """A message from the citizen or the clerk; answers with the application's detail."""

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)  # token-less API clients
        data = self.body()
        uploads, errors = self.files_from_body(data)
        if not errors:
            errors = write_message(self.context, data.get("text"), uploads)
        if errors:
            return self.error(400, errors)
        self.request.response.setStatus(201)
        return ApplicationDetail(self.context).as_json()
