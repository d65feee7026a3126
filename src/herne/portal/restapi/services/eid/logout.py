"""``GET @logout-oidc``: pas.plugins.oidc's own REST log-out, answered in German instead."""

from herne.portal import _
from herne.portal.restapi.services.eid import ProviderPathService


class EidLogoutElsewhere(ProviderPathService):
    """The plugin's version answers 500 in English; log-out is ``POST @logout`` or the page."""

    def reply(self):
        return self.error(
            404,
            message=_(
                "Zum Abmelden senden Sie „POST @logout“ oder öffnen Sie die Abmeldeseite "
                "des Portals; eine Anmeldung mit dem Online-Ausweis wird dabei auch beim "
                "Anmeldedienst beendet."
            ),
        )
