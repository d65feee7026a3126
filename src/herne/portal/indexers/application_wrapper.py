"""What the catalog asks an application for comes from the application itself, never from an object above it."""

from Acquisition import aq_base
from herne.portal.content.application import IApplication
from plone.indexer.interfaces import IIndexer
from plone.indexer.wrapper import IndexableObjectWrapper
from Products.ZCatalog.interfaces import IZCatalog
from zope.component import adapter
from zope.component import getSiteManager
from zope.interface import providedBy


@adapter(IApplication, IZCatalog)
class ApplicationIndexableWrapper(IndexableObjectWrapper):
    """Plone's wrapper, without the search through the site for names an application lacks.

    Plone's wrapper looks a name up with acquisition first and keeps the result only if
    the object itself has the name (or if what it acquired is a Python script added
    through the web). For each of the twenty-odd columns and indexes an application has
    no value for (``start``, ``location``, ``image_scales`` ...) the look-up walked the
    area, the application root and the site, including the site's skin layers, only to
    throw the result away: a quarter of a millisecond of every cataloguing. Here a name
    the application lacks is missing at once, as it ends in Plone's wrapper, and
    applications take no index value from a script acquired through the web.
    """

    def __init__(self, object, catalog):
        super().__init__(object, catalog)
        # What Plone's ``queryMultiAdapter`` works out again for every name.
        self.__adapters = getSiteManager().adapters
        self.__required = (providedBy(object), providedBy(catalog))

    def __getattr__(self, name):
        application = self._getWrappedObject()
        factory = self.__adapters.lookup(self.__required, IIndexer, name)
        if factory is not None:
            indexer = factory(application, self._IndexableObjectWrapper__catalog)
            if indexer is not None:
                return indexer()
        workflow_variables = self._IndexableObjectWrapper__vars
        if name in workflow_variables:
            return workflow_variables[name]
        getattr(aq_base(application), name)  # AttributeError if the application lacks it
        return getattr(application, name)
