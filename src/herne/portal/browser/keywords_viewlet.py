"""Plone's keywords viewlet with the search address looked up once per page instead of once per keyword."""

from plone.app.layout.viewlets.common import ViewletBase
from plone.memoize.instance import memoize
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.PythonScripts.standard import url_quote
from zope.component import getMultiAdapter


class KeywordsViewlet(ViewletBase):
    """The page's keywords (``Subject``), each linked to the site search for it.

    Template: override of plone.app.layout's ``keywords.pt`` (upstream copy in
    ``overrides/upstream/``), which traverses to ``@@plone_portal_state`` for every
    keyword (a service page has several) and imports ``url_quote`` through ``modules``.
    """

    index = ViewPageTemplateFile("overrides/plone.app.layout.viewlets.keywords.pt")

    def update(self):
        # nothing to prepare on the many pages without keywords
        pass

    def categories(self):
        """The keywords, as ``context/Subject|nothing`` gave them."""
        subject = getattr(self.context, "Subject", None)
        return subject() if callable(subject) else subject

    @memoize
    def _search_url(self):
        portal_state = getMultiAdapter((self.context, self.request), name="plone_portal_state")
        return portal_state.navigation_root_url() + "/@@search?Subject%3Alist="

    def search_url(self, category):
        return self._search_url() + url_quote(category)
