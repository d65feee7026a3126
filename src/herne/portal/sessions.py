"""Log-in sessions that end on the server: a ticket from before a log-out, password change or eID switch-off is refused."""

from AccessControl.class_init import InitializeClass
from AccessControl.SecurityInfo import ClassSecurityInfo
from herne.portal.conflicts.login_writes import member_key
from herne.portal.eid.session import EID_GENERATION_PREFIX
from herne.portal.eid.session import TRUST_TOKEN_PREFIX
from plone import api
from plone.keyring.interfaces import IKeyManager
from plone.keyring.keyring import Keyring
from plone.protect.utils import safeWrite
from plone.session.plugins.session import SessionPlugin
from zope.component import getUtility
from zope.globalrequest import getRequest


#: The plone.session plugin in acl_users.
PLUGIN_ID = "session"
#: The registry record that switches the eID log-in on and off.
EID_ENABLED_RECORD = "herne.portal.eid.enabled"


class HerneSessionPlugin(SessionPlugin):
    """plone.session's plugin with one signing key per user, kept in the ZODB.

    Ending a user's sessions replaces that key, so every ticket signed before is
    refused on every instance, and ``refresh`` cannot renew it either. plone.session
    would replace the key of whatever user id an unchecked cookie names; here only a
    valid ticket ends its user's sessions, so a forged cookie logs nobody out.
    """

    security = ClassSecurityInfo()
    per_user_keyring = True
    #: Counts how often eID was switched off; an eID ticket of an earlier count is refused.
    eid_generation = 0

    @security.private
    def end_sessions(self, userid):
        """Refuse every ticket of ``userid`` issued so far."""
        manager = getUtility(IKeyManager)
        ring = self._getSecretKey(userid)
        if ring not in manager:
            # Tickets of a user without a key were signed with the site's key.
            manager[ring] = Keyring(1)
            manager[ring].fill()
        else:
            manager.clear(ring=ring)
            manager.rotate(ring=ring)
        request = getRequest()
        if request is not None:
            # Log-out is a GET; this write is its purpose, not a forged request's side effect.
            safeWrite(manager[ring], request)
            safeWrite(manager._SampleContainer__data, request)

    def _getSigningSecret(self, userid):
        if self._shared_secret is not None or not self.getProperty("per_user_keyring"):
            return super()._getSigningSecret(userid)
        # A member's first log-in creates the key in a transaction of its own: the key
        # manager's one mapping is not written by concurrent log-ins (conflicts.login_writes).
        return member_key(self, self._getSecretKey(userid))

    @security.private
    def end_eid_sessions(self):
        """Refuse every ticket issued by an eID log-in so far."""
        self.eid_generation = self.eid_generation + 1

    def _validateTicket(self, ticket, now=None):
        ticket_data = super()._validateTicket(ticket, now)
        if ticket_data is None:
            return None
        _digest, _userid, tokens, _user_data, timestamp = ticket_data
        if any(token.startswith(TRUST_TOKEN_PREFIX) for token in tokens):
            generation = f"{EID_GENERATION_PREFIX}{self.eid_generation}"
            # Tickets from before generations were counted belong to the first one.
            if generation not in tokens and (
                self.eid_generation
                or any(token.startswith(EID_GENERATION_PREFIX) for token in tokens)
            ):
                return None
        return ticket_data

    @security.private
    def resetCredentials(self, request, response):
        credentials = self.extractCredentials(request)
        ticket_data = (
            self._validateTicket(credentials["cookie"]) if "cookie" in credentials else None
        )
        if ticket_data is not None:
            self.end_sessions(ticket_data[1])
        options = {"path": self.getProperty("path")}
        if self.getProperty("cookie_domain"):
            options["domain"] = self.getProperty("cookie_domain")
        response.expireCookie(self.getProperty("cookie_name"), **options)


InitializeClass(HerneSessionPlugin)


def session_plugin():
    plugin = getattr(api.portal.get_tool("acl_users"), PLUGIN_ID, None)
    return plugin if isinstance(plugin, HerneSessionPlugin) else None


def ensure_session_plugin():
    """Give acl_users' session plugin server-side log-out.

    The plugin changes its class in place: its properties (cookie name, timeout,
    secure flag), its place among the PAS plugins and the signing keys stay.
    """
    plugin = getattr(api.portal.get_tool("acl_users"), PLUGIN_ID, None)
    if not isinstance(plugin, SessionPlugin):
        raise ValueError(f"acl_users/{PLUGIN_ID} is not a plone.session plugin")
    if not isinstance(plugin, HerneSessionPlugin):
        plugin.__class__ = HerneSessionPlugin
    plugin.per_user_keyring = True
    plugin._p_changed = True
    return plugin


def restore_session_plugin():
    """plone.session's own plugin again (uninstall); the per-user keys stay in use."""
    plugin = getattr(api.portal.get_tool("acl_users"), PLUGIN_ID, None)
    if isinstance(plugin, HerneSessionPlugin):
        plugin.__class__ = SessionPlugin
        plugin.__dict__.pop("eid_generation", None)
        plugin._p_changed = True


def password_changed(principal, event):
    """A new password ends the user's other sessions; the browser that set it stays logged in."""
    plugin = session_plugin()
    if plugin is None:
        return
    plugin.end_sessions(principal.getId())
    request = getattr(plugin, "REQUEST", None)
    if request is not None:
        # Issues a ticket under the new key only when the user changed their own password.
        plugin.updateCredentials(request, request.response, principal.getUserName(), event.password)


def eid_switched(event):
    """Switching the eID log-in off ends every eID session."""
    if event.record.__name__ != EID_ENABLED_RECORD:
        return
    if event.oldValue and not event.newValue:
        plugin = session_plugin()
        if plugin is not None:
            plugin.end_eid_sessions()
