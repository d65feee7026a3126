"""Secrets kept on the site outside the registry, so that no channel (registry views, @registry) reads them back."""

from plone import api
from zope.annotation.interfaces import IAnnotations


class SiteSecret:
    """One secret in a site annotation: written by its control panel, read only by the code that uses it."""

    def __init__(self, annotation_key):
        self.annotation_key = annotation_key

    def value(self):
        """The stored secret, or "" when none is set."""
        return IAnnotations(api.portal.get()).get(self.annotation_key, "")

    def is_set(self):
        return bool(self.value())

    def store(self, value):
        """Store ``value`` as the secret; an empty value removes it."""
        annotations = IAnnotations(api.portal.get())
        if value:
            annotations[self.annotation_key] = str(value)
        else:
            annotations.pop(self.annotation_key, None)
