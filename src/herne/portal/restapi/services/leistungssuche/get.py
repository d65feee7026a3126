"""``GET @leistungssuche?SearchableText=…``: the service search, tolerant of spellings, with "Meinten Sie"."""

from herne.portal.restapi.service_summary import service_summary_json
from herne.portal.restapi.services.base import JSONService
from herne.portal.service_search import search_services


class ServiceSearchGet(JSONService):
    """Published services matching the term, each with its badge; suggestions for misspelt words."""

    def reply(self):
        term = self.request.form.get("SearchableText", "")
        term = term.strip() if isinstance(term, str) else ""
        found = search_services(term) if term else None
        if found is not None and found.error:
            return self.error(400, message=found.error)
        services = found.services if found else []
        return {
            "@id": f"{self.context.absolute_url()}/@leistungssuche",
            "items_total": len(services),
            "items": [service_summary_json(service, self.language) for service in services],
            "suggestions": [
                {"@id": suggestion["url"], "title": suggestion["title"]}
                for suggestion in (found.suggestions if found else [])
            ],
        }
