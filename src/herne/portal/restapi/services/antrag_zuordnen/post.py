"""``POST @antrag-zuordnen {"code", "reference_number", "birth_date"}``: 200 with the application, or 400."""

from herne.portal import _
from herne.portal.applications.detail import ApplicationDetail
from herne.portal.assist.claim import claim_application
from herne.portal.restapi.services.base import JSONService
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class ClaimPost(JSONService):
    """The claim of the page "Antrag zuordnen"; a wrong try counts (the answer keeps it)."""

    def reply(self):
        if api.user.is_anonymous():
            return self.error(
                401, message=_("Bitte melden Sie sich an, um einen Antrag zuzuordnen.")
            )
        content_type = (self.request.getHeader("Content-Type") or "").split(";")[0].strip()
        if content_type.lower() != "application/json":
            return self.error(415, {"body": _("Bitte senden Sie die Angaben als JSON.")})
        # JSON only (checked above), so the request needs no CSRF token.
        alsoProvides(self.request, IDisableCSRFProtection)
        data = self.body()
        application, errors = claim_application(
            data.get("code"), data.get("reference_number"), data.get("birth_date")
        )
        if errors:
            return self.error(400, errors, keep=True)
        return ApplicationDetail(application).as_json()
