"""``GET @login-oidc``: where a client sends the browser to log in with eID."""

from herne.portal import _
from herne.portal.eid.login import eid_login_url
from herne.portal.eid.provider import eid_enabled
from herne.portal.restapi.services.eid import ProviderPathService


class EidLoginOptions(ProviderPathService):
    """The address of the checked eID log-in page, or 404 when eID is not set up."""

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
