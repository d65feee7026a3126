"""Plone's navigation portlet asking for the icon resolver once per tree instead of once per entry."""

from plone.app.portlets.portlets import navigation
from plone.memoize.instance import memoize
from Products.CMFCore.utils import getToolByName
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getMultiAdapter


class NavigationRenderer(navigation.Renderer):
    """Renders the same tree as Plone's renderer; the icons' markup comes from ``icon_resolver``.

    The entries' template is an override of plone.app.portlets' ``navigation_recurse.pt``
    (upstream copy in ``overrides/upstream/``): it asks this renderer for the icon, the
    name normalizer and the image scaling view, which Plone's template looks up again
    for every level of the tree, and reads each entry's values from the tree's dict
    instead of traversing to them.
    """

    recurse = ViewPageTemplateFile("overrides/plone.app.portlets.portlets.navigation_recurse.pt")

    @memoize
    def _icon_resolver(self):
        return getMultiAdapter((self.context, self.request), name="iconresolver")

    def icon_tag(self, name):
        """The icon of ``name`` as Plone's ``@@iconresolver`` tags it (inline SVG or ``<img>``)."""
        return self._icon_resolver().tag(name)

    @memoize
    def _normalizer(self):
        return getToolByName(self.context, "plone_utils").normalizeString

    def normalize_string(self, text):
        """``plone_utils.normalizeString``, as Plone's template calls it for each entry."""
        return self._normalizer()(text)

    @memoize
    def image_scale(self):
        """The site's ``@@image_scale`` view, for the entries' thumbnails."""
        portal = getMultiAdapter((self.context, self.request), name="plone_portal_state").portal()
        return getMultiAdapter((portal, self.request), name="image_scale")
