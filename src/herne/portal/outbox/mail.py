"""Sender of outbox entries of kind "mail": renders the application's mail now and hands it to the mail server."""

from herne.portal import _
from herne.portal.applications.notifications import render_mail
from herne.portal.i18n import in_german
from herne.portal.mail_delivery import with_crlf
from herne.portal.outbox.interfaces import IOutboxSender
from herne.portal.outbox.interfaces import PermanentDeliveryError
from herne.portal.outbox.interfaces import TemporaryDeliveryError
from plone import api
import smtplib
from zope.interface import implementer


GONE = _("Der Antrag ist nicht mehr vorhanden.")
REFUSED = _("Der Mailserver lehnt die Empfängeradresse ab (${codes}).")
UNREACHABLE = _("Mailserver nicht erreichbar oder Fehler: ${error}")


@implementer(IOutboxSender)
class MailSender:
    """Sends at once (not at commit): the outbox records whether the server took the mail."""

    def send(self, entry, application):
        if application is None:
            raise PermanentDeliveryError(in_german(GONE))
        message = render_mail(entry, application)
        if message is None:
            return {"sent": False}  # no address or no text any more: nothing to deliver
        mailhost = api.portal.get_tool("MailHost")
        try:
            mailhost.send(with_crlf(message), immediate=True)
        except smtplib.SMTPRecipientsRefused as error:
            raise PermanentDeliveryError(
                in_german(_(REFUSED, mapping={"codes": _codes(error)}))
            ) from error
        except (OSError, smtplib.SMTPException) as error:
            raise TemporaryDeliveryError(
                in_german(_(UNREACHABLE, mapping={"error": type(error).__name__}))
            ) from error
        return {"sent": True, "message_id": str(message["Message-ID"])}


def _codes(error):
    return ", ".join(str(code) for code, _text in error.recipients.values())
