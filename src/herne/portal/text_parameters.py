"""Parameters that Plone and the portal read only as text refuse lists and records: 400, not a server error.

Zope turns ``came_from:list=x`` or ``SearchableText:record=x`` into a list or a record
before any page runs; Plone's log-in links, search and batching then fail on it (500),
also while sending a visitor to the log-in page, before a page would see it.
"""

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
#: Read as one number or its text.
NUMBER_OR_TEXT = frozenset({"b_start", "b_size"})


def refuse_structured_text_parameters(site, event):
    """On entering the site, before the log-in check: a list or record where text belongs is a bad request."""
    form = getattr(event.request, "form", None) or {}
    for name in (TEXT_ONLY | NUMBER_OR_TEXT) & set(form):
        value = form[name]
        allowed = (str, int) if name in NUMBER_OR_TEXT else str
        if isinstance(value, bool) or not isinstance(value, allowed):
            raise BadRequest(f"{name} must be a single value")
        if isinstance(value, str) and len(value) > MAX_TEXT_LENGTH:
            # ``came_from`` ends up in a redirect header no client reads at this length.
            raise BadRequest(f"{name} is too long")
