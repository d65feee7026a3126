"""How far an application's FIT-Connect delivery got, kept on the application (ids and outcome, no data)."""

from herne.portal import _
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
import time
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "herne.portal.fitconnect.delivery"

ANNOUNCED = "announced"
SUBMITTED = "submitted"
ACCEPTED = "accepted"
REJECTED = "rejected"
FAILED = "failed"

#: What the clerk reads for each state.
LABELS = {
    ANNOUNCED: _("Wird an das Fachverfahren übermittelt"),
    SUBMITTED: _("An das Fachverfahren übermittelt, noch nicht übernommen"),
    ACCEPTED: _("Vom Fachverfahren übernommen"),
    REJECTED: _("Vom Fachverfahren abgelehnt"),
    FAILED: _("Übermittlung an das Fachverfahren gestoppt"),
}


def delivery_state(application):
    """The stored state (a mapping) or None when nothing was sent yet."""
    try:
        return IAnnotations(application).get(ANNOTATION_KEY)
    except TypeError:
        return None


def update(application, **values):
    """Change the stored state; returns it."""
    annotations = IAnnotations(application)
    state = annotations.get(ANNOTATION_KEY)
    if state is None:
        state = annotations[ANNOTATION_KEY] = PersistentMapping()
    for name, value in values.items():
        if isinstance(value, list):
            value = PersistentList(value)
        state[name] = value
    state["updated"] = time.time()
    return state


def forget(application):
    IAnnotations(application).pop(ANNOTATION_KEY, None)


def anonymise(application):
    """Retention: keep the delivery's ids and outcome, drop the receiver's texts (they may quote data)."""
    current = delivery_state(application)
    if current is not None:
        update(
            application,
            problems=[
                {"title": p.get("title", ""), "detail": "", "type": p.get("type", "")}
                for p in current.get("problems") or ()
            ],
            error="",
        )
