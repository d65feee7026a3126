"""An application's reference number is indexed reversed, so that new numbers spread over the index's buckets.

Reference numbers are sequential (``HER-2026-000123``), and an application's title is its
number. In a ``FieldIndex`` keyed by them every submission inserted just after the one
before, into the last bucket of ``_index``, so concurrent submissions met in that bucket
and the one whose insert split it made the others fail (issue 20: ``sortable_title`` and
``reference_number`` at the top of the conflict map). Reversed, consecutive numbers differ
in their first character (the last digit) and land in different buckets, like random keys.
What this does not remove: BTrees mark every tree node on an insert's way as read
(``readCurrent``), so any split, wherever its bucket, still ends every concurrent insert
into the same tree with a ``ReadConflictError``; the conflict map measured no fewer redone
submissions with it (docs/benchmarks.md, fifth round).

``reference_number`` is a ``ReversedFieldIndex``: it reverses the values it stores and
the values it is asked for alike (ZCatalog's ``_convert`` hook), so every exact query
(``reference_number="HER-2026-000123"``, lists, ``not``) works unchanged; only a range
query or a sort on it would be meaningless, and nobody asks for either. The metadata
column ``reference_number`` stays as it is.

``sortable_title`` of an application stays Plone's own (the number as it reads): clerks
may sort their area by title in Plone's "Inhalte" view (folder_contents) and expect the
numbers in order; reversing it there too measured no fewer conflicts either.
"""

from plone import api
from Products.PluginIndexes.FieldIndex.FieldIndex import FieldIndex


INDEX = "reference_number"


def spread(value):
    """The key ``value`` is stored under: reversed when it is text."""
    return value[::-1] if isinstance(value, str) else value


class ReversedFieldIndex(FieldIndex):
    """A ``FieldIndex`` that stores and looks up its text values reversed."""

    def _convert(self, value, default=None):
        return spread(value)


def use_reversed_index(portal=None):
    """Make the catalog's ``reference_number`` a ``ReversedFieldIndex`` holding every application.

    Does nothing when it is one already; returns whether it changed the catalog.
    """
    catalog = api.portal.get_tool("portal_catalog")
    if isinstance(catalog._catalog.indexes.get(INDEX), ReversedFieldIndex):
        return False
    if INDEX in catalog.indexes():
        catalog.delIndex(INDEX)
    index = ReversedFieldIndex(INDEX, extra={"indexed_attrs": INDEX})
    catalog.addIndex(INDEX, index)
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        application = brain._unrestrictedGetObject()
        catalog.reindexObject(application, idxs=[INDEX], update_metadata=0)
    return True
