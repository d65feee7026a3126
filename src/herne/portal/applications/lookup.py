"""Finding applications through the catalog, never by walking the containers."""

from plone import api


def find_by_submission_token(userid, token):
    """The caller's application filed from the same rendered form, if any."""
    if not token:
        return None
    # Restricted to the caller's own applications by the query itself.
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Application", applicant=userid, submission_token=token
    )
    return brains[0]._unrestrictedGetObject() if brains else None


def find_entered_by_token(userid, token):
    """The application ``userid`` entered for someone from the same rendered form, if any."""
    if not token:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Application", entered_by=userid, submission_token=token
    )
    return brains[0]._unrestrictedGetObject() if brains else None
