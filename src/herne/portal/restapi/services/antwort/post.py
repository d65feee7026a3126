"""``POST <application>/@antwort {"text": ..., "files": [...]}``: the application goes back to the clerk."""

from herne.portal.applications.conversation import answer_request
from herne.portal.applications.detail import ApplicationDetail
from herne.portal.restapi.services.base import JSONService
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class AnswerPost(JSONService):
    """The citizen answers with text and files; answers with the application's detail."""

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = self.body()
        uploads, errors = self.files_from_body(data)
        errors = errors or answer_request(self.context, data.get("text"), uploads)
        if errors:
            return self.error(400, errors)
        return ApplicationDetail(self.context).as_json()
