"""Reserving a time: the rules of who may book, the booking and its mail, for every way of booking."""

from herne.portal.booking.application_visit import already_booked
from herne.portal.booking.application_visit import open_booking
from herne.portal.booking.bookings import book
from herne.portal.booking.confirmation_mail import queue_confirmation_mail
from herne.portal.booking.limit import current_account
from herne.portal.booking.limit import limit_message
from herne.portal.booking.limit import limit_reached
from herne.portal.i18n import GERMAN
from herne.portal.i18n import application_language
from herne.portal.i18n import request_language
from zope.globalrequest import getRequest


class ReservationRefused(Exception):
    """The person or the application already holds what the rules allow; nothing was stored.

    ``field`` is where the German ``message`` belongs ("email" or "application"), ``held`` the
    index entries of the open bookings that stand in the way.
    """

    def __init__(self, field, message, held=()):
        super().__init__(message)
        self.field = field
        self.message = message
        self.held = tuple(held)


def mail_language(application, by_staff):
    """The language of a booking's mails: its application's, else the citizen's request's.

    A booking the office makes for a caller without an application is German.
    """
    if application is not None:
        return application_language(application)
    return GERMAN if by_staff else request_language(getRequest())


def reserve(
    department,
    service,
    start,
    capacity,
    now,
    name,
    email,
    application=None,
    minutes=None,
    by_staff=False,
):
    """Book ``start`` for ``service`` and mail the links; returns (booking, cancel token).

    Raises ``ReservationRefused`` when the person holds the allowed number of open bookings of
    the service (by e-mail address and, for a citizen, by account) or the application has an
    open booking, and ``SlotFull``. The rules read the index holders that ``book`` writes in the
    same transaction, so two bookings of one person or application at once conflict and the
    retried one is refused here.

    The confirm token leaves only in the mail, so that a booking made with a made-up address
    expires after its hold. ``application`` is the linked application object (or None); its
    open originals are listed in the mail. ``minutes`` overrides the service's visit length (a
    visit for an application). A booking the office makes for a caller (``by_staff``) is
    confirmed at once, counted by the caller's address only, and mailed only when an address
    was given.
    """
    account = None if by_staff else current_account()
    held = limit_reached(service.UID(), email, account, now)
    if held:
        raise ReservationRefused("email", limit_message(service.UID(), held, account), held)
    booked = open_booking(application, now) if application is not None else None
    if booked is not None:
        raise ReservationRefused("application", already_booked(booked))
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
        account,
        by_staff=by_staff,
        language=mail_language(application, by_staff),
    )
    if email:
        queue_confirmation_mail(
            department, service, booking, token, confirm_token, now, application
        )
    return booking, token
