"""Self-registration that survives a mail server that is down: the account is created and the set-password mail follows."""

from email import message_from_string
from email.message import EmailMessage
from herne.portal import _
from herne.portal.mail_delivery import deliver
from herne.portal.mail_delivery import mail_server_answers
from plone import api
from plone.app.users.browser.register import RegistrationForm
from Products.statusmessages.interfaces import IStatusMessage
from zope.component import getMultiAdapter


#: What a newcomer reads when the set-password mail has to wait for the mail server.
REGISTRATION_MAIL_DELAYED = _(
    "Ihr Benutzerkonto ist angelegt. Die E-Mail mit dem Link zum Festlegen Ihres "
    "Passworts folgt etwas später: Unser Mailserver ist gerade nicht erreichbar. Sie wird "
    "verschickt, sobald der Versand wieder möglich ist."
)


def set_password_mail(userid, request):
    """Plone's registration mail (``registered_notify_template``) with its set-password link."""
    registration = api.portal.get_tool("portal_registration")
    member = api.user.get(userid=userid)
    email = member.getProperty("email")
    reset = api.portal.get_tool("portal_password_reset").requestReset(userid)
    template = getMultiAdapter((registration, request), name="registered_notify_template")
    text = template(member=member, reset=reset, email=email, charset="utf-8").strip()
    headers, _separator, body = text.replace("\r\n", "\n").partition("\n\n")
    parsed = message_from_string(headers + "\n\n")
    message = EmailMessage()
    for name in ("Subject", "From", "To"):
        message[name] = parsed[name]
    message.set_content(body, cte="quoted-printable")
    return message


class HerneRegistrationForm(RegistrationForm):
    """Plone's registration form; while the mail server is down, the account stays and the mail is kept.

    Plone sends the set-password mail at once and, when that fails, deletes the new
    account again and shows an error: the newcomer would have to start over later.
    """

    def handle_join_success(self, data):
        if data.get("password") or mail_server_answers():
            return super().handle_join_success(data)
        # A password nobody knows keeps Plone from mailing; the link in our kept mail sets it.
        data["password"] = api.portal.get_tool("portal_registration").generatePassword()
        data["mail_me"] = False
        result = super().handle_join_success(data)
        if self._finishedRegister:
            userid = data.get("user_id") or data["username"]
            deliver(set_password_mail(userid, self.request), f"registration of {userid}")
            IStatusMessage(self.request).add(REGISTRATION_MAIL_DELAYED, type="warning")
        return result
