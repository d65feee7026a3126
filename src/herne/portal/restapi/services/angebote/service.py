"""``GET @angebote``: the caller's offers; ``POST @angebote {"id", "entscheidung"}``: accept or decline one."""

from herne.portal import _
from herne.portal.applications.detail import ApplicationDetail
from herne.portal.assist.offer import ACCEPT
from herne.portal.assist.offer import ACCEPTED
from herne.portal.assist.offer import DECLINED
from herne.portal.assist.offer import decide
from herne.portal.assist.offer import offer_json
from herne.portal.assist.offer import offers_for
from herne.portal.restapi.services.base import JSONService
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


LOG_IN = _("Bitte melden Sie sich an.")


class OffersGet(JSONService):
    """What the Postkorb shows under "Für Sie erfasste Anträge"."""

    def reply(self):
        if api.user.is_anonymous():
            return self.error(401, message=LOG_IN)
        items = [offer_json(application) for application in offers_for()]
        return {
            "@id": f"{self.context.absolute_url()}/@angebote",
            "items_total": len(items),
            "items": items,
        }


class OffersPost(JSONService):
    """Accept (the caller owns it, as after a claim) or decline (it stays unclaimed)."""

    def reply(self):
        if api.user.is_anonymous():
            return self.error(401, message=LOG_IN)
        content_type = (self.request.getHeader("Content-Type") or "").split(";")[0].strip()
        if content_type.lower() != "application/json":
            return self.error(415, {"body": _("Bitte senden Sie die Angaben als JSON.")})
        # JSON only (checked above), so the request needs no CSRF token.
        alsoProvides(self.request, IDisableCSRFProtection)
        data = self.body()
        decision = data.get("entscheidung")
        application, errors = decide(data.get("id"), decision)
        if errors:
            return self.error(400, errors)
        accepted = decision == ACCEPT
        return {
            "entscheidung": decision,
            "message": self.text(ACCEPTED if accepted else DECLINED),
            "antrag": ApplicationDetail(application).as_json() if accepted else None,
        }
