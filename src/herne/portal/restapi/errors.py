"""REST error answers in German where Zope and plone.rest word them in English."""

from herne.portal import _
from herne.portal.interfaces import IHernePortalLayer
from plone.rest.errors import ErrorHandling
from plone.rest.interfaces import IAPIRequest
from zExceptions.unauthorized import IUnauthorized
from zope.component import adapter
from zope.i18n import translate


@adapter(IUnauthorized, IAPIRequest)
class UnauthorizedHandling(ErrorHandling):
    """401 from REST: ZPublisher's "You are not authorized to access this resource." in German."""

    def render_exception(self, exception):
        result = super().render_exception(exception)
        if IHernePortalLayer.providedBy(self.request):
            result["message"] = translate(
                _(
                    "Sie sind nicht berechtigt, diese Seite oder Ressource aufzurufen. "
                    "Bitte melden Sie sich an oder prüfen Sie Ihre Berechtigung."
                ),
                context=self.request,
            )
        return result
