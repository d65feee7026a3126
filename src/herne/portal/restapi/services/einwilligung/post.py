"""``POST <application>/@einwilligung-widerrufen``: the helper's consent ends; 200 with the detail, or 400."""

from herne.portal.applications.detail import ApplicationDetail
from herne.portal.assist.acting import withdraw_consent
from herne.portal.restapi.services.base import JSONService
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class WithdrawConsentPost(JSONService):
    """As the page's button "Einwilligung für die Digitallotse widerrufen"."""

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)  # token-less API clients
        errors = withdraw_consent(self.context)
        if errors:
            return self.error(400, errors)
        return ApplicationDetail(self.context).as_json()
