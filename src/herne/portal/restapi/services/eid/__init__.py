"""REST: ``@login-oidc``, pas.plugins.oidc's REST log-in replaced by the checked eID pages."""

from herne.portal.restapi.services.base import JSONService
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class ProviderPathService(JSONService):
    """Accepts the provider id pas.plugins.oidc puts after the service name."""

    def publishTraverse(self, request, name):
        request["TraversalRequestNameStack"] = []
        return self
