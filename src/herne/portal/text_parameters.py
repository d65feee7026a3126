"""Parameters that Plone and the portal read only as text refuse lists and records: 400, not a server error.

Zope turns ``came_from:list=x`` or ``SearchableText:record=x`` into a list or a record
before any page runs; Plone's log-in links, search and batching then fail on it (500),
also while sending a visitor to the log-in page, before a page would see it.
"""

from herne.portal import _
from herne.portal.i18n import GERMAN
from herne.portal.i18n import in_language
from zExceptions import BadRequest


#: Read as one text wherever they are read.
TEXT_ONLY = frozenset(
    {
        "came_from",
        "SearchableText",
        "sort_on",
        "sort_order",
        "__ac_name",
        "__ac_password",
        "_authenticator",
    }
)
#: Longer than any address or search a person sends.
MAX_TEXT_LENGTH = 8000
NOT_ONE_TEXT = _("Der Parameter „${name}“ darf nur einmal und nur als Text vorkommen.")
TOO_LONG = _("Der Parameter „${name}“ ist zu lang.")
#: Read as one number or its text.
NUMBER_OR_TEXT = frozenset({"b_start", "b_size"})


def refuse_structured_text_parameters(site, event):
    """On entering the site, before the log-in check: a list or record where text belongs is a bad request."""
    form = getattr(event.request, "form", None) or {}
    for name in (TEXT_ONLY | NUMBER_OR_TEXT) & set(form):
        value = form[name]
        allowed = (str, int) if name in NUMBER_OR_TEXT else str
        if isinstance(value, bool) or not isinstance(value, allowed):
            raise BadRequest(refusal(NOT_ONE_TEXT, name))
        if isinstance(value, str) and len(value) > MAX_TEXT_LENGTH:
            # ``came_from`` ends up in a redirect header no client reads at this length.
            raise BadRequest(refusal(TOO_LONG, name))


def refusal(message, name):
    """The German refusal naming the parameter (before the site has chosen a language)."""
    return in_language(_(message, mapping={"name": name}), GERMAN)
