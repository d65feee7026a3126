"""Who may block an office's counters: its clerks, and whoever may edit the department (the site's editors)."""

from herne.portal.booking.counter_clerks import is_office_clerk
from plone import api


def may_block_counters(department):
    """True for the clerks of ``department`` and for users who may edit it; never for anonymous."""
    if api.user.is_anonymous():
        return False
    return is_office_clerk(department) or api.user.has_permission(
        "Modify portal content", obj=department
    )
