"""Browse the services by life situation ("Lebenslagen")."""

import collections
from herne.portal import _
from herne.portal.browser.listing import find_services
from herne.portal.browser.listing import service_summary
from herne.portal.i18n import request_language
from herne.portal.vocabularies.catalogue import LIFE_SITUATIONS
from plone import api
from Products.Five.browser import BrowserView


class LifeSituationsView(BrowserView):
    """Without ``lage``: every life situation with its number of services; with: its services."""

    def __call__(self):
        self.selected = self.request.form.get("lage") or None
        self.error = None
        titles = dict(LIFE_SITUATIONS)
        if self.selected is not None and self.selected not in titles:
            self.error = _("Diese Lebenslage gibt es nicht. Bitte wählen Sie eine aus der Liste.")
            self.request.response.setStatus(404)
            self.selected = None
        self.selected_title = titles.get(self.selected)
        return self.index()

    def base_url(self):
        return api.portal.get().absolute_url() + "/@@lebenslagen"

    def situations(self):
        counts = collections.Counter()
        for brain in find_services(language=request_language(self.request)):
            counts.update(brain.life_situations or ())
        return [
            {
                "id": key,
                "title": title,
                "count": counts[key],
                "url": f"{self.base_url()}?lage={key}",
            }
            for key, title in LIFE_SITUATIONS
        ]

    def services(self):
        return [
            service_summary(brain)
            for brain in find_services(
                language=request_language(self.request), life_situations=self.selected
            )
        ]
