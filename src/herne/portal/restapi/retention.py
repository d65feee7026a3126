"""REST: ``@aufbewahrung``, the retention job (GET: what is due, POST: run it), for cron."""

from herne.portal import _
from herne.portal.applications.retention import apply_retention
from herne.portal.restapi.applications import _JSONService
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


class RetentionGet(Service):
    """What a run would anonymise, delete and remove now; nothing is changed."""

    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@aufbewahrung",
            **apply_retention(dry_run=True).as_dict(),
        }


class RetentionPost(_JSONService):
    """Run the retention job now and report what it did (``{}`` as JSON body)."""

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
