"""The German confirmation mail of a new booking: time, place, what to bring, code, links and ``.ics``."""

from email.message import EmailMessage
from email.utils import formataddr
from herne.portal import _
from herne.portal.applications.office import office as office_of
from herne.portal.booking.calendar_file import booking_calendar
from herne.portal.booking.links import CANCEL_PAGE
from herne.portal.booking.links import CONFIRM_PAGE
from herne.portal.booking.links import page_url
from herne.portal.booking.mail_text import visit_lines
from herne.portal.booking.mail_text import visit_mapping
from herne.portal.content.application import IApplication
from herne.portal.controlpanels.portal import portal_sender
from herne.portal.formats import german_datetime
from herne.portal.i18n import in_german
from herne.portal.mail_delivery import deliver
from herne.portal.workflow.application import open_originals
import logging


logger = logging.getLogger(__name__)


def things_to_bring(service, application=None):
    """The service's documents, then the linked application's originals not yet shown, once each."""
    names = [row["name"] for row in getattr(service, "required_documents", None) or ()]
    if IApplication.providedBy(application):
        names += open_originals(application)
    return list(dict.fromkeys(name.strip() for name in names if name and name.strip()))


def confirmation_text(department, service, booking, cancel_token, confirm_token, application=None):
    """(subject, body) of the mail; the tokens appear only in the two links.

    Without ``confirm_token`` (a booking the office made, confirmed at once) there is no confirm link.
    """
    place = office_of(department)
    mapping = visit_mapping(service.title, booking)
    mapping["deadline"] = german_datetime(booking["hold_until"])
    subject = in_german(
        _(
            "Ihr Termin am ${date} um ${time} Uhr: ${service}",
            mapping=mapping,
        )
    )
    lines = [
        in_german(_("Guten Tag ${name},", mapping=mapping)),
        "",
        in_german(_("Sie haben bei der Stadt Herne einen Termin reserviert.")),
        "",
        *visit_lines(mapping, place),
        "",
    ]
    if confirm_token is None:  # booked by the office: confirmed already
        lines.append(
            in_german(_("Die Stadt Herne hat diesen Termin für Sie gebucht; er ist bestätigt."))
        )
    else:
        lines += [
            in_german(
                _(
                    "Bitte bestätigen Sie den Termin bis ${deadline} über diesen Link. "
                    "Ohne Bestätigung verfällt die Reservierung.",
                    mapping=mapping,
                )
            ),
            page_url(CONFIRM_PAGE, department, booking, confirm_token),
        ]
    documents = things_to_bring(service, application)
    if documents:
        lines += ["", in_german(_("Bitte bringen Sie mit:")), *(f"- {name}" for name in documents)]
    lines += [
        "",
        in_german(_("Wenn Sie den Termin nicht wahrnehmen können, sagen Sie ihn bitte hier ab:")),
        page_url(CANCEL_PAGE, department, booking, cancel_token),
        "",
        in_german(_("Den Termin für Ihren Kalender finden Sie im Anhang (termin.ics).")),
        "",
        in_german(_("Mit freundlichen Grüßen")),
        in_german(_("Ihre Stadt Herne")),
    ]
    return subject, "\n".join(lines) + "\n"


def queue_confirmation_mail(
    department, service, booking, cancel_token, confirm_token, now, application=None
):
    """Queue the mail to the booking's address; it leaves when the booking is committed."""
    sender_name, sender = portal_sender()
    if not sender:
        logger.warning(
            "No sender address in the mail settings: booking %s not mailed", booking["code"]
        )
        return False
    subject, body = confirmation_text(
        department, service, booking, cancel_token, confirm_token, application
    )
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = formataddr((sender_name, sender))
    message["To"] = booking["email"]
    message.set_content(body, cte="quoted-printable")
    message.add_attachment(
        # as text, so that the attachment declares its charset (UTF-8 umlauts in the place)
        booking_calendar(booking, office_of(department), service.title, now).decode("utf-8"),
        subtype="calendar",
        filename="termin.ics",
    )
    deliver(message, f"booking {booking['code']}")
    return True
