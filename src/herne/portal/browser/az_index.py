"""A-Z index of the services with letter navigation."""

from herne.portal.alphabets import OTHER
from herne.portal.alphabets import index_letters
from herne.portal.alphabets import initial_letter
from herne.portal.browser.listing import find_services
from herne.portal.browser.listing import service_summary
from herne.portal.i18n import request_language
from plone import api
from Products.Five.browser import BrowserView


class AZIndexView(BrowserView):
    """All services grouped by their initial letter, in the alphabet of the page's language."""

    def groups(self, language):
        grouped = {}
        for brain in find_services(language=language):
            grouped.setdefault(initial_letter(brain.Title, language), []).append(
                service_summary(brain)
            )
        return grouped

    def update(self):
        language = request_language(self.request)
        self.grouped = self.groups(language)
        self.letters = [
            {
                "letter": letter,
                "anchor": "buchstabe-" + ("0" if letter == OTHER else letter),
                "count": len(self.grouped.setdefault(letter, [])),
            }
            for letter in index_letters(language, self.grouped)
        ]

    def search_url(self):
        return api.portal.get().absolute_url() + "/@@leistungssuche"

    def __call__(self):
        self.update()
        return self.index()
