"""1029 -> 1030: the words the text indexes kept in dicts move into BTrees (conflicts.text_words)."""

from herne.portal.conflicts.text_words import convert_stored_words
from plone import api
from Products.ZCTextIndex.ZCTextIndex import ZCTextIndex


def upgrade(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    for name in catalog.indexes():
        index = catalog._catalog.getIndex(name)
        if isinstance(index, ZCTextIndex):
            convert_stored_words(index.index)
