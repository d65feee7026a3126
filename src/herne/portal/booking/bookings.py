"""Booking, confirming and cancelling a time: the capacity check and the write in one transaction."""

import base64
from datetime import UTC
from datetime import timedelta
import hashlib
from herne.portal import _
from herne.portal.booking.booking_indexes import FILED_FIELDS
from herne.portal.booking.booking_indexes import file_booking
from herne.portal.booking.slots import grid_keys
from herne.portal.booking.storage import BOOKED
from herne.portal.booking.storage import CANCELLED
from herne.portal.booking.storage import CONFIRMED
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.storage import slot_bookings
import hmac
import secrets


#: An unconfirmed booking holds its place this long.
HOLD = timedelta(minutes=30)

FULL = _("Dieser Termin ist leider ausgebucht. Bitte wählen Sie eine andere Zeit.")
NOT_FOUND = _("Diese Buchung gibt es nicht, oder der Link ist nicht (mehr) gültig.")


class SlotFull(Exception):
    """No place left at that time."""


def new_code():
    """An unguessable booking code: 8 characters of base32 (40 bits)."""
    return base64.b32encode(secrets.token_bytes(5)).decode("ascii")


def token_hash(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def book(
    department,
    service_uid,
    start,
    minutes,
    capacity,
    now,
    name,
    email,
    application=None,
    account=None,
    by_staff=False,
    language=None,
):
    """Book ``start`` for ``minutes``; returns (booking, cancel token, confirm token) or raises ``SlotFull``.

    The confirm token goes only into the mail, so that a made-up address cannot confirm. A
    booking the office makes (``by_staff``) is confirmed at once and has no confirm token.

    ``capacity(key)`` gives the places of each grid step (``OfficeSettings.capacity``); a
    number is the same capacity at every step.

    Reads and writes every grid step the visit occupies, so a competing booking of any of
    them makes one of the two transactions conflict (and be retried). Writes the holders of
    the person and the application in the indexes too, so that a competing booking of the
    same person or application conflicts in the same way.
    """
    capacity_at = capacity if callable(capacity) else (lambda _key: capacity)
    tree = office_bookings(department, create=True)
    keys = grid_keys(start, minutes)
    slots = [slot_bookings(tree, key, create=True) for key in keys]
    if any(
        len(slot.occupying(now)) >= capacity_at(key) for key, slot in zip(keys, slots, strict=True)
    ):
        raise SlotFull()
    token = secrets.token_urlsafe(24)
    confirm_token = None if by_staff else secrets.token_urlsafe(24)
    booking = {
        "code": new_code(),
        "state": CONFIRMED if by_staff else BOOKED,
        "service": service_uid,
        "start": start.astimezone(UTC),  # zoneinfo zones do not pickle into the ZODB
        "minutes": minutes,
        "keys": tuple(keys),
        "name": name,
        "email": email,
        "application": application,
        "account": account,  # the logged-in booker, for the per-person limit
        "created": now.astimezone(UTC),
        "hold_until": (now + HOLD).astimezone(UTC),
        "token_hash": token_hash(token),
        "confirm_hash": token_hash(confirm_token) if confirm_token else "",
    }
    if by_staff:
        booking["by_staff"] = True
    if language is not None:  # the language of its mails (i18n.booking_language)
        booking["language"] = language
    for slot in slots:
        slot.add(booking)
    file_booking(department, booking)
    return booking, token, confirm_token


def find(department, key, code, token, kind="token_hash"):
    """The booking with ``code`` at grid key ``key`` if ``token`` is its token (or confirm token), else None."""
    slot = slot_bookings(office_bookings(department), key)
    if slot is None or not token:
        return None
    for booking in slot.bookings:
        if booking["code"] == code and hmac.compare_digest(booking[kind], token_hash(token)):
            return booking
    return None


def change(department, booking, **changes):
    """The one way a stored booking changes: on every grid step it occupies and in the indexes."""
    tree = office_bookings(department)
    for key in booking["keys"]:
        slot_bookings(tree, key).replace(booking["code"], **changes)
    changed = {**booking, **changes}
    if any(field in changes for field in FILED_FIELDS):
        file_booking(department, changed)
    return changed


def cancel(department, booking):
    """Cancel a booking: its places are free again; a cancelled booking stays cancelled."""
    if booking["state"] == CANCELLED:
        return None
    return change(department, booking, state=CANCELLED, token_hash="", confirm_hash="")


def confirm(department, booking, now):
    """Confirm a booking within its hold; None when it has expired or was cancelled."""
    if booking["state"] == CONFIRMED:
        return booking
    if booking["state"] != BOOKED or booking["hold_until"] <= now:
        return None
    return change(department, booking, state=CONFIRMED, confirm_hash="")
