"""A Digitallotse's access to what they entered: honoured only while they hold the helper role in that organisation."""

from Acquisition import aq_base
from borg.localrole.default_adapter import DefaultLocalRoleAdapter
from borg.localrole.interfaces import ILocalRoleProvider
from herne.portal import _
from herne.portal.assist.helpers import ENTERED_ROLE
from herne.portal.assist.helpers import HELPER_ROLE
from herne.portal.assist.helpers import ORGANISATION_PREFIX
from herne.portal.assist.helpers import organisation_group_id
from herne.portal.content.application import IApplication
from herne.portal.i18n import in_german
from plone import api
from Products.PlonePAS.interfaces.group import IGroupIntrospection
from Products.PlonePAS.plugins.autogroup import VirtualGroup
from Products.PluggableAuthService.interfaces.plugins import IGroupEnumerationPlugin
from Products.PluggableAuthService.interfaces.plugins import IGroupsPlugin
from Products.PluggableAuthService.interfaces.plugins import IPropertiesPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from zope.component import adapter
from zope.interface import implementer


PLUGIN_ID = "herne_helper_access"
#: Virtual groups "herne-lotse:<userid>:<organisation group>" exist only in the PAS answer.
ACCESS_PREFIX = "herne-lotse:"


def access_principal(userid, organisation):
    """The virtual group through which ``userid`` reaches what they entered for ``organisation`` (title)."""
    return f"{ACCESS_PREFIX}{userid}:{organisation_group_id(organisation or '')}"


#: The access groups' title, where the administrator sees one (a helper's groups).
ACCESS_TITLE = _("Digitallotse: Zugang zu den erfassten Anträgen")


@implementer(IGroupsPlugin, IGroupEnumerationPlugin, IGroupIntrospection, IPropertiesPlugin)
class HelperAccessPlugin(BasePlugin):
    """PAS groups plugin: a helper is in their access group while helper and member of the organisation.

    Nothing is stored: the administrator taking the role from the account or from the
    organisation's group, taking the account out of the group, deleting the group or the
    account, by any path (control panel, REST, ZMI, code), ends the access on the next request.
    The catalog indexes the access group, not the account, so search follows as well.
    """

    meta_type = "Herne Helper Access Plugin"

    def __init__(self, id, title=None):
        self._setId(id)
        self.title = title

    def getGroupsForPrincipal(self, principal, request=None):
        userid = principal.getId()
        is_group = getattr(aq_base(principal), "isGroup", None)
        if (
            not userid
            or userid.startswith((ACCESS_PREFIX, ORGANISATION_PREFIX))
            or (is_group is not None and is_group())
        ):
            return ()
        groups = [
            group_id
            for group_id in (getattr(aq_base(principal), "getGroups", tuple)() or ())
            if not group_id.startswith(ACCESS_PREFIX)
        ]
        organisations = [
            group_id for group_id in groups if group_id.startswith(ORGANISATION_PREFIX)
        ]
        if not organisations:
            return ()
        pas = self._getPAS()
        # The role managers' own assignments: asking them through PAS would ask this plugin again.
        role_manager = getattr(pas, "portal_role_manager", None)
        assigned = getattr(role_manager, "_principal_roles", None)
        if assigned is None:
            return ()
        if not any(HELPER_ROLE in assigned.get(pid, ()) for pid in [userid, *groups]):
            return ()
        source = getattr(pas, "source_groups", None)
        result = []
        for group_id in organisations:
            info = source.getGroupInfo(group_id) if source is not None else None
            if not info:
                continue
            result.append(access_principal(userid, info.get("title") or group_id))
        return tuple(result)

    # An access group can be looked up by its exact id (the administrator's view of a
    # helper lists their groups) but is never listed, searched or given members.
    def enumerateGroups(self, id=None, exact_match=False, sort_by=None, max_results=None, **kw):
        if kw or not exact_match or not id or not id.startswith(ACCESS_PREFIX):
            return []
        return [
            {"id": id, "groupid": id, "title": in_german(ACCESS_TITLE), "pluginid": self.getId()}
        ]

    def getGroupById(self, group_id):
        if not group_id or not group_id.startswith(ACCESS_PREFIX):
            return None
        return VirtualGroup(group_id, title=in_german(ACCESS_TITLE))

    def getGroups(self):
        return []

    def getGroupIds(self):
        return []

    def getGroupMembers(self, group_id):
        return ()

    def getPropertiesForUser(self, user, request=None):
        if str(user.getId() or "").startswith(ACCESS_PREFIX):
            return {"title": in_german(ACCESS_TITLE), "description": ""}
        return {}


def ensure_access_plugin():
    """The plugin in acl_users, active as the last groups plugin (it reads the others' answer)."""
    pas = api.portal.get_tool("acl_users")
    if PLUGIN_ID not in pas.objectIds():
        pas._setObject(PLUGIN_ID, HelperAccessPlugin(PLUGIN_ID, "Digitallotsen: Zugang"))
    plugins = pas.plugins
    for interface in (IGroupsPlugin, IGroupEnumerationPlugin, IGroupIntrospection):
        if PLUGIN_ID not in plugins.listPluginIds(interface):
            plugins.activatePlugin(interface, PLUGIN_ID)
    while plugins.listPluginIds(IGroupsPlugin)[-1] != PLUGIN_ID:
        plugins.movePluginsDown(IGroupsPlugin, [PLUGIN_ID])
    return pas[PLUGIN_ID]


def reindex_entered_applications():
    """Index the access group instead of the account on every application a helper entered."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        application = brain._unrestrictedGetObject()
        if application.entered_by:
            application.reindexObjectSecurity()


@implementer(ILocalRoleProvider)
@adapter(IApplication)
class EnteredAccess(DefaultLocalRoleAdapter):
    """The local roles of an application: the helper's one held by their access group, not the account."""

    def _entered(self):
        entered_by = getattr(self.context, "entered_by", None)
        if not entered_by or ENTERED_ROLE not in super().getRoles(entered_by):
            return None, None
        organisation = (getattr(self.context, "entry", None) or {}).get("organisation")
        return entered_by, access_principal(entered_by, organisation)

    def getRoles(self, principal_id):
        roles = list(super().getRoles(principal_id))
        entered_by, principal = self._entered()
        if entered_by is None:
            return roles
        if principal_id == entered_by:
            return [role for role in roles if role != ENTERED_ROLE]
        if principal_id == principal:
            return [ENTERED_ROLE]
        return roles

    def getAllRoles(self):
        entered_by, principal = self._entered()
        for principal_id, roles in super().getAllRoles():
            if principal_id == entered_by:
                rest = [role for role in roles if role != ENTERED_ROLE]
                if rest:
                    yield principal_id, rest
                yield principal, [ENTERED_ROLE]
            else:
                yield principal_id, roles
