"""The message history of an application: status notices and messages between citizen and city."""

from DateTime import DateTime
from persistent.list import PersistentList
import secrets


#: Who a message comes from, as shown to the reader.
FROM_CITIZEN = "citizen"
FROM_CITY = "city"


def messages_of(application):
    return list(getattr(application, "messages", None) or ())


def add_message(
    application,
    text,
    sender,
    author,
    kind="message",
    files=(),
    internal=False,
    state=None,
    on_behalf=None,
):
    """Append a message; ``files`` are ids of ApplicationFile children attached to it.

    ``on_behalf``: who wrote it for the applicant (a Digitallotse, see assist.acting).
    """
    messages = getattr(application, "messages", None)
    if messages is None:
        messages = application.messages = PersistentList()
    entry = {
        "id": secrets.token_hex(6),
        "time": DateTime(),
        "sender": sender,
        "author": author,
        "kind": kind,
        "text": text,
        "files": list(files),
        "internal": bool(internal),
        "state": state,
    }
    if on_behalf:
        entry["on_behalf"] = dict(on_behalf)
    messages.append(entry)
    if sender == FROM_CITY and not internal:
        application.last_city_activity = entry["time"]
    return entry


def add_note(application, text, author, step_time):
    """An internal comment on a workflow step, kept out of the workflow history."""
    entry = add_message(application, text, FROM_CITY, author, kind="note", internal=True)
    entry["step_time"] = step_key(step_time)
    return entry


def step_key(step_time):
    """A workflow step's time as a key that survives storage (DateTime has no stable hash)."""
    return round(step_time.timeTime(), 6) if step_time is not None else None


def notes_by_step(application):
    """Internal notes keyed by the time of the workflow step they belong to."""
    return {
        entry["step_time"]: entry["text"]
        for entry in messages_of(application)
        if entry.get("kind") == "note" and entry.get("step_time") is not None
    }


def unread_for_citizen(application):
    """Whether the city did or wrote something the citizen has not seen yet."""
    last = getattr(application, "last_city_activity", None)
    if last is None:
        return False
    seen = getattr(application, "citizen_seen", None)
    return seen is None or seen < last


def mark_seen_by_citizen(application):
    """Called when the citizen opens the application; returns whether anything changed."""
    if not unread_for_citizen(application):
        return False
    application.citizen_seen = DateTime()
    return True


def visible_messages(application, for_city):
    """What a reader sees: the city sees everything, the citizen no internal notes."""
    return [m for m in messages_of(application) if for_city or not m.get("internal")]
