"""Searching the service catalogue: spelling-tolerant results and "Meinten Sie …?" suggestions."""

from dataclasses import dataclass
from herne.portal import _
from herne.portal.browser.listing import find_services
from herne.portal.browser.listing import service_summary
from herne.portal.i18n import GERMAN
from herne.portal.search_terms import tolerant_term
from plone.base.utils import munge_search_term
from Products.ZCTextIndex.ParseTree import ParseError


NOT_UNDERSTOOD = _(
    "Diesen Suchbegriff verstehen wir nicht. Bitte verwenden Sie nur Wörter, "
    "ohne Klammern oder Anführungszeichen."
)
#: How many services "Meinten Sie …?" offers at most.
MAX_SUGGESTIONS = 3


@dataclass
class ServiceSearch:
    services: list  # summaries as ``browser.listing.service_summary`` makes them
    suggestions: list  # [{"title", "url"}] of the services a misspelt term was taken to mean
    error: object = None  # a German message when the term cannot be searched


def found_as_typed(term, language=GERMAN):
    """Whether the term as typed already finds a service (then nobody needs to be asked "Meinten Sie")."""
    try:
        return bool(
            find_services(SearchableText=munge_search_term(term), sort_on=None, language=language)
        )
    except ParseError:
        return False


def suggestions_for(term, tolerant=None, language=GERMAN):
    """The services a misspelt term stands for; none when the term as typed finds services."""
    tolerant = tolerant or tolerant_term(term)
    if not tolerant.suggestions or found_as_typed(term, language):
        return []
    return [{"title": title, "url": url} for title, url in tolerant.suggestions[:MAX_SUGGESTIONS]]


def search_services(term, language=GERMAN):
    """The published services matching ``term`` however its words are spelled, in ``language``."""
    tolerant = tolerant_term(term)
    suggestions = suggestions_for(term, tolerant, language)
    try:
        if not tolerant.query:
            raise ParseError("no searchable word")
        brains = find_services(SearchableText=tolerant.query, sort_on=None, language=language)
        return ServiceSearch([service_summary(brain) for brain in brains], suggestions)
    except ParseError:
        return ServiceSearch([], suggestions, NOT_UNDERSTOOD)
