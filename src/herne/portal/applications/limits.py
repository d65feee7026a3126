"""How much a form field, message, answer or step comment may carry: the limits every channel reads."""

from herne.portal import _
from zope.schema.interfaces import IASCIILine
from zope.schema.interfaces import IMinMaxLen
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine


#: Characters of one message, answer or step comment.
MAX_TEXT = 5000
#: Files handed in with one message or one answer.
MAX_FILES = 3
#: Characters of a one-line field of an application form, unless its editor set a maximum.
MAX_FORM_LINE = 200
#: Characters of a multi-line field of an application form, unless its editor set a maximum.
MAX_FORM_TEXT = 5000


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


def form_field_limit(field):
    """The most characters ``field`` of an application form takes, or None for non-text fields.

    The editor's maximum length wins; otherwise a line takes MAX_FORM_LINE characters
    and a multi-line text MAX_FORM_TEXT.
    """
    if not IMinMaxLen.providedBy(field):
        return None
    if field.max_length:
        return field.max_length
    one_line = ITextLine.providedBy(field) or IASCIILine.providedBy(field)
    multiline = IText.providedBy(field) and not one_line
    return MAX_FORM_TEXT if multiline else MAX_FORM_LINE


def form_value_error(field, value):
    """A German message when the text ``value`` is too long for ``field``, else None."""
    limit = form_field_limit(field)
    if limit is None or not isinstance(value, str) or len(value) <= limit:
        return None
    return _(
        "Bitte kürzen Sie Ihre Angabe auf höchstens ${limit} Zeichen (jetzt ${count}).",
        mapping={"limit": limit, "count": len(value)},
    )
