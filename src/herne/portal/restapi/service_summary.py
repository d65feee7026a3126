"""A service as REST lists it (search results, the front page): address, title, description and badge."""

from herne.portal.i18n import in_german


def service_summary_json(service):
    """The JSON of one listed service, from the dictionaries the service listings build."""
    return {
        "@id": service["url"],
        "title": service["title"],
        "description": service["description"],
        "badge": {
            "token": service["badge_key"],
            "title": in_german(service["badge_label"]),
        },
    }
