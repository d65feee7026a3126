"""Setting up the eID log-in: the pas.plugins.oidc plugin, and self-registration for local accounts."""

from herne.portal.eid.identity import PLUGIN_ID
from herne.portal.eid.secret import set_client_secret
from herne.portal.interfaces import IHerneEidPlugin
from pas.plugins.oidc.plugins import OIDCPlugin
from plone import api
from Products.PluggableAuthService.interfaces.plugins import IChallengePlugin
from zope.interface import alsoProvides


def ensure_eid_plugin():
    """The OIDC plugin in acl_users, marked so the portal's checked log-in views serve it.

    It is no challenge plugin: the local log-in form stays the default, and the form
    offers the eID log-in next to it.
    """
    pas = api.portal.get_tool("acl_users")
    if PLUGIN_ID not in pas.objectIds():
        pas._setObject(PLUGIN_ID, OIDCPlugin(PLUGIN_ID, "eID (OpenID Connect)"))
    plugin = pas[PLUGIN_ID]
    if not isinstance(plugin, OIDCPlugin):
        raise ValueError(f"acl_users/{PLUGIN_ID} is not an OIDC plugin")
    alsoProvides(plugin, IHerneEidPlugin)
    plugin.manage_changeProperties(
        use_pkce=True,
        create_user=True,
        create_groups=False,
        create_ticket=False,
        create_restapi_ticket=False,
    )
    if PLUGIN_ID in pas.plugins.listPluginIds(IChallengePlugin):
        pas.plugins.deactivatePlugin(IChallengePlugin, PLUGIN_ID)
    return plugin


def enable_self_registration():
    """Anyone may register; the password is set through the link in a confirmation e-mail."""
    api.portal.set_registry_record("plone.enable_self_reg", True)
    api.portal.set_registry_record("plone.enable_user_pwd_choice", False)


def remove_eid_plugin():
    """The OIDC plugin and the client secret go (uninstall)."""
    set_client_secret("")
    pas = api.portal.get_tool("acl_users")
    if PLUGIN_ID in pas.objectIds():
        pas._delObject(PLUGIN_ID)
