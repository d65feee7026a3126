"""Plone's toolbar with its pin buttons and personal menu named for screen readers."""

from herne.portal.browser.cms_tools import shows_cms_tools
from plone.app.layout.viewlets.toolbar import ToolbarViewletManager
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class AccessibleToolbar(ToolbarViewletManager):
    custom_template = ViewPageTemplateFile("overrides/plone.app.layout.viewlets.toolbar.pt")

    def filter(self, viewlets):
        """Citizens keep only their personal menu (Postkorb, Profil, Abmelden)."""
        if not shows_cms_tools(self.context, self.request):
            return []
        return super().filter(viewlets)
