"""Small BTrees kept in the site's annotations, for records only the portal itself writes."""

from BTrees.OOBTree import OOBTree
from plone import api
from zope.annotation.interfaces import IAnnotations


def portal_btree(key, create=False):
    """The BTree stored under ``key`` on the site; made on first write when ``create``."""
    annotations = IAnnotations(api.portal.get())
    store = annotations.get(key)
    if store is None and create:
        store = annotations[key] = OOBTree()
    return store
