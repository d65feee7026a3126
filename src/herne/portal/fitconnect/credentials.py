"""The FIT-Connect client secret, kept on the site outside the registry so that no channel reads it back."""

from plone import api
from zope.annotation.interfaces import IAnnotations


#: The site annotation holding the secret (registry records are readable by @registry).
ANNOTATION_KEY = "herne.portal.fitconnect.client_secret"


def client_secret():
    """The stored secret, or "" when none is set."""
    return IAnnotations(api.portal.get()).get(ANNOTATION_KEY, "")


def set_client_secret(value):
    """Store ``value`` as the secret; an empty value removes it."""
    annotations = IAnnotations(api.portal.get())
    if value:
        annotations[ANNOTATION_KEY] = str(value)
    else:
        annotations.pop(ANNOTATION_KEY, None)
