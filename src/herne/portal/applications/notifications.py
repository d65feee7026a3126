"""E-mails about applications (the citizen's in their language, the department's in German), written to the outbox and rendered when sent; letters for "Brief"."""

from email.message import EmailMessage
from email.utils import formataddr
import hashlib
from herne.portal import _
from herne.portal.applications.contact import by_letter
from herne.portal.applications.contact import email_address
from herne.portal.applications.letters import add_letter
from herne.portal.applications.mail_texts import state_in
from herne.portal.applications.mail_texts import text_in
from herne.portal.applications.mail_texts import with_german_decision
from herne.portal.applications.messages import messages_of
from herne.portal.applications.office import department_of
from herne.portal.applications.office import office_text
from herne.portal.assist.capacity import HELPER
from herne.portal.assist.claim import claim_letter_paragraphs
from herne.portal.assist.provenance import provenance_text
from herne.portal.booking.application_visit import booking_url
from herne.portal.controlpanels.portal import portal_sender
from herne.portal.formats import datetime_message
from herne.portal.i18n import GERMAN
from herne.portal.i18n import application_language
from herne.portal.i18n import in_german
from herne.portal.i18n import in_language
from herne.portal.mail_delivery import mail_server_answered_lately
from herne.portal.mail_delivery import note_mail_kept
from herne.portal.outbox.storage import enqueue
from herne.portal.translated_titles import service_title_in
from herne.portal.workflow.application import open_originals
import logging
from plone import api
import secrets
from string import Template


logger = logging.getLogger(__name__)


def compose(to, subject, body, message_id=None):
    """The mail as it leaves: quoted-printable, the portal's sender; None without a sender."""
    sender_name, sender = portal_sender()
    if not sender:
        # The application is stored either way; the site administrator must set up mail.
        logger.warning("No sender address in the mail settings: mail %r not sent", subject)
        return None
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = formataddr((sender_name, sender))
    message["To"] = to
    if message_id:
        message["Message-ID"] = message_id
    # Quoted-printable keeps every line short, whatever editors type into the texts.
    message.set_content(body, cte="quoted-printable")
    return message


def _enqueue(application, event, destination, key_part, details=None):
    """An outbox entry of kind "mail": rendered and sent by the worker after commit (``outbox.mail``)."""
    uid = api.content.get_uuid(application)
    key = f"mail:{uid}:{event}:{destination}:{key_part}"
    enqueue(application, "mail", event, destination, key=key, details=details)
    if not mail_server_answered_lately():
        # The outbox sends it once the server answers; the citizen is told it follows.
        note_mail_kept(f"{event} of application {application.reference_number}")
    return True


def _applicant(application):
    return api.user.get(userid=application.applicant) if application.applicant else None


def entered_for_you(application):
    """The receipt's notice that someone else entered the application, and who; [] when the applicant did.

    Anyone whose account has the form's e-mail address gets the application: the
    mail and the letter say plainly that it was not they who applied.
    """
    if not application.entry:
        return []
    mapping = {"provenance": provenance_text(application.entry)}
    if application.entry.get("capacity") == HELPER:
        return [
            _(
                "Diesen Antrag hat jemand anderes für Sie gestellt: ${provenance}. Wenn Sie "
                "damit nicht einverstanden sind, widerrufen Sie bitte die Einwilligung auf der "
                "Seite des Antrags oder wenden Sie sich an die zuständige Stelle.",
                mapping=mapping,
            )
        ]
    return [
        _(
            "Diesen Antrag hat die Stadt für Sie erfasst: ${provenance}. Wenn Sie ihn nicht "
            "gestellt haben, wenden Sie sich bitte an die zuständige Stelle.",
            mapping=mapping,
        )
    ]


def _receipt_text(application, member, claim_code=None):
    """Subject and body of the confirmation of receipt, in the language applied in."""
    language = application_language(application)

    def text(message):
        return in_language(message, language)

    mapping = {
        "name": application.applicant_name or (member.getId() if member is not None else ""),
        "service": service_title_in(application, language),
        "date": text(datetime_message(application.submitted)),
        "reference": application.reference_number,
        "url": application.absolute_url(),
    }
    subject = text(
        _(
            "Eingangsbestätigung ${reference}: ${service}",
            mapping={
                "reference": application.reference_number,
                "service": mapping["service"],
            },
        )
    )
    paragraphs = [
        _("Guten Tag ${name},", mapping=mapping),
        _(
            "Ihr Antrag „${service}“ ist am ${date} bei der Stadt Herne eingegangen.",
            mapping=mapping,
        ),
        _("Ihr Aktenzeichen lautet: ${reference}", mapping=mapping),
        _("Den Stand Ihres Antrags und die Eingangsbestätigung als PDF finden Sie hier:"),
    ]
    paragraphs += entered_for_you(application)
    closing = [_("Mit freundlichen Grüßen"), _("Ihre Stadt Herne")]
    body = "\n\n".join(text(paragraph) for paragraph in paragraphs)
    body += f"\n{mapping['url']}\n\n"
    if claim_code and by_letter(application):
        # Only in the letter's text (the printout), never in its subject: lists show subjects.
        portal_url = api.portal.get().absolute_url()
        claim = claim_letter_paragraphs(claim_code, application.reference_number, portal_url)
        body += "\n".join(text(paragraph) for paragraph in claim) + "\n\n"
    body += "\n".join(text(line) for line in closing) + "\n"
    return subject, body


def queue_receipt_mail(application, member, claim_code=None):
    """The confirmation of receipt (a letter when the applicant chose "Brief").

    ``member`` is the applicant's account; None for someone without one (a letter only).
    ``claim_code``: for someone without an account, the letter tells how to claim it.
    The mail is an outbox entry, one per application whatever calls this twice.
    """
    email = email_address(application, member)
    if not email and not by_letter(application):
        return False
    if by_letter(application):
        subject, body = _receipt_text(application, member, claim_code)
        add_letter(application, "receipt", subject, body)
        return True
    return _enqueue(application, "mail:receipt", "applicant", "once")


def _placeholders(application, state_title, comment, language=GERMAN):
    return {
        "name": application.applicant_name or application.applicant,
        "reference": application.reference_number or "",
        "service": service_title_in(application, language),
        "state": state_title,
        "comment": comment or "",
        "originals": "\n".join(f"- {name}" for name in open_originals(application)),
        "office": office_text(department_of(application)),
        "url": application.absolute_url(),
    }


def _text(key):
    return api.portal.get_registry_record(f"herne.portal.mail.{key}", default=None) or ""


def _render(text, mapping):
    # safe_substitute: an editor's typo in a placeholder must not stop the step.
    body = Template(text).safe_substitute(mapping)
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    while "\n\n\n" in body:  # an empty ${comment} leaves no hole
        body = body.replace("\n\n\n", "\n\n")
    return body.strip() + "\n"


def _comment(application, message_id):
    for message in messages_of(application):
        if message.get("id") == message_id:
            return message.get("text") or ""
    return ""


def _status_text(application, state_id, state_title, comment, german_text):
    """Subject, body and placeholders of a status mail or letter, in the language applied in.

    A decision's German wording goes with it.
    """
    language = application_language(application)
    text = text_in(state_id, german_text, language)
    state = state_in(state_title, language)
    mapping = _placeholders(application, state, comment, language)
    subject = in_language(
        _(
            "Ihr Antrag ${reference}: ${state}",
            mapping={"reference": mapping["reference"], "state": state},
        ),
        language,
    )
    body = with_german_decision(
        state_id,
        _render(text, mapping),
        _render(german_text, _placeholders(application, state_title, comment)),
        language,
    )
    visit = booking_url(application, state_id)
    if visit is not None:  # originals to show, or the result to pick up
        body += "\n" + in_language(_("Termin buchen: ${url}", mapping={"url": visit}), language)
        body += "\n"
    return subject, body, mapping, text, language


def queue_status_mail(application, state_id, state_title, comment, message_id=None):
    """Tell the citizen about the new state, with the text configured for it: by mail or letter.

    ``message_id``: the message that holds ``comment``; the mail, sent later by the
    outbox, reads the comment from it.
    """
    german_text = _text(state_id)
    email = email_address(application, _applicant(application))
    if not german_text or not (email or by_letter(application)):
        return False
    if by_letter(application):
        subject, body, mapping, text, language = _status_text(
            application, state_id, state_title, comment, german_text
        )
        if mapping["comment"] and "${comment}" not in text:
            # A mail may point to the Postkorb; on paper the city's words must be in the letter.
            body += "\n" + in_language(_("Die Nachricht der Stadt im Wortlaut:"), language)
            body += "\n\n" + mapping["comment"].strip() + "\n"
        add_letter(application, state_id, subject, body, state_title)
        return True
    details = {"state_id": state_id, "state_title": state_title, "message_id": message_id}
    return _enqueue(
        application,
        f"mail:status:{state_id}",
        "applicant",
        message_id or secrets.token_hex(8),
        details,
    )


def _department_mailbox(application, key):
    """The department's mailbox when a mail ``key`` goes there (a text is set), else None."""
    if not _text(f"department_{key}"):
        return None
    department = department_of(application)
    return (getattr(department, "email", None) if department is not None else None) or None


def _department_text(application, key, state_title, comment):
    """Address, subject and body of a mail to the department's mailbox; None when there is none."""
    text = _text(f"department_{key}")
    email = _department_mailbox(application, key)
    if not text or not email:
        return None
    mapping = _placeholders(application, state_title, comment)
    subject = in_german(
        _(
            "Antrag ${reference} (${service}): ${state}",
            mapping={
                "reference": mapping["reference"],
                "service": mapping["service"],
                "state": state_title,
            },
        )
    )
    return email, subject, _render(text, mapping)


def queue_department_mail(application, key, state_title, comment="", message_id=None):
    """Tell the department's mailbox (``key``: new, answer, withdrawn, message), through the outbox."""
    # Only whether it goes out: the worker renders it after the commit (``render_mail``).
    if _department_mailbox(application, key) is None:
        return False
    details = {"key": key, "state_title": state_title, "message_id": message_id}
    token = message_id or ("once" if key == "new" else secrets.token_hex(8))
    return _enqueue(application, f"mail:department:{key}", "department", token, details)


def render_mail(entry, application):
    """The mail of an outbox entry, rendered now from the application; None when there is nothing to send."""
    details = entry.details or {}
    message_id = details.get("message_id")
    comment = _comment(application, message_id) if message_id else ""
    header_id = f"<{hashlib.sha256(entry.idempotency_key.encode()).hexdigest()[:40]}@herne-portal>"
    if entry.event == "mail:receipt":
        member = _applicant(application)
        email = email_address(application, member)
        if not email:
            return None
        subject, body = _receipt_text(application, member)
        return compose(email, subject, body, header_id)
    if entry.event.startswith("mail:status:"):
        state_id = details["state_id"]
        german_text = _text(state_id)
        email = email_address(application, _applicant(application))
        if not german_text or not email:
            return None
        subject, body, _mapping, _text_used, _language = _status_text(
            application, state_id, details["state_title"], comment, german_text
        )
        return compose(email, subject, body, header_id)
    if entry.event == "mail:offer":
        from herne.portal.assist.offer import render_offer_mail  # it imports this module's users

        return render_offer_mail(entry, application, compose, header_id)
    if entry.event.startswith("mail:department:"):
        found = _department_text(application, details["key"], details["state_title"], comment)
        if found is None:
            return None
        return compose(*found, header_id)
    raise ValueError(f"unknown mail event {entry.event}")
