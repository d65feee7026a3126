"""A German service page's new name reaches the search text of its translations, which carry the German name."""

from herne.portal.i18n import GERMAN
from herne.portal.languages import content_language
from herne.portal.languages import translations


#: Fields of the German page that its translations' search text repeats (indexers.service).
REPEATED = frozenset({"title", "subject", "subjects", "life_situations"})


def _names(event):
    """The changed field names the event tells, or None when it does not tell."""
    names = set()
    for description in getattr(event, "descriptions", ()) or ():
        for attribute in getattr(description, "attributes", ()) or ():
            names.add(attribute.rsplit(".", 1)[-1])
    return names or None


def reindex_translations(service, event):
    """Subscriber of a service's modification: its translations are found by the new German name."""
    if content_language(service) != GERMAN:
        return
    names = _names(event)
    if names is not None and not names & REPEATED:
        return
    for translation in translations(service).values():
        if translation is not service:
            translation.reindexObject(idxs=["SearchableText"])
