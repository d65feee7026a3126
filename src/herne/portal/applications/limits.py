"""How much one message, answer or step comment may carry: the limits every channel reads."""

from herne.portal import _


#: Characters of one message, answer or step comment.
MAX_TEXT = 5000
#: Files handed in with one message or one answer.
MAX_FILES = 3


TEXT_TOO_LONG = _("Der Text ist zu lang (höchstens ${limit} Zeichen).", mapping={"limit": MAX_TEXT})
MESSAGE_TOO_LONG = _(
    "Die Nachricht ist zu lang (höchstens ${limit} Zeichen).", mapping={"limit": MAX_TEXT}
)
TOO_MANY_FILES = _("Höchstens ${limit} Dateien je Nachricht.", mapping={"limit": MAX_FILES})


def text_error(field, text, message=TEXT_TOO_LONG):
    """``{field: message}`` when ``text`` is longer than MAX_TEXT, else {}."""
    return {field: message} if len(text or "") > MAX_TEXT else {}


def file_count_error(fields):
    """``{last field: message}`` when more than MAX_FILES files are given, else {}."""
    fields = list(fields)
    return {fields[-1]: TOO_MANY_FILES} if len(fields) > MAX_FILES else {}


def file_fields(prefix):
    """The form's file fields ``prefix_1`` … ``prefix_MAX_FILES``."""
    return [f"{prefix}_{number}" for number in range(1, MAX_FILES + 1)]
