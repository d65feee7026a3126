"""Plone's toolbar with its pin buttons and personal menu named for screen readers."""

from plone.app.layout.viewlets.toolbar import ToolbarViewletManager
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class AccessibleToolbar(ToolbarViewletManager):
    custom_template = ViewPageTemplateFile("overrides/plone.app.layout.viewlets.toolbar.pt")
