"""Install and uninstall handlers: catalogue folders and the editors' groups."""

from herne.portal import _
from herne.portal.applications.areas import application_root
from herne.portal.assist.access import ensure_access_plugin
from herne.portal.branding import ensure_city_logo
from herne.portal.branding import remove_city_logo
from herne.portal.conflicts.pending_index import get_pending_index
from herne.portal.conflicts.spread_keys import use_reversed_index
from herne.portal.eid.setup import enable_self_registration
from herne.portal.eid.setup import ensure_eid_plugin
from herne.portal.eid.setup import remove_eid_plugin
from herne.portal.i18n import in_german
from herne.portal.languages import setup_languages
from herne.portal.outbox.storage import get_outbox
from herne.portal.rest_tokens import ensure_jwt_plugin
from herne.portal.rest_tokens import restore_jwt_plugin
from herne.portal.sessions import ensure_session_plugin
from herne.portal.sessions import restore_session_plugin
from plone import api
from plone.base.interfaces import INonInstallable
from Products.CMFPlone.interfaces.constrains import ENABLED
from Products.CMFPlone.interfaces.constrains import ISelectableConstrainTypes
from zope.interface import implementer


CATALOGUE_FOLDER_ID = "leistungen"
DEPARTMENTS_FOLDER_ID = "organisation"
FRONT_PAGE_VIEW = "startseite"
EDITORS_GROUP = "catalogue-editors"
REVIEWERS_GROUP = "catalogue-reviewers"

#: id, title, description, allowed type, layout
CATALOGUE_FOLDERS = (
    (
        CATALOGUE_FOLDER_ID,
        _("Leistungen A-Z"),
        _("Alle Dienstleistungen der Stadt Herne von A bis Z."),
        "Service",
        "leistungen-a-z",
    ),
    (
        DEPARTMENTS_FOLDER_ID,
        _("Organisationseinheiten"),
        _("Ämter und Fachbereiche mit Anschrift und Öffnungszeiten."),
        "Department",
        "listing_view",
    ),
)

#: group id, title, local roles on the catalogue folders
EDITORIAL_GROUPS = (
    (EDITORS_GROUP, _("Redaktion Leistungskatalog"), ("Contributor", "Editor", "Reader")),
    (REVIEWERS_GROUP, _("Freigabe Leistungskatalog"), ("Reviewer", "Reader")),
)

#: the role that lets the editorial group choose the front page's featured services
FRONT_PAGE_EDITOR_ROLE = "FrontPageEditor"


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        return ["herne.portal:uninstall"]

    def getNonInstallableProducts(self):
        return ["herne.portal.upgrades"]


def _ensure_catalogue_folder(portal, folder_id, title, description, allowed, layout):
    folder = portal.get(folder_id)
    if folder is None:
        folder = api.content.create(
            container=portal,
            type="Folder",
            id=folder_id,
            title=in_german(title),
            description=in_german(description),
        )
        api.content.transition(obj=folder, transition="publish")
    constraints = ISelectableConstrainTypes(folder)
    constraints.setConstrainTypesMode(ENABLED)
    constraints.setLocallyAllowedTypes([allowed])
    constraints.setImmediatelyAddableTypes([allowed])
    folder.setLayout(layout)
    return folder


def _ensure_editorial_groups(folders):
    for group_id, title, roles in EDITORIAL_GROUPS:
        if api.group.get(groupname=group_id) is None:
            api.group.create(groupname=group_id, title=in_german(title))
        for folder in folders:
            api.group.grant_roles(groupname=group_id, obj=folder, roles=list(roles))
    for folder in folders:
        folder.reindexObjectSecurity()
    let_editors_manage_front_page()


def let_editors_manage_front_page():
    """The editorial group chooses the front page's featured services, without site administration."""
    api.group.grant_roles(groupname=EDITORS_GROUP, roles=[FRONT_PAGE_EDITOR_ROLE])


def post_install(context):
    """Post install script: catalogue folders, languages, editors' groups, eID plugin, self-registration, log-out."""
    portal = api.portal.get()
    folders = [_ensure_catalogue_folder(portal, *spec) for spec in CATALOGUE_FOLDERS]
    _ensure_editorial_groups(folders)
    setup_languages(portal)
    application_root(portal)
    ensure_eid_plugin()
    enable_self_registration()
    ensure_session_plugin()
    ensure_jwt_plugin()
    ensure_access_plugin()
    show_front_page(portal)
    # made now, so that the first submissions do not all create it at once
    get_outbox(portal, create=True)
    # likewise the records of new applications waiting for the catalog (after the commit)
    get_pending_index(portal, create=True)
    # reference numbers reversed, so that concurrent submissions do not all insert at its end
    use_reversed_index(portal)


def show_front_page(portal):
    """The site root shows the city's front page, with the city's name and placeholder logo."""
    portal.setLayout(FRONT_PAGE_VIEW)
    ensure_city_logo()


def hide_front_page(portal):
    """Plone's own site root view and logo again: the front page goes with the add-on."""
    fti = api.portal.get_tool("portal_types")["Plone Site"]
    fti.view_methods = tuple(view for view in fti.view_methods if view != FRONT_PAGE_VIEW)
    if fti.default_view == FRONT_PAGE_VIEW:
        fti.default_view = "document_view"
    if portal.getLayout() == FRONT_PAGE_VIEW:
        portal.setLayout("document_view")
    remove_city_logo()


def uninstall(context):
    """Uninstall script: content stays, the editorial local roles and the eID plugin go."""
    portal = api.portal.get()
    hide_front_page(portal)
    if api.group.get(groupname=EDITORS_GROUP) is not None:
        api.group.revoke_roles(groupname=EDITORS_GROUP, roles=[FRONT_PAGE_EDITOR_ROLE])
    remove_eid_plugin()
    restore_jwt_plugin()
    restore_session_plugin()
    for folder_id, *_rest in CATALOGUE_FOLDERS:
        folder = portal.get(folder_id)
        if folder is None:
            continue
        group_ids = [group_id for group_id, *_r in EDITORIAL_GROUPS]
        folder.manage_delLocalRoles(group_ids)
        folder.reindexObjectSecurity()
