"""Browser layer and marker interfaces of herne.portal."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IHernePortalLayer(IDefaultBrowserLayer):
    """Marker interface that defines a browser layer."""
