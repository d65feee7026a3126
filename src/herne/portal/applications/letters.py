"""Letters instead of mails: kept with the application, printed from the Postausgang, overdue after two working days."""

from DateTime import DateTime
from datetime import timedelta
from herne.portal import _
from herne.portal.applications.office import department_of
from herne.portal.applications.office import office
from herne.portal.booking.slots import is_working_day
from herne.portal.formats import local_time
from herne.portal.i18n import application_language
from herne.portal.i18n import in_german
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
import secrets


#: Catalog indexes (and metadata) of an application's letters: the Postausgang and the worklist ask them.
OPEN_INDEX = "letters_open_since"
PRINTED_INDEX = "letters_printed_last"
INDEXES = [OPEN_INDEX, PRINTED_INDEX]
#: Catalog metadata: what the Postausgang lists of each letter, so its pages wake no application.
SUMMARY_COLUMN = "letters_summary"
#: Columns no listing of brains gives out (@search, @@getVocabulary): the letters are the
#: department's, read in the Postausgang; the applicant and the helper get them by post.
PRIVATE_COLUMNS = frozenset({SUMMARY_COLUMN, OPEN_INDEX})
#: Working days a letter may wait for the printer before the worklist shows it.
PRINT_WITHIN_WORKING_DAYS = 2
#: The history entry of a print run (an internal step, see applications.detail).
PRINTED_ACTION = "letter_printed"
PRINTED_TITLE = _("Brief gedruckt")

KIND_TITLES = {
    "receipt": _("Eingangsbestätigung"),
    "message": _("Nachricht"),
}


def kind_title(kind, state_title=""):
    """What a letter is about, for the Postausgang: the receipt, a message or the new state."""
    if kind in KIND_TITLES:
        return in_german(KIND_TITLES[kind])
    return in_german(_("Neuer Stand: ${state}", mapping={"state": state_title or kind}))


def letters_of(application):
    return list(getattr(application, "letters", None) or ())


def sender_lines(department):
    """The city as sender: "Stadt Herne", the department and its address."""
    found = office(department)
    if found is None:
        return ("Stadt Herne",)
    return ("Stadt Herne", found.title, *found.address)


def add_letter(application, kind, subject, body, state_title=""):
    """Keep a letter for ``application`` in place of a mail; the Postausgang lists it until printed.

    What the letter says is kept as written now (address, sender, date, text), so that
    printing it later, or again, gives the same letter.
    """
    letters = getattr(application, "letters", None)
    if letters is None:
        letters = application.letters = PersistentList()
    department = department_of(application)
    found = office(department)
    letter = PersistentMapping(
        id=secrets.token_hex(6),
        created=DateTime(),
        kind=kind,
        kind_title=kind_title(kind, state_title),
        subject=subject,
        body=body,
        reference=application.reference_number or "",
        recipient=application.postal_address or application.applicant_name or "",
        sender=sender_lines(department),
        contact=found.contact() if found is not None else "",
        # the language of subject and body: the one the citizen applied in
        language=application_language(application),
        printed=None,
        printed_by=None,
    )
    letters.append(letter)
    application.reindexObject(idxs=INDEXES)
    return letter


def summary(application):
    """What the Postausgang shows of each letter of ``application``, oldest first (catalog metadata).

    Small and without the letter's text: the first line of the address, the kind, the
    subject, when it was written and printed, and by whom.
    """
    letters = sorted(letters_of(application), key=lambda letter: letter["created"])
    return tuple(
        {
            "id": letter["id"],
            "reference": letter["reference"],
            "recipient": letter["recipient"].splitlines()[0] if letter["recipient"] else "",
            "kind_title": letter["kind_title"],
            "subject": letter["subject"],
            "created": letter["created"],
            "printed": letter["printed"],
            "printed_by": letter["printed_by"],
        }
        for letter in letters
    )


def open_since(application):
    """When the oldest unprinted letter was written; None when all are printed."""
    times = [letter["created"] for letter in letters_of(application) if not letter["printed"]]
    return min(times) if times else None


def printed_last(application):
    times = [letter["printed"] for letter in letters_of(application) if letter["printed"]]
    return max(times) if times else None


def mark_printed(application, letter_ids, userid):
    """Mark the letters ``letter_ids`` printed by ``userid`` now; returns those newly marked.

    A letter printed before keeps its first print; each print run is one entry of the
    application's history (who, when, which letters).
    """
    from herne.portal.applications.processing import record_step

    now = DateTime()
    marked = []
    for letter in letters_of(application):
        if letter["id"] in letter_ids and not letter["printed"]:
            letter["printed"] = now
            letter["printed_by"] = userid
            marked.append(letter)
    if marked:
        subjects = "; ".join(letter["kind_title"] for letter in marked)
        note = in_german(_("Brief gedruckt: ${letters}", mapping={"letters": subjects}))
        record_step(application, PRINTED_ACTION, note, internal=True)
        application.reindexObject(idxs=INDEXES)
    return marked


def overdue_before(now=None):
    """Letters written before this moment wait longer than two working days for the printer.

    A letter is overdue once two working days have begun after the day it was written
    (written Monday: overdue from Wednesday; written Friday or Saturday: from Tuesday).
    That is, it was written before the start of the second-latest working day up to today.
    """
    today = local_time(now or DateTime()).date()
    day, seen = today, 0
    while True:
        if is_working_day(day):
            seen += 1
            if seen == PRINT_WITHIN_WORKING_DAYS:
                break
        day -= timedelta(days=1)
    midnight = local_time(now or DateTime()).replace(
        year=day.year, month=day.month, day=day.day, hour=0, minute=0, second=0, microsecond=0
    )
    return DateTime(midnight)


def is_overdue(created, now=None):
    return created is not None and created < overdue_before(now)
