"""What the city's front page shows: featured services, life situations, offices with opening hours."""

from herne.portal import _
from herne.portal.browser.listing import find_services
from herne.portal.browser.listing import service_summary
from herne.portal.eid.provider import eid_enabled
from herne.portal.i18n import GERMAN
from herne.portal.languages import german_only
from herne.portal.vocabularies.catalogue import LIFE_SITUATIONS
from plone import api


FEATURED_RECORD = "herne.portal.front_page.featured_services"
MISSING_FEATURED_SERVICES = _("Bitte geben Sie eine Liste von Leistungen an.")


def featured_service_uids():
    """The services the editors chose for the front page (control panel "Startseite"), in order."""
    return list(api.portal.get_registry_record(FEATURED_RECORD, default=None) or [])


def featured_services(language=GERMAN):
    """Summaries of the chosen services the current visitor may see, in the editors' order.

    The editors choose German pages; a front page in another language shows each one's
    translation into ``language`` where the visitor may see one, else the German page.
    """
    uids = featured_service_uids()
    if not uids:
        return []
    eid_available = eid_enabled()
    by_uid = {brain.UID: brain for brain in find_services(UID=uids)}
    groups = [brain.TranslationGroup for brain in by_uid.values() if brain.TranslationGroup]
    translated = {}
    if language != GERMAN and groups:
        translated = {
            brain.TranslationGroup: brain
            for brain in api.content.find(
                portal_type="Service", Language=language, TranslationGroup=groups
            )
        }
    shown = [
        translated.get(by_uid[uid].TranslationGroup, by_uid[uid]) for uid in uids if uid in by_uid
    ]
    return [service_summary(brain, eid_available) for brain in shown]


def choose_featured_services(references):
    """Store the services the front page features, in the given order; errors by field, in German.

    A reference is a published service's UID or its address; nothing is stored if one is not.
    """
    if not isinstance(references, list) or not all(isinstance(ref, str) for ref in references):
        return {"featured_services": MISSING_FEATURED_SERVICES}
    published = {
        brain.UID: brain.getURL()
        for brain in api.content.find(
            portal_type="Service", review_state="published", **german_only()
        )
    }
    uid_by_url = {url: uid for uid, url in published.items()}
    chosen = []
    for reference in references:
        uid = reference if reference in published else uid_by_url.get(reference.rstrip("/"))
        if uid is None:
            return {
                "featured_services": _(
                    "Keine veröffentlichte Leistung: ${reference}",
                    mapping={"reference": reference},
                )
            }
        if uid not in chosen:
            chosen.append(uid)
    api.portal.set_registry_record(FEATURED_RECORD, chosen)
    return {}


def life_situations():
    base = api.portal.get().absolute_url() + "/@@lebenslagen"
    return [
        {"id": key, "title": title, "url": f"{base}?lage={key}"} for key, title in LIFE_SITUATIONS
    ]


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def offices(language=GERMAN):
    """Departments that publish opening hours: where they are and when they are open.

    In another language each one is named and linked by its translation where the visitor
    may see one; address and opening hours stay the German page's (``german_lang``).
    """
    brains = api.content.find(portal_type="Department", sort_on="sortable_title", **german_only())
    translated = {}
    groups = [brain.TranslationGroup for brain in brains if brain.TranslationGroup]
    if language != GERMAN and groups:
        translated = {
            brain.TranslationGroup: brain
            for brain in api.content.find(
                portal_type="Department", Language=language, TranslationGroup=groups
            )
        }
    result = []
    for brain in brains:
        department = brain.getObject()
        hours = _lines(department.opening_hours)
        if not hours:
            continue
        shown = translated.get(brain.TranslationGroup, brain)
        result.append(
            {
                "title": shown.Title,
                "url": shown.getURL(),
                # a German name on a page in another language says so
                "lang": GERMAN if shown is brain and language != GERMAN else None,
                "dir": "ltr" if shown is brain and language != GERMAN else None,
                "german_lang": None if language == GERMAN else GERMAN,
                "german_dir": None if language == GERMAN else "ltr",
                "address": _lines(department.address),
                "opening_hours": hours,
                "phone": department.phone or "",
            }
        )
    return result
