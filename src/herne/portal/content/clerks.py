"""Each department gets a clerks' group when none was chosen."""

from plone import api


def clerks_group_id(department):
    return f"clerks-{department.getId()}"


def ensure_clerks_group(department, event):
    if department.clerks_group:
        return
    group_id = clerks_group_id(department)
    if api.group.get(groupname=group_id) is None:
        api.group.create(
            groupname=group_id,
            title=f"Sachbearbeitung {department.title}",
        )
    department.clerks_group = group_id
