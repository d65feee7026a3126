"""A-Z index of the services with letter navigation."""

from herne.portal.browser.listing import find_services
from herne.portal.browser.listing import initial_letter
from herne.portal.browser.listing import service_summary
from herne.portal.i18n import request_language
from plone import api
from Products.Five.browser import BrowserView
import string


LETTERS = tuple(string.ascii_uppercase) + ("#",)


class AZIndexView(BrowserView):
    """All services grouped by their initial letter."""

    def groups(self):
        grouped = {letter: [] for letter in LETTERS}
        for brain in find_services(language=request_language(self.request)):
            grouped[initial_letter(brain.Title)].append(service_summary(brain))
        return grouped

    def update(self):
        self.grouped = self.groups()
        self.letters = [
            {
                "letter": letter,
                "anchor": "buchstabe-" + ("0" if letter == "#" else letter),
                "count": len(self.grouped[letter]),
            }
            for letter in LETTERS
        ]

    def search_url(self):
        return api.portal.get().absolute_url() + "/@@leistungssuche"

    def __call__(self):
        self.update()
        return self.index()
