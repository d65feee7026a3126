"""The per-person limit: open bookings of one service, counted by e-mail address and by account."""

from herne.portal import _
from herne.portal.booking.booking_indexes import filed_booking
from herne.portal.booking.person_index import account_codes
from herne.portal.booking.person_index import person_entries
from herne.portal.booking.settings import booking_setting
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import BOOKED
from herne.portal.booking.storage import CONFIRMED
from plone import api


LIMIT_REACHED = _(
    "Sie haben für diese Leistung bereits einen offenen Termin. Sie können ihn über den Link "
    "in Ihrer Bestätigungsmail verschieben oder absagen."
)
OWN_BOOKING_HELD = _(
    "Sie haben für diese Leistung bereits einen offenen Termin: ${date} um ${time} Uhr "
    "(Buchungscode ${code}). Sie können ihn über den Link in Ihrer Bestätigungsmail "
    "verschieben oder absagen."
)
OWN_VISIT_HELD = _(
    "Sie haben für diese Leistung bereits einen offenen Termin: ${date} um ${time} Uhr "
    "(Buchungscode ${code}). Sie können ihn in Ihrem Postkorb beim Antrag oder über den Link "
    "in Ihrer Bestätigungsmail verschieben oder absagen."
)


def limit_per_person():
    """Open bookings a person may hold per service (registry ``herne.portal.booking.limit_per_person``)."""
    return booking_setting("limit_per_person")


def current_account():
    """The logged-in user's id, None for anonymous."""
    if api.user.is_anonymous():
        return None
    return api.user.get_current().getId()


def is_open(booking, now):
    """Gebucht and held, or bestätigt; in the future."""
    if booking["start"] <= now:
        return False
    return booking["state"] == CONFIRMED or (
        booking["state"] == BOOKED and booking["hold_until"] > now
    )


def open_bookings(service_uid, email, account, now):
    """The index entries of the open bookings of the service the person (address or account) holds.

    Read from the per-person index, whose holders the next booking of this person writes: two
    bookings of one person at once conflict, and the retried one sees the first here.
    """
    return [entry for entry in person_entries(service_uid, email, account) if is_open(entry, now)]


def limit_reached(service_uid, email, account, now):
    """The person's open bookings of the service when they hold the allowed number, else None."""
    held = open_bookings(service_uid, email, account, now)
    return held if len(held) >= limit_per_person() else None


def limit_message(service_uid, held, account):
    """The German refusal of the limit: how to move or cancel the booking that stands in the way.

    Its time and code only when it is the caller's own by account: an address alone is no
    proof, and whoever types someone else's must not learn when that person comes.
    """
    own = account_codes(service_uid, account)
    for entry in held:
        if entry["code"] not in own:
            continue
        booking = filed_booking(entry)
        start = entry["start"].astimezone(BERLIN)
        return _(
            OWN_VISIT_HELD
            if booking is not None and booking.get("application")
            else OWN_BOOKING_HELD,
            mapping={
                "date": start.strftime("%d.%m.%Y"),
                "time": start.strftime("%H:%M"),
                "code": entry["code"],
            },
        )
    return LIMIT_REACHED
