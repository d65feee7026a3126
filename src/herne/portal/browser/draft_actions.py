"""Citizen actions on a draft: delete it (resuming is a link to the form)."""

from herne.portal import _
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Forbidden


class DeleteDraftView(BrowserView):
    """POST only, with the CSRF token; only the owner, only while it is a draft."""

    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("POST only")
        CheckAuthenticator(self.request)
        draft = self.context
        if api.content.get_state(draft) != "draft" or not api.user.has_permission(
            "Delete objects", obj=draft
        ):
            raise Forbidden("Not a draft of yours")
        if (getattr(draft, "payment", None) or {}).get("state") in ("pending", "paid"):
            # Money may be on its way: the draft stays until the payment service has answered.
            IStatusMessage(self.request).add(
                _(
                    "Dieser Entwurf wartet auf die Bestätigung Ihrer Zahlung und kann nicht gelöscht werden."
                ),
                type="error",
            )
            self.request.response.redirect(draft.absolute_url())
            return ""
        service = api.content.get(UID=draft.service_uid)
        # The citizen may delete the draft but not write to the department's area.
        with api.env.adopt_roles(["Manager"]):
            draft.aq_parent.manage_delObjects([draft.getId()])
        IStatusMessage(self.request).add(_("Ihr Entwurf wurde gelöscht."), type="info")
        target = service.absolute_url() if service is not None else api.portal.get().absolute_url()
        self.request.response.redirect(target)
        return ""
