"""Full-text search that only finds service pages."""

from herne.portal import _
from herne.portal.browser.listing import find_services
from herne.portal.browser.listing import service_summary
from herne.portal.search_terms import tolerant_term
from Products.Five.browser import BrowserView
from Products.ZCTextIndex.ParseTree import ParseError


class ServiceSearchView(BrowserView):
    """Search form and results, restricted to the service catalogue."""

    def search_term(self):
        term = self.request.form.get("SearchableText", "")
        return term.strip() if isinstance(term, str) else ""

    def results(self):
        term = self.search_term()
        self.error = None
        self.suggestions = []
        if not term:
            return []
        try:
            tolerant = tolerant_term(term)
            self.suggestions = [{"title": t, "url": u} for t, u in tolerant.suggestions[:3]]
            if not tolerant.query:
                raise ParseError("no searchable word")
            brains = find_services(SearchableText=tolerant.query, sort_on=None)
            return [service_summary(brain) for brain in brains]
        except ParseError:
            self.error = _(
                "Diesen Suchbegriff verstehen wir nicht. Bitte verwenden Sie nur Wörter, "
                "ohne Klammern oder Anführungszeichen."
            )
            return []
