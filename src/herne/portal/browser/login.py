"""The local log-in forms: posts only from the portal's own pages, back only into the portal."""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import nobody
from herne.portal import _
from herne.portal.browser.eid import EidAwareLoginForm
from herne.portal.eid.login import eid_login_url
from herne.portal.login_guard import address_in_portal
from herne.portal.login_guard import posted_from_portal
from html import escape
import logging
from pathlib import Path
from plone import api
from plone.base.interfaces import INavigationRoot
from plone.base.interfaces import IRedirectAfterLogin
from Products.CMFPlone.browser.login import login as upstream
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zope.component import adapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import implementer


logger = logging.getLogger("herne.portal.login")

#: The button that makes Plone's log-in form log in (the form has no prefix).
LOGIN_BUTTON = "buttons.login"

CROSS_SITE_REFUSED = _(
    "Die Anmeldung wurde nicht ausgeführt: Das Anmeldeformular wurde nicht auf den Seiten "
    "des Serviceportals abgeschickt. Bitte melden Sie sich hier an."
)


class SameSiteLogIn:
    """Refuses a log-in that was not posted from the portal's own pages (log-in CSRF).

    Plone authenticates the posted name and password for this one request before the
    form runs; the session cookie is set only by the form's button handler. A refused
    post never reaches it, and the page it gets is rendered for nobody.
    """

    refused = False

    def update(self):
        if LOGIN_BUTTON in self.request.form and not posted_from_portal(self.request):
            self.refused = True
            logger.warning(
                "log-in refused: %s from Origin %r, Referer %r",
                self.request.get("REQUEST_METHOD"),
                self.request.getHeader("Origin"),
                self.request.getHeader("Referer"),
            )
            del self.request.form[LOGIN_BUTTON]
            self.request.form.pop("__ac_password", None)
            newSecurityManager(self.request, nobody)
            IStatusMessage(self.request).add(CROSS_SITE_REFUSED, type="error")
        super().update()

    def get_came_from(self):
        return address_in_portal(super().get_came_from())


class LoginForm(SameSiteLogIn, EidAwareLoginForm):
    """``@@login`` and ``@@login_form``: Plone's form with the eID log-in beside it."""

    def eid_login_url(self):
        came_from = self.request.form.get("came_from") or self.request.get("came_from")
        return eid_login_url(address_in_portal(came_from))


class FailsafeLoginForm(SameSiteLogIn, upstream.FailsafeLoginForm):
    """``@@failsafe_login`` and ``@@failsafe_login_form`` with Plone's own template."""

    index = ViewPageTemplateFile(
        "templates/login_failsafe.pt", _prefix=str(Path(upstream.__file__).parent)
    )

    def render(self):
        page = super().render()
        if not self.refused:
            return page
        # Plone's plain template shows no status messages: the refusal goes above the form.
        message = escape(translate(CROSS_SITE_REFUSED, context=self.request))
        alert = f'<div class="alert alert-danger" role="alert">{message}</div>'
        return page.replace('<div id="login-form">', f'<div id="login-form">{alert}', 1)


@implementer(IRedirectAfterLogin)
@adapter(INavigationRoot, Interface)
class RedirectIntoPortal:
    """After any log-in: ``came_from`` when it is inside the portal, else the start page.

    Plone asks this adapter before its own path check, in the log-in forms and after a
    password reset.
    """

    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, came_from=None, is_initial_login=False):
        return address_in_portal(came_from) or api.portal.get().absolute_url()
