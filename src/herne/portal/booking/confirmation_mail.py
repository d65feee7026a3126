"""The German confirmation mail of a new or moved booking: time, place, what to bring, code (and its QR), links, ``.ics``."""

from email.message import EmailMessage
from email.utils import formataddr
from herne.portal import _
from herne.portal.applications.office import office as office_of
from herne.portal.booking.calendar_file import booking_calendar
from herne.portal.booking.links import CANCEL_PAGE
from herne.portal.booking.links import CONFIRM_PAGE
from herne.portal.booking.links import MOVE_PAGE
from herne.portal.booking.links import SHOW_PAGE
from herne.portal.booking.links import page_url
from herne.portal.booking.mail_html import add_code_html
from herne.portal.booking.mail_text import visit_lines
from herne.portal.booking.mail_text import visit_mapping
from herne.portal.content.application import IApplication
from herne.portal.controlpanels.portal import portal_sender
from herne.portal.formats import german_date
from herne.portal.formats import german_datetime
from herne.portal.formats import german_time
from herne.portal.i18n import GERMAN
from herne.portal.i18n import booking_language
from herne.portal.i18n import in_language
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


def confirmation_text(
    department, service, booking, cancel_token, confirm_token, application=None, moved_from=None
):
    """(subject, body) of the mail; the tokens appear only in the links.

    Without ``confirm_token`` (a booking the office made, or a confirmed one moved) there is no
    confirm link. ``moved_from`` is the booking this one replaces.
    """
    language = booking_language(booking)

    def text(message):
        return in_language(message, language)

    place = office_of(department)
    mapping = visit_mapping(service.title, booking)
    mapping["deadline"] = german_datetime(booking["hold_until"])
    subject = text(
        _(
            "Ihr Termin am ${date} um ${time} Uhr: ${service}",
            mapping=mapping,
        )
    )
    lines = [
        text(_("Guten Tag ${name},", mapping=mapping)),
        "",
        moved_text(moved_from, language)
        if moved_from is not None
        else text(_("Sie haben bei der Stadt Herne einen Termin reserviert.")),
        "",
        *visit_lines(mapping, place, language),
        "",
    ]
    if confirm_token is None and moved_from is not None:
        lines.append(text(_("Der neue Termin ist bestätigt.")))
    elif confirm_token is None:  # booked by the office: confirmed already
        lines.append(
            text(_("Die Stadt Herne hat diesen Termin für Sie gebucht; er ist bestätigt."))
        )
    else:
        lines += [
            text(
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
        lines += ["", text(_("Bitte bringen Sie mit:")), *(f"- {name}" for name in documents)]
    lines += [
        "",
        text(_("Ihren Termin mit dem Buchungscode als QR-Code zum Vorzeigen am Schalter:")),
        page_url(SHOW_PAGE, department, booking, cancel_token),
        "",
        text(_("Wenn Sie eine andere Zeit möchten, verschieben Sie den Termin hier:")),
        page_url(MOVE_PAGE, department, booking, cancel_token),
        "",
        text(_("Wenn Sie den Termin nicht wahrnehmen können, sagen Sie ihn bitte hier ab:")),
        page_url(CANCEL_PAGE, department, booking, cancel_token),
        "",
        text(_("Den Termin für Ihren Kalender finden Sie im Anhang (termin.ics).")),
        "",
        text(_("Mit freundlichen Grüßen")),
        text(_("Ihre Stadt Herne")),
    ]
    return subject, "\n".join(lines) + "\n"


def moved_text(old, language=GERMAN):
    """The first sentence of the mail of a moved booking: the old time is given up."""
    return in_language(
        _(
            "Sie haben Ihren Termin verschoben. Der bisherige Termin am ${date} um ${time} Uhr "
            "ist abgesagt; sein Link gilt nicht mehr.",
            mapping={"date": german_date(old["start"]), "time": german_time(old["start"])},
        ),
        language,
    )


def queue_confirmation_mail(
    department,
    service,
    booking,
    cancel_token,
    confirm_token,
    now,
    application=None,
    moved_from=None,
):
    """Queue the mail to the booking's address; it leaves when the booking is committed.

    Plain text with an HTML alternative that shows the booking code as a QR image (only the
    code: the counter's scanner reads it into the day list), and the ``.ics`` file.
    """
    sender_name, sender = portal_sender()
    if not sender:
        logger.warning(
            "No sender address in the mail settings: booking %s not mailed", booking["code"]
        )
        return False
    subject, body = confirmation_text(
        department, service, booking, cancel_token, confirm_token, application, moved_from
    )
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = formataddr((sender_name, sender))
    message["To"] = booking["email"]
    message.set_content(body, cte="quoted-printable")
    add_code_html(message, body, booking["code"], booking_language(booking))
    message.add_attachment(
        # as text, so that the attachment declares its charset (UTF-8 umlauts in the place)
        booking_calendar(booking, office_of(department), service.title, now).decode("utf-8"),
        subtype="calendar",
        filename="termin.ics",
    )
    deliver(message, f"booking {booking['code']}")
    return True
