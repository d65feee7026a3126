"""``POST @aufbewahrung`` (``{}`` as JSON body): run the retention job now and report what it did."""

from herne.portal import _
from herne.portal.applications.retention import apply_retention
from herne.portal.restapi.services.base import JSONService
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class RetentionPost(JSONService):
    """Runs the job; only JSON is accepted."""

    def reply(self):
        content_type = (self.request.getHeader("Content-Type") or "").split(";")[0].strip()
        if content_type.lower() != "application/json":
            # Only JSON, which a foreign page cannot send without the browser asking first
            # (CORS): so the token-less call from cron needs no CSRF token.
            return self.error(415, {"body": _("Bitte senden Sie die Anfrage als JSON.")})
        alsoProvides(self.request, IDisableCSRFProtection)
        return {
            "@id": f"{self.context.absolute_url()}/@aufbewahrung",
            **apply_retention().as_dict(),
        }
