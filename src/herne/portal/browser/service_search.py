"""Full-text search that only finds service pages."""

from herne.portal.i18n import request_language
from herne.portal.service_search import search_services
from Products.Five.browser import BrowserView


class ServiceSearchView(BrowserView):
    """Search form and results, restricted to the service catalogue."""

    error = None
    suggestions = ()

    def search_term(self):
        term = self.request.form.get("SearchableText", "")
        return term.strip() if isinstance(term, str) else ""

    def results(self):
        term = self.search_term()
        if not term:
            return []
        found = search_services(term, request_language(self.request))
        self.error = found.error
        self.suggestions = found.suggestions
        return found.services
