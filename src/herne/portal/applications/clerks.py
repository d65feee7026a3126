"""Each department gets a clerks' group when none was chosen, and its application area."""

from herne.portal.applications.areas import area_for_department
from herne.portal.i18n import GERMAN
from herne.portal.languages import content_language
from plone import api


def clerks_group_id(department_id):
    """The id of the clerks' group a department gets when none was chosen."""
    return f"clerks-{department_id}"


def ensure_clerks_group(department, event):
    if content_language(department) != GERMAN:
        return  # a translated page: its clerks and applications are the German department's
    if not department.clerks_group:
        create_clerks_group(department)
    # The area exists from the start, so that the clerks find their (empty) worklist.
    area_for_department(department)


def create_clerks_group(department):
    group_id = clerks_group_id(department.getId())
    if api.group.get(groupname=group_id) is None:
        api.group.create(
            groupname=group_id,
            title=f"Sachbearbeitung {department.title}",
        )
    department.clerks_group = group_id
