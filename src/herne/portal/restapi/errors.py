"""REST error answers in German where Zope and plone.rest word them in English."""

from herne.portal import _
from herne.portal.interfaces import IHernePortalLayer
from herne.portal.restapi.read_only_accounts import refused_after_unauthorized
import json
from plone.rest.errors import ErrorHandling
from plone.rest.interfaces import IAPIRequest
from zExceptions.unauthorized import IUnauthorized
from zope.component import adapter
from zope.i18n import translate


@adapter(IUnauthorized, IAPIRequest)
class UnauthorizedHandling(ErrorHandling):
    """401 from REST: ZPublisher's "You are not authorized to access this resource." in German.

    A write by a department software's read-only account answers 403 instead: it is logged
    in, and no log-in lets it write (restapi.read_only_accounts).
    """

    def __call__(self):
        forbidden = refused_after_unauthorized(self.request)
        if forbidden is None:
            return super().__call__()
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setStatus(403, lock=1)
        response.setBody(json.dumps(self.render_exception(forbidden), sort_keys=True), lock=1)
        response._has_challenged = True
        return None

    def render_exception(self, exception):
        result = super().render_exception(exception)
        if IHernePortalLayer.providedBy(self.request) and IUnauthorized.providedBy(exception):
            result["message"] = translate(
                _(
                    "Sie sind nicht berechtigt, diese Seite oder Ressource aufzurufen. "
                    "Bitte melden Sie sich an oder prüfen Sie Ihre Berechtigung."
                ),
                context=self.request,
            )
        return result
