"""REST log-in tokens (JWT) that end with the user's sessions: log-out, password change, eID switch-off.

plone.restapi signs every token with the site's key and keeps no record of it, so a
token stays valid for its whole lifetime whatever happens to the account. Here a token
is signed with the user's own key of herne.portal.sessions, the key that also signs
the user's log-in tickets: ending the user's sessions replaces it and so refuses
tickets and tokens alike, on every instance (the key lives in the ZODB). A token of an
eID member names how often eID had been switched off, like the member's tickets.
"""

from AccessControl.class_init import InitializeClass
from AccessControl.SecurityInfo import ClassSecurityInfo
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from herne.portal.eid.identity import verified_identity
from herne.portal.sessions import session_plugin
import jwt
from plone import api
from plone.keyring.interfaces import IKeyManager
from plone.restapi.pas.plugin import JWTAuthenticationPlugin
from Products.PluggableAuthService.interfaces.plugins import ICredentialsResetPlugin
from zope.component import getUtility
from zope.interface import implementer


#: plone.restapi's JWT plugin in acl_users.
PLUGIN_ID = "jwt_auth"
#: The claim that names the eID generation of an eID member's token.
EID_GENERATION_CLAIM = "herne_eid_generation"


@implementer(ICredentialsResetPlugin)
class HerneJWTPlugin(JWTAuthenticationPlugin):
    """plone.restapi's JWT plugin with tokens signed by the user's own key.

    Tokens are not stored (``store_tokens`` stays off): the user's key decides.
    """

    security = ClassSecurityInfo()

    def _user_ring(self, userid):
        session = session_plugin()
        if session is None or not isinstance(userid, str) or not userid:
            return None, None
        return session, session._getSecretKey(userid)

    def _signing_secret_for(self, userid):
        session, _ring = self._user_ring(userid)
        if session is None:
            return self._signing_secret()
        # Creates the user's key at the first log-in, as the session plugin does.
        return session._getSigningSecret(userid) + self._path()

    def _decode_token(self, token, verify=True):
        unverified = self._jwt_decode(token, "", verify=False)
        if not isinstance(unverified, dict):
            return None
        session, ring = self._user_ring(unverified.get("sub"))
        if session is None:
            return super()._decode_token(token, verify=verify)
        if not verify:
            return unverified
        manager = getUtility(IKeyManager)
        if ring not in manager:
            return None
        for secret in manager[ring]:
            if secret is None:
                continue
            payload = self._jwt_decode(token, secret + self._path())
            if payload is not None:
                return payload
        return None

    def _jwt_decode(self, token, secret, verify=True):
        if isinstance(token, str):
            token = token.encode("utf-8")
        try:
            return jwt.decode(
                token, secret, options={"verify_signature": verify}, algorithms=["HS256"]
            )
        except (jwt.InvalidTokenError, ValueError, TypeError):
            return None

    def _eid_generation_valid(self, payload):
        if not verified_identity(payload["sub"]):
            return True  # a local account: switching eID off does not concern it
        session = session_plugin()
        current = getattr(session, "eid_generation", 0) if session is not None else 0
        return payload.get(EID_GENERATION_CLAIM, 0) == current

    @security.private
    def valid_payload(self, token):
        """The claims of a token that is still valid, or None."""
        payload = self._decode_token(token)
        if not payload or not isinstance(payload.get("sub"), str):
            return None
        if not self._eid_generation_valid(payload):
            return None
        return payload

    @security.private
    def authenticateCredentials(self, credentials):
        if credentials.get("extractor") != self.getId():
            return None
        payload = self.valid_payload(credentials.get("token"))
        if payload is None:
            return None
        return payload["sub"], payload["sub"]

    def create_token(self, userid, timeout=None, data=None):
        payload = dict(data or {})
        payload["sub"] = userid
        if verified_identity(userid):
            session = session_plugin()
            payload[EID_GENERATION_CLAIM] = getattr(session, "eid_generation", 0)
        timeout = self.token_timeout if timeout is None else timeout
        if timeout:
            payload["exp"] = datetime.now(UTC) + timedelta(seconds=timeout)
        # Signed with the user's key, not the site's: see the module's docstring.
        return jwt.encode(payload, self._signing_secret_for(userid), algorithm="HS256")

    @security.private
    def resetCredentials(self, request, response):
        """Log-out with a token ends every session and token of its user."""
        credentials = self.extractCredentials(request) or {}
        payload = self.valid_payload(credentials.get("token"))
        session = session_plugin()
        if payload is not None and session is not None:
            session.end_sessions(payload["sub"])


InitializeClass(HerneJWTPlugin)


def ensure_jwt_plugin():
    """Give acl_users' JWT plugin tokens that end with the user's sessions (install, upgrade)."""
    acl_users = api.portal.get_tool("acl_users")
    plugin = getattr(acl_users, PLUGIN_ID, None)
    if not isinstance(plugin, JWTAuthenticationPlugin):
        raise ValueError(f"acl_users/{PLUGIN_ID} is not plone.restapi's JWT plugin")
    if not isinstance(plugin, HerneJWTPlugin):
        plugin.__class__ = HerneJWTPlugin
        plugin._p_changed = True
    plugins = acl_users.plugins
    if PLUGIN_ID not in plugins.listPluginIds(ICredentialsResetPlugin):
        plugins.activatePlugin(ICredentialsResetPlugin, PLUGIN_ID)
    return plugin


def restore_jwt_plugin():
    """plone.restapi's own plugin again (uninstall)."""
    acl_users = api.portal.get_tool("acl_users")
    plugin = getattr(acl_users, PLUGIN_ID, None)
    if PLUGIN_ID in acl_users.plugins.listPluginIds(ICredentialsResetPlugin):
        acl_users.plugins.deactivatePlugin(ICredentialsResetPlugin, PLUGIN_ID)
    if isinstance(plugin, HerneJWTPlugin):
        plugin.__class__ = JWTAuthenticationPlugin
        plugin._p_changed = True
