"""Plone's search page and live search, tolerant of German umlaut spellings and typos."""

from herne.portal import _
from herne.portal.search_terms import tolerant_term
from herne.portal.service_search import suggestions_for
from html import escape
from pathlib import Path
from plone.app.layout.viewlets.common import ViewletBase
from plone.base.utils import safe_text
from Products.CMFPlone.browser import search as plone_search
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


PLONE_TEMPLATES = Path(plone_search.__file__).parent / "templates"


class TolerantQuery:
    """Searches each word also in its other spellings and as the catalogue word it likely misspells."""

    def _filter_query(self, query):
        text = query.get("SearchableText")
        if text is None:
            text = self.request.form.get("SearchableText", "")
        if isinstance(text, (list, tuple)):
            # ``SearchableText:list`` or a repeated parameter: Plone's own search fails on it.
            text = " ".join(part for part in text if isinstance(part, str))
        if not isinstance(text, str):
            text = ""
        query["SearchableText"] = text
        query = super()._filter_query(query)
        if query and text.strip():
            tolerant = tolerant_term(safe_text(text))
            if tolerant.query:
                query["SearchableText"] = tolerant.query
        return query


class Search(TolerantQuery, plone_search.Search):
    """Plone's ``@@search`` with Plone's own template."""

    index = ViewPageTemplateFile(str(PLONE_TEMPLATES / "search.pt"))

    def __call__(self):
        return self.index()


class AjaxSearch(TolerantQuery, plone_search.AjaxSearch):
    """Plone's ``@@ajax-search`` (live search)."""


class DidYouMean(ViewletBase):
    """Above Plone's search results: the services a misspelt search term was taken to mean."""

    def update(self):
        super().update()
        term = self.request.form.get("SearchableText", "")
        term = safe_text(term).strip() if isinstance(term, (str, bytes)) else ""
        self.suggestions = suggestions_for(term) if term else []

    def render(self):
        if not self.suggestions:
            return ""
        links = ", ".join(
            f'<a href="{escape(s["url"])}">{escape(s["title"])}</a>' for s in self.suggestions
        )
        label = translate(_("Meinten Sie"), context=self.request)
        return (
            '<aside class="herne-did-you-mean alert alert-info" role="note">'
            f"<p>{escape(label)} {links}?</p></aside>"
        )
