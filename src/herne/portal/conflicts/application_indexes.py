"""Applications go only into the catalog indexes they are searched or sorted by.

Plone indexes every content object in about forty indexes. Some are fed with values
every new application shares with the ones submitted in the same minute (``Date`` and
``created`` at minute resolution: the first two applications of a minute both change
the minute's entry, which the ZODB cannot merge) or keys no one searches an
application by (``getId``); concurrent submissions conflicted in them (issue 20). The
indexes below are never asked about applications: not by the worklist, the Postkorb,
the Postausgang, the dashboard, retention or payments (they use ``submitted``,
``modified`` and the portal's own indexes). One consequence a user can see: Plone's
search page sorted by date ("Datum") lists no applications; sorted by relevance or
title it still finds a citizen's own applications. The metadata columns stay
complete (``Date`` and ``created`` of a search result are still there).

Each index an application goes into costs writes at its cataloguing (a bucket of the
forward index, one of the reverse index and the index's length): the catalog's
transaction wrote 139 objects per new application, 33 of them for ``object_provides``,
where an application stood under every one of the thirty interfaces Zope, CMF, Dexterity
and Plone give a content object. Nothing asks for applications by those; an application
is now listed only under the portal's own interfaces (``object_provides`` below), and
``Type`` (the title of ``portal_type``), ``is_folderish`` and ``Creator`` (the citizen's
user id, the same as ``applicant``) are skipped.
"""

from herne.portal.conflicts.index_after_commit import deferred
from herne.portal.content.application import IApplication
from plone.indexer import indexer
from zope.interface import providedBy


#: Indexes an application is kept out of.
SKIPPED = frozenset(
    {
        "Date",
        "Title",
        "Description",
        "Type",
        "Creator",
        "is_folderish",
        "Subject",
        "created",
        "effective",
        "expires",
        "getId",
        "id",
        "is_default_page",
        "getRawRelatedItems",
        "in_reply_to",
        "total_comments",
        "commentators",
        "start",
        "end",
        "sync_uid",
        "location",
    }
)


#: The interfaces an application is listed under in ``object_provides``: the portal's own.
OWN_INTERFACES = "herne.portal."


@indexer(IApplication)
def object_provides(application):
    """``object_provides`` of an application: only the portal's own interfaces (``IApplication`` and its markers)."""
    return [
        interface.__identifier__
        for interface in providedBy(application).flattened()
        if interface.__identifier__.startswith(OWN_INTERFACES)
    ]


def application_indexes(catalog, idxs):
    """The indexes of ``idxs`` (all when empty) an application goes into."""
    wanted = [name for name in (idxs or catalog.indexes()) if name not in SKIPPED]
    # An empty list means "every index" to ZCatalog; a reindex of skipped indexes
    # only touches one that is certainly unchanged.
    return wanted or ["portal_type"]


def catalog_object(self, object, uid=None, idxs=None, update_metadata=1, pghandler=None):
    """``CatalogTool.catalog_object`` that keeps applications out of ``SKIPPED``.

    A new application is catalogued after the commit instead (``index_after_commit``).
    """
    if IApplication.providedBy(object):
        if deferred(self, object):
            return None
        idxs = application_indexes(self, idxs)
    return self._old_catalog_object(object, uid, idxs, update_metadata, pghandler)
