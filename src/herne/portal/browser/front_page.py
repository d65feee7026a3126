"""The city's front page on the site root: search, featured services, life situations, offices."""

from herne.portal import front_page
from herne.portal.browser.trusted_domain import official_domain_notice
from herne.portal.controlpanels.front_page import FRONT_PAGE_SETTINGS_VIEW
from herne.portal.controlpanels.front_page import MANAGE_FRONT_PAGE
from herne.portal.i18n import request_language
from plone import api
from Products.Five.browser import BrowserView


class FrontPageView(BrowserView):
    """Default view of the site root (``@@startseite``)."""

    def portal_url(self):
        return api.portal.get().absolute_url()

    def search_url(self):
        """The service search of the front page's language (its root folder; German at the site root)."""
        return self.context.absolute_url() + "/@@leistungssuche"

    def az_url(self):
        """The A-Z index of the front page's language, German where the language has none."""
        root = self.context if "leistungen" in self.context.objectIds() else api.portal.get()
        return root.absolute_url() + "/leistungen"

    def featured_services(self):
        return front_page.featured_services(request_language(self.request))

    def life_situations(self):
        return front_page.life_situations()

    def offices(self):
        return front_page.offices(request_language(self.request))

    def can_manage_front_page(self):
        return api.user.has_permission(MANAGE_FRONT_PAGE, obj=api.portal.get())

    def front_page_settings_url(self):
        return f"{self.portal_url()}/@@{FRONT_PAGE_SETTINGS_VIEW}"

    def official_domain_notice(self):
        return official_domain_notice(self.request)
