"""Guards of the catalogue review workflow."""

from herne.portal.content.service import IService
from Products.Five.browser import BrowserView


def is_publishable(context):
    """A service page can only go public once a department answers for it."""
    if IService.providedBy(context):
        return context.department_object() is not None
    return True


class PublishableGuard(BrowserView):
    """Used by the guard expression of the ``publish`` transition."""

    def __call__(self):
        return is_publishable(self.context)
