"""An uploaded piece of evidence, stored as a blob inside its application."""

from herne.portal import _
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from plone.supermodel.directives import primary
from zope import schema
from zope.interface import implementer


class IApplicationFile(model.Schema):
    field_name = schema.ASCIILine(title=_("Formularfeld"), required=True, readonly=True)
    field_title = schema.TextLine(title=_("Unterlage"), required=True, readonly=True)
    primary("file")
    file = NamedBlobFile(title=_("Datei"), required=True)


@implementer(IApplicationFile)
class ApplicationFile(Item):
    """Served only as a download, and only to those who may see its application.

    Not in the catalog: it is reached through its application only (``contentValues``),
    never searched for, and each catalogued file doubled a submission's inserts into
    the catalog's shared trees, where concurrent submissions conflicted (issue 20).
    """

    def _getCatalogTool(self):
        # CMFCatalogAware's indexObject, reindexObject, unindexObject and
        # reindexObjectSecurity do nothing without a catalog.
        return None
