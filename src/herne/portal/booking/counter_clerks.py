"""Who may see and change an office's day list: the members of that office's clerks group, nobody else."""

from plone import api


def is_office_clerk(department, user=None):
    """True when ``user`` (default: the current user) is in the clerks group of ``department``."""
    if api.user.is_anonymous():
        return False
    user = user or api.user.get_current()
    group_id = getattr(department, "clerks_group", None)
    if not group_id:
        return False
    return group_id in (user.getGroups() or ())
