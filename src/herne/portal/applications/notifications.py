"""German e-mails about applications, handed to the MailHost's transaction-aware queue."""

from email.message import EmailMessage
from email.utils import formataddr
from herne.portal import _
import logging
from plone import api
from zope.i18n import translate


logger = logging.getLogger(__name__)


def _de(message):
    return translate(message, target_language="de")


def queue_receipt_mail(application, member):
    """The confirmation of receipt; sent when the transaction commits, never on a retry."""
    email = member.getProperty("email")
    if not email:
        return False
    portal = api.portal.get()
    message = EmailMessage()
    message["Subject"] = _de(
        _(
            "Eingangsbestätigung ${reference}: ${service}",
            mapping={
                "reference": application.reference_number,
                "service": application.service_title,
            },
        )
    )
    sender_name = (
        api.portal.get_registry_record("plone.email_from_name", default="") or portal.title
    )
    sender = api.portal.get_registry_record("plone.email_from_address", default="")
    if not sender:
        # The application is stored either way; the site administrator must set up mail.
        logger.warning("No sender address in the mail settings: receipt mail not sent")
        return False
    message["From"] = formataddr((sender_name, sender))
    message["To"] = email
    mapping = {
        "name": application.applicant_name or member.getId(),
        "service": application.service_title,
        "date": application.submitted.strftime("%d.%m.%Y um %H:%M Uhr"),
        "reference": application.reference_number,
        "url": application.absolute_url(),
    }
    paragraphs = [
        _("Guten Tag ${name},", mapping=mapping),
        _(
            "Ihr Antrag „${service}“ ist am ${date} bei der Stadt Herne eingegangen.",
            mapping=mapping,
        ),
        _("Ihr Aktenzeichen lautet: ${reference}", mapping=mapping),
        _("Den Stand Ihres Antrags und die Eingangsbestätigung als PDF finden Sie hier:"),
    ]
    closing = [_("Mit freundlichen Grüßen"), _("Ihre Stadt Herne")]
    body = "\n\n".join(_de(text) for text in paragraphs)
    body += f"\n{mapping['url']}\n\n" + "\n".join(_de(text) for text in closing) + "\n"
    message.set_content(body)
    # immediate=False: the MailHost hands the mail over when the transaction commits,
    # so a request that Zope retries after a ConflictError does not send it twice.
    api.portal.get_tool("MailHost").send(message, immediate=False)
    return True
