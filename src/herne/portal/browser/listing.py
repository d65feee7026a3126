"""Shared querying of published service pages for the citizen listings."""

from herne.portal import _
from herne.portal.vocabularies.catalogue import ONLINE_APPLICABLE
from plone import api
from plone.i18n.normalizer.base import baseNormalize


AVAILABILITY_BADGES = {
    "online_form": ("online", _("Online verfügbar")),
    "online_form_originals": ("online", _("Online verfügbar, Originale vor Ort zeigen")),
    "on_site_only": ("on-site", _("Nur vor Ort")),
    "info_only": ("info", _("Information")),
}


def find_services(sort_on="sortable_title", **query):
    """Catalog brains of the service pages the current user may see.

    Sorted A-Z unless ``sort_on`` is None, which keeps the full-text relevance order.
    """
    if sort_on:
        query["sort_on"] = sort_on
    return api.content.find(portal_type="Service", **query)


def service_summary(brain):
    """What a listing shows of one service, from catalog metadata only."""
    css_class, label = AVAILABILITY_BADGES.get(
        brain.online_availability, AVAILABILITY_BADGES["info_only"]
    )
    return {
        "title": brain.Title,
        "description": brain.Description,
        "url": brain.getURL(),
        "online": brain.online_availability in ONLINE_APPLICABLE,
        "badge_class": css_class,
        "badge_label": label,
    }


def initial_letter(title):
    """The A-Z letter a title is filed under: umlauts with their base letter, digits under #."""
    normalized = baseNormalize(title or "").strip().upper()
    if not normalized:
        return "#"
    letter = normalized[0]
    return letter if "A" <= letter <= "Z" else "#"
