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
    application, text, sender, author, kind="message", files=(), internal=False, state=None
):
    """Append a message; ``files`` are ids of ApplicationFile children attached to it."""
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
    messages.append(entry)
    return entry


def visible_messages(application, for_city):
    """What a reader sees: the city sees everything, the citizen no internal notes."""
    return [m for m in messages_of(application) if for_city or not m.get("internal")]
