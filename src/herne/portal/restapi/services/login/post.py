"""``POST @login``: a token only for requests that no page of another site sent (log-in CSRF)."""

from herne.portal import _
from herne.portal.login_guard import posted_from_elsewhere
from herne.portal.restapi.services.base import JSONService
import logging
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services.auth.login import Login


logger = logging.getLogger("herne.portal.login")

CROSS_SITE_REFUSED = _(
    "Die Anmeldung wurde nicht ausgeführt: Die Anfrage wurde nicht von den Seiten des "
    "Serviceportals abgeschickt."
)

NO_JSON = _("Bitte senden Sie Anmeldename und Passwort als JSON-Objekt.")


class SameSiteLogin(JSONService, Login):
    """plone.restapi's log-in; a post from another site's page is refused with 403.

    A page of another site can post ``text/plain`` or a form to ``@login`` without
    asking the portal first; plone.restapi would log the browser in (cookie included).
    """

    def reply(self):
        if posted_from_elsewhere(self.request):
            logger.warning(
                "REST log-in refused: Origin %r, Referer %r",
                self.request.getHeader("Origin"),
                self.request.getHeader("Referer"),
            )
            return self.error(403, message=CROSS_SITE_REFUSED)
        try:
            data = json_body(self.request)
        except DeserializationError:
            data = None
        if not isinstance(data, dict):
            return self.error(400, message=NO_JSON)
        return Login.reply(self)
