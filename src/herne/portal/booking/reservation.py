"""Reserving a time for a citizen: the booking and its confirmation mail, for every way of booking."""

from herne.portal.booking.bookings import book
from herne.portal.booking.confirmation_mail import queue_confirmation_mail
from herne.portal.booking.limit import current_account


def reserve(department, service, start, capacity, now, name, email, application=None, minutes=None):
    """Book ``start`` for ``service`` and mail the confirm link; returns (booking, cancel token).

    Raises ``SlotFull``. The confirm token leaves only in the mail, so that a booking made
    with a made-up address expires after its hold. ``application`` is the linked application
    object (or None); its open originals are listed in the mail. ``minutes`` overrides the
    service's visit length (a visit for an application).
    """
    booking, token, confirm_token = book(
        department,
        service.UID(),
        start,
        minutes or service.visit_minutes,
        capacity,
        now,
        name,
        email,
        application.UID() if application is not None else None,
        current_account(),
    )
    queue_confirmation_mail(department, service, booking, token, confirm_token, now, application)
    return booking, token
