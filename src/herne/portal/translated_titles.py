"""A service's title in the citizen's language, for what names it to them: receipt, mails, Postkorb."""

from herne.portal.i18n import GERMAN
from plone import api


def titles_in(language, uids):
    """{uid: title} of the published translations into ``language`` of the German pages ``uids``.

    Pages without a published translation are left out: the caller keeps the German title
    it has (kept with the application, so a service renamed later does not change it).
    Two catalog queries however many pages.
    """
    uids = sorted({uid for uid in uids if uid})
    if language == GERMAN or not uids:
        return {}
    catalog = api.portal.get_tool("portal_catalog")
    groups = {
        brain.TranslationGroup: brain.UID
        for brain in catalog.unrestrictedSearchResults(UID=uids)
        if brain.TranslationGroup
    }
    if not groups:
        return {}
    return {
        groups[brain.TranslationGroup]: brain.Title
        for brain in catalog.unrestrictedSearchResults(
            TranslationGroup=sorted(groups), Language=language, review_state="published"
        )
        if brain.Title
    }


def service_title_in(application, language):
    """The title of ``application``'s service in ``language``, else the German one it keeps."""
    found = titles_in(language, [application.service_uid])
    return found.get(application.service_uid) or application.service_title


def service_uid_of(brain):
    """The service of an application's catalog entry, read from the index (no object loaded)."""
    catalog = api.portal.get_tool("portal_catalog")
    index = catalog._catalog.getIndex("service_uid")
    return index.getEntryForObject(brain.getRID(), default=None)
