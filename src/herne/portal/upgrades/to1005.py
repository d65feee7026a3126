"""1004 -> 1005: internal comments move out of the workflow history into internal notes."""

from herne.portal.applications.messages import add_note
from herne.portal.applications.processing import WORKFLOW_ID
from plone import api


def separate_internal_comments(application):
    """Move internal comments from the workflow history (which Plone shows) into notes."""
    history = (application.workflow_history or {}).get(WORKFLOW_ID)
    if not history:
        return False
    changed = False
    entries = []
    for entry in history:
        entry = dict(entry)
        if entry.get("internal") and entry.get("comments"):
            add_note(application, entry["comments"], entry.get("actor"), entry.get("time"))
            entry["comments"] = ""
            changed = True
        entries.append(entry)
    if changed:
        application.workflow_history[WORKFLOW_ID] = tuple(entries)
    return changed


def upgrade(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        separate_internal_comments(brain._unrestrictedGetObject())
