"""``POST @login-oidc``: pas.plugins.oidc's own code exchange, closed."""

from herne.portal import _
from herne.portal.restapi.services.eid import ProviderPathService


class EidCodeExchangeClosed(ProviderPathService):
    """Refused, because it would skip the state, nonce and token checks of the eID pages."""

    def reply(self):
        return self.error(
            404,
            message=_(
                "Die Anmeldung mit dem Online-Ausweis läuft über die Anmeldeseite des "
                "Portals, nicht über diese Schnittstelle."
            ),
        )
