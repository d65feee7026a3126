"""Browser layer and marker interfaces of herne.portal."""

from pas.plugins.oidc.plugins import IOIDCPlugin
from plone.app.z3cform.interfaces import IPloneFormLayer
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IHernePortalLayer(IPloneFormLayer, IDefaultBrowserLayer):
    """The add-on's browser layer; it extends Plone's form layer so its widget templates win."""


class IHerneEidPlugin(IOIDCPlugin):
    """The portal's OIDC PAS plugin: log-in, callback and log-out go through herne.portal.eid."""
