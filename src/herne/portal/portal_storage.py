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


def as_record(mapping):
    """``mapping`` as a value the ZODB can merge in a BTree: its (key, value) pairs, sorted by key.

    A BTree bucket that two transactions changed at different keys is merged only when
    its values can be ordered; dicts cannot, so two writers of one bucket always
    conflicted. ``dict(record)`` reads it back (and reads a dict stored before as well).
    """
    return tuple(sorted(mapping.items()))
