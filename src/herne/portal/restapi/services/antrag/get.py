"""``GET <application>/@antrag``: state, next step, history, messages and documents."""

from herne.portal.applications.detail import ApplicationDetail
from herne.portal.restapi.services.base import JSONService


class ApplicationGet(JSONService):
    """The application as its owner or the responsible clerk sees it."""

    def reply(self):
        return ApplicationDetail(self.context).as_json()
