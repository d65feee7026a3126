"""Messages between citizen and city on one application: checked, stored, both sides told."""

from herne.portal import _
from herne.portal.applications.clerk_news import CitizenWrote
from herne.portal.applications.evidence import check_uploads
from herne.portal.applications.factory import store_file
from herne.portal.applications.limits import MESSAGE_TOO_LONG
from herne.portal.applications.limits import file_count_error
from herne.portal.applications.limits import text_error
from herne.portal.applications.messages import FROM_CITIZEN
from herne.portal.applications.messages import FROM_CITY
from herne.portal.applications.messages import add_message
from herne.portal.applications.notifications import queue_department_mail
from herne.portal.applications.notifications import queue_status_mail
from herne.portal.applications.office import department_of
from herne.portal.applications.office import office
from herne.portal.applications.processing import PROCESS
from herne.portal.applications.processing import ProcessingRefused
from herne.portal.applications.processing import refusal
from herne.portal.applications.processing import state_title
from herne.portal.applications.processing import take_step
from herne.portal.assist.acting import NO_LONGER_ACTING
from herne.portal.assist.acting import acts_for_applicant
from herne.portal.assist.acting import behalf_record
from herne.portal.assist.acting import is_former_helper
from herne.portal.i18n import in_german
from herne.portal.i18n import in_request_language
from herne.portal.workflow.application_table import FINAL_STATES
from herne.portal.workflow.application_table import UNDECIDED_STATES
from plone import api
from zope.event import notify


#: States in which the citizen may still hand in files with a message: before the decision.
CITIZEN_ATTACHMENT_STATES = UNDECIDED_STATES
MESSAGE_FILE_FIELD = "message"


def attachments_allowed(application, from_citizen):
    if not from_citizen:
        return True
    return api.content.get_state(application) in CITIZEN_ATTACHMENT_STATES


def closed_for_messages(application):
    """Whether the application is closed: nobody reads new messages on it any more."""
    return api.content.get_state(application) in FINAL_STATES


def contact_instead(application):
    """Whom the citizen asks about a closed application: the responsible office, in the reader's language."""
    found = office(department_of(application))
    if found is None:
        return in_request_language(
            _(
                "Dieser Antrag ist abgeschlossen und nimmt keine Nachrichten mehr an. "
                "Bitte wenden Sie sich an die Stadt Herne."
            )
        )
    return in_request_language(
        _(
            "Dieser Antrag ist abgeschlossen und nimmt keine Nachrichten mehr an. "
            "Bei Fragen wenden Sie sich bitte an: ${contact}",
            mapping={"contact": found.contact()},
        )
    )


def closed_refusal(application, from_citizen):
    """Why no message can be written on a closed application, in the reader's language."""
    if from_citizen:
        return contact_instead(application)
    return in_request_language(
        _("Dieser Antrag ist abgeschlossen und nimmt keine Nachrichten mehr an.")
    )


def store_attachments(application, field, title, uploads):
    """Store checked uploads as files of the application, titled in German; returns them.

    The citizen may not write to the department's area, so the files are stored as
    the system; who sent them is recorded by the message or the step they belong to.
    """
    title = in_german(title)
    with api.env.adopt_roles(["Manager"]):
        return [store_file(application, field, title, value) for value in uploads.values()]


NOT_YOURS_TO_WRITE = _(
    "Nachrichten zu diesem Antrag schreiben nur die antragstellende Person und die zuständige "
    "Stelle."
)


def writes_as_applicant(application):
    """Whether the current user writes on the applicant's side: the applicant, or their Digitallotse.

    The Digitallotse who entered the application writes for the applicant only while
    the consent holds and the applicant has not claimed it (assist.acting).
    """
    userid = api.user.get_current().getId()
    return userid == application.applicant or acts_for_applicant(application)


def may_write(application, from_citizen):
    """The applicant (or their Digitallotse), or the city's side that processes it; no other viewer."""
    return from_citizen or api.user.has_permission(PROCESS, obj=application)


def write_message(application, text, uploads):
    """Store a message from the current user; returns German errors per field, or {}.

    ``uploads`` maps form field names to NamedBlobFiles. Nothing is stored on error.
    A message the Digitallotse writes for the applicant says so (``on_behalf``).
    """
    userid = api.user.get_current().getId()
    from_citizen = writes_as_applicant(application)
    text = text.strip() if isinstance(text, str) else ""
    if api.content.get_state(application) == "draft":
        return {"text": _("Zu einem Entwurf können Sie keine Nachricht schreiben.")}
    if closed_for_messages(application):
        return {"text": closed_refusal(application, from_citizen)}
    if not may_write(application, from_citizen):
        if is_former_helper(application):
            return {"text": NO_LONGER_ACTING}
        return {"text": NOT_YOURS_TO_WRITE}
    if not text:
        return {"text": _("Bitte schreiben Sie eine Nachricht.")}
    if errors := text_error("text", text, MESSAGE_TOO_LONG):
        return errors
    if uploads and not attachments_allowed(application, from_citizen):
        return {
            list(uploads)[0]: _(
                "In diesem Stand des Antrags können Sie keine Dateien mehr mitschicken."
            )
        }
    errors = file_count_error(uploads) or check_uploads(uploads)
    if errors:
        return errors
    files = store_attachments(application, MESSAGE_FILE_FIELD, _("Anhang einer Nachricht"), uploads)
    message = add_message(
        application,
        text,
        FROM_CITIZEN if from_citizen else FROM_CITY,
        userid,
        files=files,
        on_behalf=behalf_record(application, userid) if from_citizen else None,
    )
    current_state = state_title(api.content.get_state(application))
    if from_citizen:
        queue_department_mail(application, "message", current_state, text, message["id"])
        notify(CitizenWrote(application))
    else:
        queue_status_mail(application, "message", current_state, text, message["id"])
    application.reindexObject()
    return {}


ANSWER_FILE_FIELD = "answer"


def answer_refusal(application):
    """None when the current user may answer the information request now, else why not.

    The applicant answers; so does the Digitallotse who entered the application, while
    their consent holds (assist.acting), in the applicant's stead.
    """
    if acts_for_applicant(application):
        with api.env.adopt_roles(["Manager"]):
            return refusal(application, "answer")
    return refusal(application, "answer")


def answer_request(application, text, uploads):
    """The citizen's answer to an information request; German errors per field, or {}.

    The files are kept as "Antwort auf Nachforderung" and the application goes back
    to the clerk. Nothing is stored on error. A Digitallotse answering for the
    applicant is named in the history as the step's actor.
    """
    reason = answer_refusal(application)
    if reason is not None:
        return {"text": reason}
    text = text.strip() if isinstance(text, str) else ""
    if not text:
        return {"text": _("Bitte schreiben Sie eine Antwort.")}
    if errors := text_error("text", text):
        return errors
    errors = file_count_error(uploads) or check_uploads(uploads)
    if errors:
        return errors
    files = store_attachments(
        application, ANSWER_FILE_FIELD, _("Antwort auf Nachforderung"), uploads
    )
    roles = ["Manager"] if acts_for_applicant(application) else None
    try:
        if roles:
            with api.env.adopt_roles(roles):
                take_step(application, "answer", text, files=files)
        else:
            take_step(application, "answer", text, files=files)  # answer_refusal() was asked
    except ProcessingRefused as refused:
        return {"text": refused.message}
    return {}
