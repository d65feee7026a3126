"""REST serializers are never pages: ``<content>/local_roles`` showed plone.restapi's sharing entries to anyone.

Zope publishes any named adapter of (context, request) found by traversal; plone.restapi
registers its sharing serializer under the name ``local_roles``, so a visitor could
read who holds which role on a page without the sharing permission ``@sharing`` checks.
"""

from plone.restapi.interfaces import ISerializeToJson
from zExceptions import NotFound


def refuse_published_serializers(event):
    """Subscriber of ``IPubAfterTraversal``: a serializer reached by its name is not found."""
    published = event.request.get("PUBLISHED")
    if ISerializeToJson.providedBy(published):
        raise NotFound(event.request.get("URL", ""))
