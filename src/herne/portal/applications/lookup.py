"""Finding applications through the catalog, never by walking the containers (or, just submitted, through the pending index)."""

from herne.portal.conflicts.pending_index import get_pending_index
from herne.portal.conflicts.pending_index import token_key
from plone import api
from plone.uuid.interfaces import IUUID


def _pending(key=None, uid=None):
    """The application the pending index holds for the token key ``key`` or the uid ``uid``."""
    portal = api.portal.get()
    pending = get_pending_index(portal)
    if pending is None:
        return None
    uid = uid or pending.uid_for_token(key)
    path = pending.path(uid)
    return portal.unrestrictedTraverse(path, None) if path else None


def _by_token(userid, token, role):
    if not token or not userid:
        return None
    # Restricted to the caller's own applications by the query itself.
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Application", submission_token=token, **{role: userid}
    )
    if brains:
        return brains[0]._unrestrictedGetObject()
    # Filed a moment ago (on this or another instance) and not yet catalogued.
    application = _pending(key=token_key(userid, token))
    if application is not None and getattr(application, role, None) == userid:
        return application
    return None


def find_by_submission_token(userid, token):
    """The caller's application filed from the same rendered form, if any."""
    return _by_token(userid, token, "applicant")


def find_entered_by_token(userid, token):
    """The application ``userid`` entered for someone from the same rendered form, if any."""
    return _by_token(userid, token, "entered_by")


def application_by_uid(uid):
    """The application ``uid``, also one committed a moment ago and not yet catalogued (no permission check)."""
    if not uid:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=uid)
    if brains:
        return brains[0]._unrestrictedGetObject()
    return _pending(uid=uid)


def waiting_for_catalog():
    """Applications committed but not yet catalogued (``conflicts.index_after_commit``), for jobs that walk the catalog.

    A process killed between a submission's commit and its cataloguing leaves the
    application in the pending index until the outbox worker's sweep, seconds to
    minutes later; a job walking the catalog alone would miss it meanwhile.
    """
    portal = api.portal.get()
    pending = get_pending_index(portal)
    for uid, path in pending.older_than(0) if pending is not None else ():
        application = portal.unrestrictedTraverse(path, None)
        if application is not None and IUUID(application, None) == uid:
            yield application
