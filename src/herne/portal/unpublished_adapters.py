"""REST serializers are never pages: ``<content>/local_roles`` showed plone.restapi's sharing entries to anyone.

Zope publishes any named adapter of (context, request) found by traversal; plone.restapi
registers its sharing serializer under the name ``local_roles``, so a visitor could
read who holds which role on a page without the sharing permission ``@sharing`` checks.
"""

from plone.restapi.interfaces import ISerializeToJson
from zExceptions import NotFound


#: Names under which plone.restapi registers serializers of (content, request).
SERIALIZER_NAMES = frozenset({"local_roles"})


def refuse_serializer_paths(site, event):
    """On entering the site: a path through a serializer's name is not found.

    Zope fails while traversing past such a serializer (``local_roles?x:default_method=y``
    answered 503), before ``refuse_published_serializers`` could see it.
    """
    names = event.request.get("TraversalRequestNameStack") or ()
    if SERIALIZER_NAMES & set(names):
        raise NotFound(event.request.get("URL", ""))


def refuse_published_serializers(event):
    """Subscriber of ``IPubAfterTraversal``: a serializer reached by its name is not found."""
    published = event.request.get("PUBLISHED")
    if ISerializeToJson.providedBy(published):
        raise NotFound(event.request.get("URL", ""))
