"""Drafts ("Zwischenspeichern"): partly filled forms kept for their owner, removed when stale."""

from DateTime import DateTime
from herne.portal.controlpanels.applications import application_setting
import logging
from plone import api


logger = logging.getLogger(__name__)


def draft_of_current_user(uid, service):
    """The current user's draft of this service with this UID, or None.

    Someone else's drafts, and drafts of another service, do not exist for the caller.
    """
    if not uid or not isinstance(uid, str) or service is None or api.user.is_anonymous():
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        UID=uid,
        portal_type="Application",
        review_state="draft",
        applicant=api.user.get_current().getId(),
        service_uid=service.UID(),
    )
    return brains[0]._unrestrictedGetObject() if brains else None


def kept_files(draft):
    """The files kept with ``draft`` by form field name (none without a draft)."""
    if draft is None:
        return {}
    return {
        item.field_name: item
        for item in draft.contentValues()
        if item.portal_type == "ApplicationFile"
    }


def stale_drafts(days=None, now=None):
    """Brains of drafts not changed for more than ``days`` days (default: control panel)."""
    if days is None:
        days = application_setting("draft_retention_days")
    cutoff = (now or DateTime()) - days
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        portal_type="Application",
        review_state="draft",
        modified={"query": cutoff, "range": "max"},
    )


def remove_stale_drafts(days=None, now=None):
    """Delete stale drafts with their files; returns the paths removed."""
    removed = []
    # A system job: it removes every citizen's stale drafts, whoever runs it.
    with api.env.adopt_roles(["Manager"]):
        for brain in stale_drafts(days=days, now=now):
            draft = brain._unrestrictedGetObject()
            if (getattr(draft, "payment", None) or {}).get("state") in ("pending", "paid"):
                continue  # money may have moved: the settling job decides, never the clean-up
            removed.append(brain.getPath())
            draft.aq_parent.manage_delObjects([draft.getId()])
    logger.info("Removed %d stale drafts", len(removed))
    return removed
