"""The administrators' page and REST endpoint of the outbox: states, tries, last errors, "erneut senden"."""

from DateTime import DateTime
from herne.portal import _
from herne.portal.applications.processing import state_title
from herne.portal.formats import german_datetime
from herne.portal.outbox.storage import DEAD
from herne.portal.outbox.storage import FAILED
from herne.portal.outbox.storage import PENDING
from herne.portal.outbox.storage import SENDING
from herne.portal.outbox.storage import STATES
from herne.portal.outbox.storage import get_outbox
from herne.portal.outbox.titles import event_title
from herne.portal.outbox.titles import kind_title
from herne.portal.outbox.worker import wake_after_commit
from plone.protect import CheckAuthenticator
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from Products.Five.browser import BrowserView
from zope.i18n import translate


STATE_TITLES = {
    PENDING: _("wartet"),
    SENDING: _("wird gesendet"),
    "delivered": _("zugestellt"),
    FAILED: _("fehlgeschlagen, neuer Versuch folgt"),
    DEAD: _("unzustellbar"),
}
#: states an administrator may send again
RESENDABLE = (FAILED, DEAD)
PAGE_SIZE = 100
NOT_FOUND = _("Diese Sendung gibt es nicht (mehr).")
NOT_RESENDABLE = _(
    "Nur fehlgeschlagene oder unzustellbare Sendungen können erneut gesendet werden."
)
RESENT = _("Die Sendung wird erneut gesendet.")
UNKNOWN_STATE = _("Unbekannter Stand „${state}“. Erlaubt sind: ${states}.")


def _when(seconds):
    return german_datetime(DateTime(seconds)) if seconds else ""


def entry_record(entry):
    """What administrators see of an entry: no personal data beyond the reference number."""
    return {
        "id": entry.id,
        "reference": entry.reference,
        "kind": entry.kind,
        "event": entry.event,
        "destination": entry.destination,
        "state": entry.state,
        "tries": entry.tries,
        "last_error": entry.last_error,
        "created": entry.created,
        "next_try": entry.next_try,
        "resendable": entry.state in RESENDABLE,
    }


def entries(state=None, limit=PAGE_SIZE):
    """The newest entries first (optionally of one state), at most ``limit``."""
    outbox = get_outbox(create=False)
    if outbox is None:
        return []
    chosen = [entry for entry in outbox.entries.values() if state in (None, entry.state)]
    chosen.sort(key=lambda entry: entry.created, reverse=True)
    return chosen[:limit]


def counts():
    outbox = get_outbox(create=False)
    found = dict.fromkeys(STATES, 0)
    for entry in outbox.entries.values() if outbox is not None else ():
        found[entry.state] = found.get(entry.state, 0) + 1
    return found


def send_again(entry_id):
    """Due now with fresh tries; returns an error message or None."""
    outbox = get_outbox(create=False)
    entry = outbox.get(entry_id) if outbox is not None and entry_id else None
    if entry is None:
        return NOT_FOUND
    if entry.state not in RESENDABLE:
        return NOT_RESENDABLE
    outbox.send_again(entry, "erneut senden")
    wake_after_commit()
    return None


class OutboxView(BrowserView):
    """@@ausgang on the site: the entries and the button "erneut senden"."""

    message = None
    error = None

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.error = send_again(self.request.form.get("id", ""))
            if self.error is None:
                self.message = RESENT
        return self.index()

    def state_filter(self):
        state = self.request.form.get("stand")
        return state if state in STATES else None

    def rows(self):
        rows = []
        for entry in entries(self.state_filter()):
            row = entry_record(entry)
            row["state_title"] = translate(STATE_TITLES[entry.state], context=self.request)
            row["kind_title"] = translate(kind_title(entry.kind), context=self.request)
            row["event_title"] = translate(
                event_title(entry.event, state_title), context=self.request
            )
            row["created"] = _when(entry.created)
            row["next_try"] = _when(entry.next_try) if entry.state in (PENDING, FAILED) else ""
            rows.append(row)
        return rows

    def counts(self):
        found = counts()
        return [
            {
                "state": state,
                "title": translate(STATE_TITLES[state], context=self.request),
                "count": found[state],
            }
            for state in STATES
        ]


class OutboxGet(Service):
    """GET @ausgang (?stand=dead): the newest entries and the counts per state."""

    def reply(self):
        state = self.request.form.get("stand")
        if state is not None and state not in STATES:
            self.request.response.setStatus(400)
            message = _(UNKNOWN_STATE, mapping={"state": state, "states": ", ".join(STATES)})
            return {
                "error": {
                    "type": "BadRequest",
                    "message": translate(message, context=self.request),
                }
            }
        return {
            "counts": counts(),
            "items": [entry_record(entry) for entry in entries(state)],
        }


class OutboxResend(Service):
    """POST @ausgang {"id": ...}: send a failed or dead entry again."""

    def reply(self):
        body = json_body(self.request)
        entry_id = body.get("id") if isinstance(body, dict) else None
        error = send_again(entry_id if isinstance(entry_id, str) else "")
        if error is not None:
            self.request.response.setStatus(404 if error is NOT_FOUND else 400)
            return {
                "error": {
                    "type": "NotFound" if error is NOT_FOUND else "BadRequest",
                    "message": translate(error, context=self.request),
                }
            }
        return {"message": translate(RESENT, context=self.request)}
