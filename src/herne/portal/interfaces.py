"""Browser layer and marker interfaces of herne.portal."""

from pas.plugins.oidc.plugins import IOIDCPlugin
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IHernePortalLayer(IDefaultBrowserLayer):
    """Marker interface that defines a browser layer."""


class IHerneEidPlugin(IOIDCPlugin):
    """The portal's OIDC PAS plugin: log-in, callback and log-out go through herne.portal.eid."""
