"""POST ``@postausgang`` ``{"letters": [key, ...]}``: the letters as one PDF (Base64), marked printed."""

from base64 import b64encode
from herne.portal import _
from herne.portal.applications.postausgang import chosen_letters
from herne.portal.applications.postausgang import print_letters
from herne.portal.restapi.services.postausgang.get import PostausgangService
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class PostausgangPost(PostausgangService):
    def reply(self):
        areas, refused = self.clerk_areas()
        if refused:
            return refused
        content_type = (self.request.getHeader("Content-Type") or "").split(";")[0].strip()
        if content_type.lower() != "application/json":
            return self.error(415, {"body": _("Bitte senden Sie die Angaben als JSON.")})
        # JSON only (checked above), which a foreign page cannot send without asking (CORS).
        alsoProvides(self.request, IDisableCSRFProtection)
        chosen, error = chosen_letters(self.body().get("letters"), areas)
        if error is not None:
            return self.error(400, {"letters": error})
        data = print_letters(chosen, api.user.get_current().getId())
        return {
            "printed": len(chosen),
            "pdf": {
                "content-type": "application/pdf",
                "filename": "Briefe.pdf",
                "data": b64encode(data).decode("ascii"),
            },
        }
