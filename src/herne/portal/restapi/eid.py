"""REST: pas.plugins.oidc's own code-exchange endpoint is closed; eID log-in runs through the checked pages."""

from herne.portal import _
from herne.portal.browser.eid import eid_login_url
from herne.portal.eid.provider import eid_enabled
from herne.portal.restapi.applications import _JSONService
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class _ProviderPath(_JSONService):
    """Accepts the provider id pas.plugins.oidc puts after the service name."""

    def publishTraverse(self, request, name):
        request["TraversalRequestNameStack"] = []
        return self


class EidLoginOptions(_ProviderPath):
    """``GET @login-oidc``: where a client sends the browser to log in with eID."""

    def reply(self):
        if not eid_enabled():
            return self.error(
                404,
                message=_(
                    "Die Anmeldung mit dem Online-Ausweis ist auf diesem Portal nicht eingerichtet."
                ),
            )
        came_from = self.request.form.get("came_from")
        return {"next_url": eid_login_url(came_from if isinstance(came_from, str) else None)}


class EidCodeExchangeClosed(_ProviderPath):
    """``POST @login-oidc``: refused, because it would skip the state, nonce and token checks."""

    def reply(self):
        return self.error(
            404,
            message=_(
                "Die Anmeldung mit dem Online-Ausweis läuft über die Anmeldeseite des "
                "Portals, nicht über diese Schnittstelle."
            ),
        )
