"""The accessibility statement ("Erklärung zur Barrierefreiheit") and its feedback form."""

from babel.dates import format_date
from datetime import date
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formataddr
from herne.portal import _
from herne.portal.browser.form_errors import announce_errors
from herne.portal.browser.form_errors import tie_errors_to_fields
from herne.portal.browser.trusted_domain import official_url
from herne.portal.content.validators import ascii_address
from herne.portal.content.validators import valid_email
from herne.portal.controlpanels.portal import portal_sender
from herne.portal.i18n import in_german
from herne.portal.mail_delivery import deliver
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
import unicodedata
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.error import ErrorViewMessage
from zope import schema
from zope.component import getMultiAdapter
from zope.interface import Interface
from zope.schema import ValidationError
from zope.schema.interfaces import RequiredMissing


PAGE_NAME = "erklaerung-barrierefreiheit"

#: When the statement was prepared; update it with every review of the statement.
STATEMENT_DATE = date(2026, 11, 26)

#: The enforcement body for public bodies of North Rhine-Westphalia, municipalities
#: included (§§ 10d, 10e BGG NRW, §§ 9 ff. BITV NRW). The federal Schlichtungsstelle
#: nach § 16 BGG is only for federal bodies.
OMBUDS_URL = "https://www.lbbp.nrw.de/ombudsstelle"
OMBUDS_EMAIL = "ombudsstelle-barrierefreie-it@mags.nrw.de"

#: The feedback form's own limits: a message to the city about a barrier, not a message
#: on an application (those are in applications/limits.py and may change on their own).
MESSAGE_MAX_LENGTH = 5000
NAME_MAX_LENGTH = 100
PAGE_MAX_LENGTH = 500

AUTOCOMPLETE = {
    "name": {"autocomplete": "name"},
    "email": {"autocomplete": "email", "inputmode": "email"},
}


class MessageTooLong(ValidationError):
    __doc__ = _("Die Nachricht ist zu lang (höchstens 5000 Zeichen).")


class ControlCharacters(ValidationError):
    __doc__ = _("Bitte verwenden Sie hier keine Zeilenumbrüche oder Steuerzeichen.")


def single_line(value):
    """No line breaks or control characters: the name goes into the Reply-To header."""
    if value and any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in value):
        raise ControlCharacters(value)
    return True


def message_not_too_long(value):
    if value and len(value) > MESSAGE_MAX_LENGTH:
        raise MessageTooLong(value)
    return True


class IAccessibilityFeedback(Interface):
    """What a visitor tells the city about a barrier."""

    name = schema.TextLine(
        title=_("Ihr Name (freiwillig)"),
        required=False,
        max_length=NAME_MAX_LENGTH,
        constraint=single_line,
    )
    email = schema.TextLine(
        title=_("Ihre E-Mail-Adresse (freiwillig)"),
        description=_("Nur wenn Sie eine Antwort möchten."),
        required=False,
        constraint=valid_email,
    )
    page = schema.TextLine(
        title=_("Seite oder Adresse, um die es geht (freiwillig)"),
        description=_("Zum Beispiel die Adresse der Seite oder der Name der Leistung."),
        required=False,
        max_length=PAGE_MAX_LENGTH,
        constraint=single_line,
    )
    message = schema.Text(
        title=_("Ihre Nachricht"),
        description=_(
            "Beschreiben Sie bitte die Barriere, oder welche Information Sie in welcher Form "
            "brauchen. Höchstens 5000 Zeichen."
        ),
        required=True,
        constraint=message_not_too_long,
    )


MessageMissing = ErrorViewMessage(
    _("Bitte schreiben Sie uns, welche Barriere Sie gefunden haben."),
    error=RequiredMissing,
    field=IAccessibilityFeedback["message"],
)


def feedback_recipient():
    """Where feedback goes: the site's sender address from the mail settings, or None."""
    return portal_sender()[1]


def feedback_mail(data, statement_url):
    """The mail to the city: from the portal's own address, Reply-To the visitor if given."""
    sender_name, recipient = portal_sender()
    message = EmailMessage()
    message["Subject"] = in_german(_("Rückmeldung zur Barrierefreiheit des Serviceportals"))
    # The portal's own address as sender: a visitor's address there would fail SPF/DMARC.
    message["From"] = formataddr((sender_name, recipient))
    message["To"] = recipient
    name = (data.get("name") or "").strip()
    email = ascii_address(data.get("email"))
    if email:
        message["Reply-To"] = Address(display_name=name, addr_spec=email)
    missing = in_german(_("nicht angegeben"))
    facts = (
        (_("Name"), name),
        (_("E-Mail"), email),
        (_("Betroffene Seite"), (data.get("page") or "").strip()),
    )
    lines = [
        in_german(_("Über die Erklärung zur Barrierefreiheit ist eine Rückmeldung eingegangen.")),
        "",
        *(f"{in_german(label)}: {value or missing}" for label, value in facts),
        "",
        in_german(_("Nachricht")) + ":",
        data["message"].strip(),
        "",
        "-- ",
        statement_url,
    ]
    # Quoted-printable keeps every line short, whatever the visitor typed.
    message.set_content("\n".join(lines) + "\n", cte="quoted-printable")
    return message


class AccessibilityStatementForm(form.Form):
    """The statement page; its feedback form sends a mail to the city."""

    template = ViewPageTemplateFile("templates/accessibility_statement.pt")
    fields = field.Fields(IAccessibilityFeedback)
    ignoreContext = True
    id = "herne-accessibility-feedback-form"
    # The page is long: the form must not grab the focus and scroll past the statement.
    enable_autofocus = False
    # We check the token ourselves to answer in German instead of with a bare 403.
    enableCSRFProtection = False

    @property
    def action(self):
        # Back to the form after an error, not to the top of the long page.
        return f"{self.page_url()}#herne-feedback"

    def page_url(self):
        return f"{api.portal.get().absolute_url()}/@@{PAGE_NAME}"

    def statement_date(self):
        return format_date(STATEMENT_DATE, format="long", locale="de_DE")

    def statement_date_iso(self):
        return STATEMENT_DATE.isoformat()

    def official_url(self):
        return official_url()

    def contact_email(self):
        return feedback_recipient() or None

    def ombuds_url(self):
        return OMBUDS_URL

    def ombuds_email(self):
        return OMBUDS_EMAIL

    def updateWidgets(self):
        super().updateWidgets()
        widget = self.widgets["page"]
        if not self.request.form.get(widget.name) and self.request.method != "POST":
            widget.value = self.referring_page() or ""

    def update(self):
        super().update()
        # WCAG 1.3.5: browsers may fill in the visitor's own name and address.
        for name, purpose in AUTOCOMPLETE.items():
            self.widgets[name].attributes.update(purpose)

    def referring_page(self):
        """The portal page the visitor came from by the footer link, to save typing."""
        referer = self.request.get("HTTP_REFERER") or ""
        portal_url = api.portal.get().absolute_url()
        if not referer.startswith(f"{portal_url}/") and referer != portal_url:
            return None
        if PAGE_NAME in referer:
            return None
        return referer[:PAGE_MAX_LENGTH]

    def token_valid(self):
        return getMultiAdapter((self.context, self.request), name="authenticator").verify()

    @button.buttonAndHandler(_("Rückmeldung senden"), name="send")
    def handle_send(self, action):
        if self.request.method != "POST":
            return
        data, errors = self.extractData()
        if not self.token_valid():
            tie_errors_to_fields(self)
            # The entered text stays in the form, with a fresh token for the next try;
            # as the form's error message the status is shown as an error.
            self.status = self.formErrorsMessage = _(
                "Das Formular war zu lange geöffnet oder ist ungültig. Bitte senden Sie es "
                "noch einmal."
            )
            return
        if errors:
            announce_errors(self)
            return
        if not feedback_recipient():
            self.status = self.formErrorsMessage = _(
                "Ihre Rückmeldung kann gerade nicht gesendet werden. Bitte versuchen Sie es "
                "später noch einmal."
            )
            return
        # Sent when the transaction commits, never twice on a retry; kept while the server is down.
        if deliver(feedback_mail(data, self.page_url()), "accessibility feedback"):
            thanks = _(
                "Vielen Dank! Ihre Rückmeldung zur Barrierefreiheit ist bei der Stadt Herne "
                "eingegangen."
            )
        else:
            thanks = _(
                "Vielen Dank! Ihre Rückmeldung zur Barrierefreiheit ist gespeichert. Unser "
                "Mailserver ist gerade nicht erreichbar; sie erreicht die Stadt Herne, sobald "
                "der Versand wieder möglich ist."
            )
        IStatusMessage(self.request).add(thanks, type="info")
        self.request.response.redirect(self.page_url())
