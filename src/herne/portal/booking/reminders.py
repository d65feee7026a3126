"""The reminder mail the day before a confirmed booking, sent exactly once per booking."""

from datetime import timedelta
from email.message import EmailMessage
from email.utils import formataddr
from herne.portal import _
from herne.portal.applications.office import office as office_of
from herne.portal.booking.bookings import change
from herne.portal.booking.mail_html import add_code_html
from herne.portal.booking.mail_text import visit_lines
from herne.portal.booking.mail_text import visit_mapping
from herne.portal.booking.offices import each_booking
from herne.portal.booking.offices import offices_with_bookings
from herne.portal.booking.offices import unrestricted_object
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import CONFIRMED
from herne.portal.controlpanels.portal import portal_sender
from herne.portal.i18n import booking_language
from herne.portal.i18n import in_language
from herne.portal.mail_delivery import deliver
import transaction


def reminder_text(department, service_title, booking):
    """(subject, body) of the reminder, in the language of the booking."""
    language = booking_language(booking)

    def text(message):
        return in_language(message, language)

    place = office_of(department)
    mapping = visit_mapping(service_title, booking)
    subject = text(_("Erinnerung: Ihr Termin morgen um ${time} Uhr", mapping=mapping))
    lines = [
        text(_("Guten Tag ${name},", mapping=mapping)),
        "",
        text(_("wir erinnern Sie an Ihren Termin bei der Stadt Herne.")),
        "",
        *visit_lines(mapping, place, language),
        "",
        text(_("Mit freundlichen Grüßen")),
        text(_("Ihre Stadt Herne")),
    ]
    return subject, "\n".join(lines) + "\n"


def due_reminders(tree, day):
    """The confirmed bookings on ``day`` (Berlin) that have not been reminded and have an address
    (a caller booked at the counter may have none)."""
    low = day.strftime("%Y-%m-%d")
    return [
        booking
        for booking in each_booking(tree, low, low + "U")
        if booking["state"] == CONFIRMED
        and booking.get("email")
        and not booking.get("reminded")
        and booking["start"].astimezone(BERLIN).date() == day
    ]


def remind(department, tree, booking):
    """Queue the reminder and mark the booking reminded: both happen at the same commit."""
    sender_name, sender = portal_sender()
    service = unrestricted_object(booking["service"])
    subject, body = reminder_text(department, getattr(service, "title", ""), booking)
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = formataddr((sender_name, sender))
    message["To"] = booking["email"]
    message.set_content(body, cte="quoted-printable")
    add_code_html(message, body, booking["code"], booking_language(booking))  # for the counter
    deliver(message, f"booking reminder {booking['code']}")
    change(department, booking, reminded=True)


def send_reminders(now, commit=transaction.commit):
    """Remind every confirmed booking of tomorrow, one transaction per booking; returns how many.

    A booking is marked reminded in the transaction that queues its mail, and the mail
    leaves only when that transaction commits: a second run, or a run after one killed
    halfway, reminds only the bookings not reminded yet.
    """
    tomorrow = now.astimezone(BERLIN).date() + timedelta(days=1)
    sent = 0
    for department, tree in list(offices_with_bookings()):
        for booking in due_reminders(tree, tomorrow):
            remind(department, tree, booking)
            commit()
            sent += 1
    return sent
