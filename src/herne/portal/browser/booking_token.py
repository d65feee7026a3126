"""Finding the booking a mail link names (office, time, code, token) and keeping such pages private."""

from herne.portal.booking.bookings import find
from herne.portal.restapi.services.termine import find_office


#: The fields of a booking link; the token is the only secret in it.
LINK_FIELDS = ("amt", "zeit", "code", "token")


def link_field(request, name):
    """One text from the link or the form; anything else (a value given twice) is nothing."""
    value = request.form.get(name)
    return value if isinstance(value, str) else None


def linked_booking(request, token_kind="token_hash"):
    """(office, booking) of the link in ``request``; booking None when the link is not (or no longer) valid."""
    office = find_office(link_field(request, "amt"))
    key, code = link_field(request, "zeit"), link_field(request, "code")
    if office is None or not key or not code:
        return office, None
    return office, find(office, key, code, link_field(request, "token"), token_kind)


def keep_private(response):
    """The token is in the address: no caching, no referrer, no search engine."""
    response.setHeader("Cache-Control", "no-store")
    response.setHeader("Referrer-Policy", "no-referrer")
    response.setHeader("X-Robots-Tag", "noindex")
