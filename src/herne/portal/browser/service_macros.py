"""The service list macro shared by the front page, the A-Z list and life situations; not a page itself."""

from Products.Five.browser import BrowserView
from zExceptions import NotFound


class ServiceMacros(BrowserView):
    """Macros only: called as a page it is not found (it has no data to show)."""

    @property
    def macros(self):
        return self.index.macros

    def __call__(self):
        raise NotFound("herne-service-macros")
