"""The application root and the department areas, created on demand."""

from herne.portal import _
from herne.portal.i18n import in_german
from herne.portal.workflow.application_table import DEPARTMENT_READER
from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.portlets.constants import CONTENT_TYPE_CATEGORY
from plone.portlets.constants import CONTEXT_CATEGORY
from plone.portlets.constants import GROUP_CATEGORY
from plone.portlets.interfaces import ILocalPortletAssignmentManager
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtility


APPLICATIONS_FOLDER_ID = "antraege"
CLERK_ROLE = "Clerk"
#: Grants an area keeps: its clerks' group, and the department's read-only software accounts.
KEPT_GRANTS = ({CLERK_ROLE}, {DEPARTMENT_READER})


def application_root(portal=None):
    portal = portal or api.portal.get()
    root = portal.get(APPLICATIONS_FOLDER_ID)
    if root is None:
        # Not addable by anyone through the UI: only the portal creates it.
        root = createContentInContainer(
            portal,
            "ApplicationRoot",
            id=APPLICATIONS_FOLDER_ID,
            title=in_german(_("Anträge")),
            exclude_from_nav=True,
            checkConstraints=False,
        )
        withdraw_local_roles(root)
        without_side_portlets(root)
    return root


#: The columns beside an application page, left empty under the application root.
SIDE_COLUMNS = ("plone.leftcolumn", "plone.rightcolumn")


def without_side_portlets(root):
    """No portlets beside the pages under ``root``: the application, its messages and the clerk's tools take the page's width.

    The site's navigation stays in the main navigation and the breadcrumbs; the side
    columns' navigation tree and news or events had nothing to do with one person's
    application, and looking them up cost about 7,000 function calls of every
    application page (``benchmarks/bench_application_page.py``).
    """
    for column in SIDE_COLUMNS:
        manager = getUtility(IPortletManager, name=column)
        assignable = getMultiAdapter((root, manager), ILocalPortletAssignmentManager)
        for category in (CONTEXT_CATEGORY, GROUP_CATEGORY, CONTENT_TYPE_CATEGORY):
            assignable.setBlacklistStatus(category, True)


def area_for_department(department):
    """The department's application area; its clerks' group gets the Clerk role there."""
    root = application_root()
    area = root.get(department.getId())
    if area is None:
        with api.env.adopt_roles(["Manager"]):
            area = api.content.create(
                container=root,
                type="ApplicationArea",
                id=department.getId(),
                title=department.title,
                exclude_from_nav=True,
            )
        area.department_uid = department.UID()
        # Whoever's request created the area (often a citizen) must not own it: local
        # roles are inherited, and an owner of the area would see all its applications.
        withdraw_local_roles(area)
    grant_clerks(area, department)
    return area


def withdraw_local_roles(container):
    """Remove every local role except the clerks' and readers' grants; returns whether anything changed."""
    granted = [
        principal
        for principal, roles in container.get_local_roles()
        if set(roles) not in KEPT_GRANTS
    ]
    if granted:
        container.manage_delLocalRoles(granted)
        container.reindexObjectSecurity()
    return bool(granted)


def grant_clerks(area, department):
    group_id = department.clerks_group
    if not group_id:
        return
    if CLERK_ROLE in area.get_local_roles_for_userid(group_id):
        return
    area.manage_setLocalRoles(group_id, [CLERK_ROLE])
    area.reindexObjectSecurity()
