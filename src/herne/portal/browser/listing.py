"""Shared querying of published service pages for the citizen listings."""

from herne.portal.alphabets import sort_key
from herne.portal.eid.provider import eid_enabled
from herne.portal.i18n import GERMAN
from herne.portal.i18n import direction
from herne.portal.languages import german_only
from herne.portal.reporting.maturity import BADGES
from herne.portal.reporting.maturity import badge_of
from herne.portal.reporting.maturity import facts_of
from herne.portal.reporting.maturity import restored_facts
from plone import api


def find_services(sort_on="sortable_title", language=GERMAN, **query):
    """Catalog brains of the service pages the current user may see, in ``language``.

    A service without a page in ``language`` is listed with its German page. Sorted A-Z
    unless ``sort_on`` is None, which keeps the full-text relevance order (translations
    first).
    """
    if sort_on:
        query["sort_on"] = sort_on
    german = api.content.find(portal_type="Service", **german_only(), **query)
    if language == GERMAN:
        return german
    translated = list(api.content.find(portal_type="Service", Language=language, **query))
    groups = {brain.TranslationGroup for brain in translated}
    untranslated = [brain for brain in german if brain.TranslationGroup not in groups]
    if untranslated:
        # a German page that matched the query but whose translation did not
        tgs = [brain.TranslationGroup for brain in untranslated if brain.TranslationGroup]
        found = (
            api.content.find(portal_type="Service", Language=language, TranslationGroup=tgs)
            if tgs
            else []
        )
        by_group = {brain.TranslationGroup: brain for brain in found}
        translated.extend(by_group[tg] for tg in by_group if tg not in groups)
        groups |= set(by_group)
        untranslated = [brain for brain in untranslated if brain.TranslationGroup not in groups]
    result = translated + untranslated
    if sort_on == "sortable_title":
        result.sort(key=lambda brain: sort_key(brain.Title, language))
    return result


def badge(key):
    css_class, label = BADGES[key]
    return {"key": key, "css_class": css_class, "label": label}


def listing_badge(brain, eid_available):
    """The service's badge from catalog metadata, decided by ``reporting.maturity.badge_of``."""
    stored = getattr(brain, "service_facts", None)
    if isinstance(stored, dict):
        facts = restored_facts(stored, eid_available)
    else:
        # Catalogued before the facts were: ask the page itself.
        facts = facts_of(brain.getObject(), eid_available)
    return badge(badge_of(brain.online_availability, facts))


def service_summary(brain, eid_available=None):
    """What a listing shows of one service, from catalog metadata only."""
    if eid_available is None:
        eid_available = eid_enabled()
    service_badge = listing_badge(brain, eid_available)
    language = brain.Language or GERMAN
    return {
        "lang": language,
        "dir": direction(language),
        "title": brain.Title,
        "description": brain.Description,
        "url": brain.getURL(),
        "online": service_badge["css_class"] == "online",
        "badge_key": service_badge["key"],
        "badge_class": service_badge["css_class"],
        "badge_label": service_badge["label"],
    }
