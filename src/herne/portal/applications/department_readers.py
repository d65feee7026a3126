"""Technical read-only accounts of a department's specialised software (Fachverfahren): the local role DepartmentReader on its application area."""

from herne.portal import _
from herne.portal.content.application_area import IApplicationArea
from herne.portal.workflow.application_table import DEPARTMENT_READER
from plone.app.workflow.interfaces import ISharingPageRole
from zope.interface import implementer


READER_ROLE = DEPARTMENT_READER


@implementer(ISharingPageRole)
class DepartmentReaderRole:
    """The column "Fachverfahren (nur lesen)" on the sharing page of an application area, for administrators."""

    title = _("Fachverfahren (nur lesen)")
    required_permission = "Manage portal"
    required_interface = IApplicationArea


def grant_department_reader(department, userid):
    """Let ``userid`` read the department's applications and their files; returns the area."""
    from herne.portal.applications.areas import area_for_department

    area = area_for_department(department)
    roles = set(area.get_local_roles_for_userid(userid))
    if READER_ROLE not in roles:
        area.manage_setLocalRoles(userid, sorted(roles | {READER_ROLE}))
        area.reindexObjectSecurity()
    return area


def revoke_department_reader(department, userid):
    """Take the read access of ``userid`` to the department's applications away again."""
    from herne.portal.applications.areas import area_for_department

    area = area_for_department(department)
    roles = set(area.get_local_roles_for_userid(userid)) - {READER_ROLE}
    if roles:
        area.manage_setLocalRoles(userid, sorted(roles))
    else:
        area.manage_delLocalRoles([userid])
    area.reindexObjectSecurity()
    return area
