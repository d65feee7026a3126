"""The German mail to a citizen whose booking was cancelled (by a block, or at the caller's request): a link to book again, then the details."""

from email.message import EmailMessage
from email.utils import formataddr
from herne.portal import _
from herne.portal.applications.office import office as office_of
from herne.portal.booking.application_visit import booking_url
from herne.portal.booking.mail_text import visit_lines
from herne.portal.booking.mail_text import visit_mapping
from herne.portal.booking.offices import unrestricted_object
from herne.portal.controlpanels.portal import portal_sender
from herne.portal.i18n import booking_language
from herne.portal.i18n import in_language
from herne.portal.mail_delivery import deliver
import logging
from plone import api
from urllib.parse import urlencode


logger = logging.getLogger(__name__)


def rebook_url(department, booking):
    """Where to book again: the application's visit link, else "Termin buchen" of the service at this office."""
    with api.env.adopt_roles(["Manager"]):  # the clerk need not see the citizen's application
        application = (
            unrestricted_object(booking["application"]) if booking.get("application") else None
        )
        url = booking_url(application) if application is not None else None
    if url is not None:
        return url
    service = unrestricted_object(booking["service"])
    query = urlencode({"office": department.getId()})
    return f"{service.absolute_url()}/@@termin-buchen?{query}"


def cancellation_text(department, booking, asked=False):
    """(subject, body): the rebooking link before anything else, then what, when and where.

    ``asked``: the caller asked the office to cancel (by phone or at the counter), so the
    mail confirms it instead of apologising.
    """
    language = booking_language(booking)

    def text(message):
        return in_language(message, language)

    service = unrestricted_object(booking["service"])
    mapping = visit_mapping(service.title if service is not None else "", booking)
    if asked:
        subject = _("Ihr Termin ist abgesagt: ${date} um ${time} Uhr", mapping=mapping)
        intro = _(
            "wie gewünscht haben wir Ihren Termin abgesagt. Wenn Sie einen neuen Termin "
            "möchten, buchen Sie ihn bitte über diesen Link:"
        )
        heading = _("Der abgesagte Termin:")
        closing = []
    else:
        subject = _("Ihr Termin muss leider entfallen: ${date} um ${time} Uhr", mapping=mapping)
        intro = _(
            "Ihr Termin muss leider entfallen. Bitte buchen Sie über diesen Link einen neuen Termin:"
        )
        heading = _("Der entfallene Termin:")
        closing = [text(_("Wir bitten um Entschuldigung.")), ""]
    lines = [
        text(_("Guten Tag ${name},", mapping=mapping)),
        "",
        text(intro),
        rebook_url(department, booking),
        "",
        text(heading),
        *visit_lines(mapping, office_of(department), language),
        "",
        *closing,
        text(_("Mit freundlichen Grüßen")),
        text(_("Ihre Stadt Herne")),
    ]
    return text(subject), "\n".join(lines) + "\n"


def queue_cancellation_mail(department, booking, asked=False):
    """Queue the mail to the booking's address; it leaves when the cancellation is committed."""
    sender_name, sender = portal_sender()
    if not sender:
        logger.warning(
            "No sender address in the mail settings: cancelled %s not mailed", booking["code"]
        )
        return False
    subject, body = cancellation_text(department, booking, asked)
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = formataddr((sender_name, sender))
    message["To"] = booking["email"]
    message.set_content(body, cte="quoted-printable")
    deliver(message, f"booking {booking['code']} cancelled")
    return True
