"""Site-wide indexes of bookings: an OOBTree of key → one persistent holder of the bookings filed under it.

A booking writes the holder of each of its keys (a person of a service, an application) in the
transaction that makes it, and the rules read the same holders first. Two bookings under one key
therefore write the same object: the second commit fails with a ConflictError, the publisher retries
it, and the retry sees the first booking. Two new keys at once are inserted into the BTree, which
resolves different keys and refuses the same key twice. There is deliberately no
``_p_resolveConflict``: a merged conflict could let one person book twice.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from plone import api
from Products.CMFCore.utils import getToolByName
from zope.annotation.interfaces import IAnnotations


class IndexedBookings(Persistent):
    """What the rules need of the bookings under one key: code, office, grid key, start, state, hold."""

    def __init__(self):
        self.entries = ()  # immutable tuple of dicts: every change rewrites this object

    def put(self, entry):
        self.entries = (*(e for e in self.entries if e["code"] != entry["code"]), entry)

    def drop(self, code):
        self.entries = tuple(e for e in self.entries if e["code"] != code)


def site_of(department):
    """The site a department belongs to, found through it (also where no site hook is set)."""
    return getToolByName(department, "portal_url").getPortalObject()


def index_tree(name, create=False, site=None):
    """The site's index ``name`` (None before its first booking unless ``create``)."""
    annotations = IAnnotations(site if site is not None else api.portal.get())
    tree = annotations.get(name)
    if tree is None and create:
        tree = annotations[name] = OOBTree()
    return tree


def filed(name, key):
    """The entries filed under ``key`` (read from the holder the next booking of that key writes)."""
    tree = index_tree(name)
    holder = tree.get(key) if tree is not None else None
    return holder.entries if holder is not None else ()


def file_entry(name, key, entry, site=None):
    tree = index_tree(name, create=True, site=site)
    holder = tree.get(key)
    if holder is None:
        holder = tree[key] = IndexedBookings()
    holder.put(entry)


def remove_entry(name, key, code, site=None):
    """Take the booking ``code`` out of ``key``; a key left empty goes (it may hold an e-mail address)."""
    tree = index_tree(name, site=site)
    holder = tree.get(key) if tree is not None else None
    if holder is None or all(e["code"] != code for e in holder.entries):
        return
    holder.drop(
        code
    )  # written even when the key goes, so that a booking under it at once conflicts
    if not holder.entries:
        del tree[key]


def clear(name):
    """An empty index ``name`` (made if missing, so that the first bookings do not race to make it)."""
    index_tree(name, create=True).clear()
