"""1038 -> 1039: the citizen's language moves from Dublin Core's ``language`` to ``citizen_language``."""

from herne.portal.i18n import INTERFACE_LANGUAGES
from plone import api


def upgrade(setup_tool):
    # ``language`` is the content language multilingual negotiates pages with and the catalog's
    # Language index: an application marked "tr" there showed its clerk Turkish pages and left
    # the German-only listings (worklist, retention, statistics).
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        application = brain._unrestrictedGetObject()
        language = application.__dict__.get("language")
        if language is None:
            continue
        if language in INTERFACE_LANGUAGES and not getattr(application, "citizen_language", None):
            application.citizen_language = language
        del application.language
        application.reindexObject(idxs=["Language"])
