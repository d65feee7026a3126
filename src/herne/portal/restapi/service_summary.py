"""A service as REST lists it (search results, the front page): address, title, description and badge."""

from herne.portal.i18n import GERMAN
from herne.portal.i18n import in_language


def service_summary_json(service, language=GERMAN):
    """The JSON of one listed service, from the dictionaries the service listings build; labels in ``language``."""
    return {
        "@id": service["url"],
        "title": service["title"],
        "description": service["description"],
        "badge": {
            "token": service["badge_key"],
            "title": in_language(service["badge_label"], language),
        },
    }
