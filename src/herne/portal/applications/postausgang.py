"""The Postausgang: letters of a clerk's departments waiting for the printer, printed in batches."""

from DateTime import DateTime
from herne.portal import _
from herne.portal.applications.letter_pdf import letters_pdf
from herne.portal.applications.letters import OPEN_INDEX
from herne.portal.applications.letters import PRINTED_INDEX
from herne.portal.applications.letters import SUMMARY_COLUMN
from herne.portal.applications.letters import is_overdue
from herne.portal.applications.letters import letters_of
from herne.portal.applications.letters import mark_printed
from herne.portal.applications.letters import overdue_before
from herne.portal.formats import german_datetime
from plone import api


#: Most letters in one print run: a batch a printer and a clerk can handle.
MAX_BATCH = 200
NOTHING_CHOSEN = _("Bitte wählen Sie die Briefe aus, die Sie drucken möchten.")
NOT_FOUND = _(
    "Ein ausgewählter Brief wurde nicht gefunden oder gehört nicht zu Ihrer Organisationseinheit."
)
TOO_MANY = _("Bitte drucken Sie höchstens ${max} Briefe auf einmal.", mapping={"max": MAX_BATCH})


def _paths(areas):
    return ["/".join(area.getPhysicalPath()) for area in areas]


def letters_query(areas, printed=False):
    """Catalog query for the applications with letters in ``areas``.

    Open letters: oldest first, so the newest come last. Printed: the latest print first.
    """
    index = PRINTED_INDEX if printed else OPEN_INDEX
    return {
        "portal_type": "Application",
        "path": {"query": _paths(areas), "depth": 1},
        index: {"query": DateTime("1900/01/01 UTC"), "range": "min"},
        "sort_on": index,
        "sort_order": "descending" if printed else "ascending",
    }


def search(areas, printed=False, **batching):
    """Brains of the applications with open (or printed) letters; nothing without areas."""
    if not areas:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    # searchResults: the catalog's own security check stays in place.
    return catalog.searchResults(**letters_query(areas, printed), **batching)


def rows_of(brains, printed=False, now=None):
    """One row per letter of the ``brains``' applications that is open (or printed), in the list's order.

    Read from the catalog's metadata (``letters_summary``): no application is woken.
    """
    limit = overdue_before(now)
    rows = []
    for brain in brains:
        url = brain.getURL()
        for letter in getattr(brain, SUMMARY_COLUMN, None) or ():
            if bool(letter["printed"]) != printed:
                continue
            rows.append(
                {
                    "key": f"{brain.UID}:{letter['id']}",
                    "reference": letter["reference"],
                    "recipient": letter["recipient"],
                    "kind": letter["kind_title"],
                    "subject": letter["subject"],
                    "created": german_datetime(letter["created"]),
                    "overdue": not printed and letter["created"] < limit,
                    "printed": german_datetime(letter["printed"]) if letter["printed"] else "",
                    "printed_by": letter["printed_by"] or "",
                    "application_url": url,
                    "download_url": f"{url}/@@brief?id={letter['id']}",
                }
            )
    return rows


def overdue_count(areas, now=None):
    """How many applications of ``areas`` have a letter unprinted for two working days."""
    if not areas:
        return 0
    catalog = api.portal.get_tool("portal_catalog")
    return len(
        catalog.searchResults(
            portal_type="Application",
            path={"query": _paths(areas), "depth": 1},
            **{OPEN_INDEX: {"query": overdue_before(now), "range": "max"}},
        )
    )


def brain_overdue(brain, now=None):
    """Whether a worklist row's application has a letter waiting too long (catalog metadata)."""
    return is_overdue(getattr(brain, OPEN_INDEX, None) or None, now)


def chosen_letters(keys, areas):
    """``[(application, letter)]`` for the posted keys, only in ``areas``; or a German error."""
    keys = [key for key in keys if isinstance(key, str)] if isinstance(keys, list) else []
    if not keys:
        return [], NOTHING_CHOSEN
    if len(keys) > MAX_BATCH:
        return [], TOO_MANY
    wanted = {}
    for key in keys:
        uid, _sep, letter_id = key.partition(":")
        wanted.setdefault(uid, set()).add(letter_id)
    if not areas:
        return [], NOT_FOUND
    catalog = api.portal.get_tool("portal_catalog")
    # A tampered UID of another department's application finds nothing here.
    brains = catalog.searchResults(
        UID=list(wanted), portal_type="Application", path={"query": _paths(areas), "depth": 1}
    )
    found = {brain.UID: brain.getObject() for brain in brains}
    chosen = []
    for key in keys:
        uid, _sep, letter_id = key.partition(":")
        application = found.get(uid)
        letter = (
            next((item for item in letters_of(application) if item["id"] == letter_id), None)
            if application is not None
            else None
        )
        if letter is None:
            return [], NOT_FOUND
        chosen.append((application, letter))
    return chosen, None


def print_letters(chosen, userid):
    """One PDF of the ``chosen`` letters, in the given order; they are marked printed by ``userid``."""
    data = letters_pdf([letter for _application, letter in chosen])
    by_uid = {}
    for application, letter in chosen:
        by_uid.setdefault(application.UID(), (application, set()))[1].add(letter["id"])
    for application, ids in by_uid.values():
        mark_printed(application, ids, userid)
    return data
