"""eID log-in pages: start at the provider, come back, refusals in German, log-out, log-in form."""

from herne.portal import _
from herne.portal.browser.service import vocabulary_title
from herne.portal.eid.errors import PROVIDER_UNREACHABLE
from herne.portal.eid.errors import EidRefused
from herne.portal.eid.login import begin
from herne.portal.eid.login import complete
from herne.portal.eid.login import eid_login_url
from herne.portal.eid.provider import configured_settings
from herne.portal.eid.provider import eid_enabled
from herne.portal.eid.provider import end_session_url
from herne.portal.eid.trust import logged_in_with_eid
import logging
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from Products.CMFPlone.browser.login.login import LoginForm
from Products.CMFPlone.browser.login.logout import LogoutView
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zope.component import getMultiAdapter
from zope.interface import alsoProvides


logger = logging.getLogger("herne.portal.eid")


class EidErrorView(BrowserView):
    """Why the eID log-in did not happen, with the ways to go on."""

    message = None

    def login_url(self):
        return eid_login_url()

    def local_login_url(self):
        return f"{api.portal.get().absolute_url()}/login"


def _refuse(request, refusal):
    logger.warning("eID log-in refused: %s", refusal.detail)
    request.response.setStatus(503 if refusal.message == PROVIDER_UNREACHABLE else 400)
    request.response.setHeader("Cache-Control", "no-store")
    view = getMultiAdapter((api.portal.get(), request), name="eid-fehler")
    view.message = refusal.message
    return view()


class EidLoginView(BrowserView):
    """``acl_users/oidc/login``: records the log-in and sends the browser to the provider."""

    def __call__(self):
        # Only the one-time log-in record is written; nothing of the visitor's.
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            url = begin(self.request)
        except EidRefused as refusal:
            return _refuse(self.request, refusal)
        self.request.response.setHeader("Cache-Control", "no-store")
        self.request.response.redirect(url, lock=True)
        return ""


class EidCallbackView(BrowserView):
    """``acl_users/oidc/callback``: the provider's answer becomes a session, or a refusal."""

    def __call__(self):
        # The answer is bound to this browser's log-in by state, PKCE and nonce.
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            came_from, level = complete(self.request)
        except EidRefused as refusal:
            return _refuse(self.request, refusal)
        IStatusMessage(self.request).add(
            _(
                "Sie sind mit Ihrem Online-Ausweis angemeldet (Vertrauensniveau: ${level}).",
                mapping={"level": vocabulary_title("herne.portal.TrustLevels", level)},
            ),
            type="info",
        )
        self.request.response.setHeader("Cache-Control", "no-store")
        self.request.response.redirect(came_from, lock=True)
        return ""


class EidLogoutView(LogoutView):
    """Plone's log-out; after an eID log-in it ends the provider's session as well."""

    def __call__(self):
        with_eid = logged_in_with_eid(self.request)
        super().__call__()
        if not with_eid:
            return
        try:
            settings = configured_settings()
        except EidRefused:
            return
        portal_url = api.portal.get().absolute_url()
        url = end_session_url(settings, f"{portal_url}/logged-out")
        if url:
            self.request.response.redirect(url)


class EidAwareLoginForm(LoginForm):
    """Plone's log-in form with "Mit Online-Ausweis anmelden" when eID is set up."""

    def eid_enabled(self):
        return eid_enabled()

    def eid_login_url(self):
        came_from = self.request.form.get("came_from") or self.request.get("came_from")
        return eid_login_url(came_from if isinstance(came_from, str) else None)
