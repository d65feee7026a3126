"""Content looked up by UID without cataloguing, mid-request, what the request has queued."""

from plone import api


def catalogued_object(uid):
    """The object with ``uid``, whoever asks; None when there is none.

    A search through the catalog tool first processes Plone's indexing queue: asked
    while an application is being filed, it would catalog the new application
    half-made, and the commit would catalog it again. Services and departments are
    catalogued long before; they are found without touching the queue. Something
    created or moved in this very request is not in the catalog yet (or under its old
    path): then the ordinary search, which processes the queue, finds it.
    """
    if not isinstance(uid, str) or not uid:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    path = catalogued_path(catalog, uid)
    if path is not None:
        # None for a path moved away in this request; then the ordinary search.
        found = catalog.unrestrictedTraverse(path, None)
        if found is not None and getattr(found, "UID", lambda: None)() == uid:
            return found
    with api.env.adopt_roles(["Manager"]):
        return api.content.get(UID=uid)


def catalogued_path(catalog, uid):
    """The path the catalog has for ``uid``, or None: read from the UID index, whoever asks.

    Nothing of a search runs: no indexing queue, no query plan, no result set (a third
    of a millisecond for the three look-ups of a submission). The UID index holds one
    object per UID.
    """
    rid = catalog._catalog.getIndex("UID")._index.get(uid)
    return catalog.getpath(rid) if rid is not None else None
