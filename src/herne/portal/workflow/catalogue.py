"""Guards of the catalogue review workflow."""

from herne.portal.content.service import IService
from plone.app.iterate.interfaces import IWorkingCopy
from Products.Five.browser import BrowserView


def has_department(context):
    """A service page can only go public once a department answers for it."""
    if IService.providedBy(context):
        return context.department_object() is not None
    return True


def is_publishable(context):
    """A department answers for it, and it is no working copy: a working copy never
    goes public by itself, the reviewer checks it in and the published page takes
    over its changes."""
    return has_department(context) and not IWorkingCopy.providedBy(context)


class PublishableGuard(BrowserView):
    """Used by the guard expression of the ``publish`` transition."""

    def __call__(self):
        return is_publishable(self.context)
