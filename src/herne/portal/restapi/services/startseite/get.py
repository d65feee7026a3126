"""``GET @startseite``: what the front page shows, for apps and other front ends."""

from herne.portal import front_page
from herne.portal.i18n import GERMAN
from herne.portal.i18n import in_language
from herne.portal.i18n import rest_language
from herne.portal.restapi.service_summary import service_summary_json
from plone.restapi.services import Service


def front_page_json(portal, language=GERMAN):
    """Featured services (with their badge), life situations and offices with opening hours; labels in ``language``."""
    return {
        "@id": f"{portal.absolute_url()}/@startseite",
        "featured_services": [
            service_summary_json(service, language)
            for service in front_page.featured_services(language)
        ],
        "life_situations": [
            {"token": item["id"], "title": in_language(item["title"], language), "@id": item["url"]}
            for item in front_page.life_situations()
        ],
        "offices": [
            {
                "@id": office["url"],
                "title": office["title"],
                "address": office["address"],
                "opening_hours": office["opening_hours"],
                "phone": office["phone"],
            }
            for office in front_page.offices(language)
        ],
    }


class FrontPageGet(Service):
    """What the front page shows, to anybody who may see the site."""

    def reply(self):
        return front_page_json(self.context, rest_language(self.request))
