"""The clerk's "Erstattung erledigt" (POST with the CSRF token)."""

from herne.portal import _
from herne.portal.payment.refunds import mark_refunded
from herne.portal.payment.refunds import may_mark_refunded
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Forbidden


class RefundDoneView(BrowserView):
    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("POST only")
        CheckAuthenticator(self.request)
        if not may_mark_refunded(self.context):
            raise Forbidden("No open refund of your department")
        mark_refunded(self.context)
        IStatusMessage(self.request).add(
            _("Die Erstattung ist als erledigt vermerkt."), type="info"
        )
        self.request.response.redirect(self.context.absolute_url())
        return ""
