"""The delivery state as clerks see it, on the application page and in ``@antrag`` (German texts)."""

from herne.portal import _
from herne.portal.applications.processing import PROCESS
from herne.portal.fitconnect import state as states
from herne.portal.fitconnect.sender import DECISION
from herne.portal.fitconnect.sender import DELIVERY
from herne.portal.i18n import in_german
from herne.portal.outbox.storage import DEAD
from herne.portal.outbox.storage import get_outbox
from plone import api


WAITING = _("Wartet auf die Übermittlung an das Fachverfahren")
#: summary status of a submission whose decision the worker gave up reading
UNDECIDED = "undecided"
NOT_READ = _("Übermittelt, aber keine Entscheidung des Fachverfahrens gelesen; Abfrage beendet")


def _entry(application, kind=DELIVERY):
    outbox = get_outbox(create=False)
    if outbox is None:
        return None
    entries = [e for e in outbox.for_application(application.UID()) if e.kind == kind]
    return max(entries, key=lambda e: e.created) if entries else None


def delivery_summary(application):
    """A dict for clerks (status, label, ids, problems, error), or None when there is no delivery."""
    if not api.user.has_permission(PROCESS, obj=application):
        return None
    current = states.delivery_state(application)
    entry = _entry(application)
    if current is None and entry is None:
        return None
    if current is None:
        return {
            "status": "pending",
            "label": in_german(WAITING),
            "submission_id": "",
            "case_id": "",
            "problems": [],
            "error": entry.last_error or "",
        }
    status = current.get("status")
    label = states.LABELS.get(status, WAITING)
    if status == states.SUBMITTED:
        reader = _entry(application, DECISION)
        if reader is not None and reader.state == DEAD:
            status, label, entry = UNDECIDED, NOT_READ, reader
    return {
        "status": status,
        "label": in_german(label),
        "submission_id": current.get("submission_id", ""),
        "case_id": current.get("case_id", ""),
        "problems": [dict(problem) for problem in current.get("problems") or ()],
        "error": current.get("error") or (entry.last_error if entry is not None else "") or "",
    }
