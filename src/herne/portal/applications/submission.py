"""Filing a filled-in application form: the one path of the form page, its drafts and REST."""

from collective.easyform.config import FORM_ERROR_MARKER
from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from herne.portal import _
from herne.portal.applications.contact import CONTACT_FIELD
from herne.portal.applications.contact import EMAIL
from herne.portal.applications.contact import LETTER
from herne.portal.applications.contact import NOT_OFFERED
from herne.portal.applications.contact import address_errors
from herne.portal.applications.contact import chosen_method
from herne.portal.applications.contact import email_errors
from herne.portal.applications.contact import postal_address
from herne.portal.applications.drafts import draft_of_current_user
from herne.portal.applications.evidence import check_uploads
from herne.portal.applications.factory import create_application
from herne.portal.applications.gate import refusal
from herne.portal.applications.gate import service_of
from herne.portal.applications.limits import form_value_error
from herne.portal.applications.lookup import find_by_submission_token
from herne.portal.applications.lookup import find_entered_by_token
from herne.portal.applications.notifications import queue_receipt_mail
from herne.portal.assist.claim import open_claim
from herne.portal.assist.claim import readable
from herne.portal.assist.consent import BEHALF_FIELD
from herne.portal.assist.consent import DOCUMENT_FIELD
from herne.portal.assist.consent import DOCUMENT_TITLE
from herne.portal.assist.entry import NO_DRAFTS
from herne.portal.assist.entry import check_entry
from herne.portal.assist.entry import wants_behalf
from herne.portal.assist.offer import offer
from herne.portal.easyform.parsed_model import form_schema
from herne.portal.easyform.submission import DRAFT_FIELD
from herne.portal.easyform.submission import SUBMISSION_TOKEN
from herne.portal.easyform.submission import read_submission
from herne.portal.i18n import in_german
from herne.portal.i18n import request_language
from herne.portal.mail_delivery import mail_was_kept
from herne.portal.payment.flow import open_pay_url
from herne.portal.payment.flow import open_payment
from herne.portal.payment.flow import open_payment_conflict
from herne.portal.payment.settings import fees_paid_online
from plone import api
from zope.schema import getFieldsInOrder


#: Why a form files nothing: it has no "Als Antrag speichern" action that easyform would run.
NO_APPLICATIONS = _("Dieses Formular nimmt keine Anträge an.")

#: What the citizen reads when the mail server is down: the application is stored, the mail follows.
MAIL_DELAYED = _(
    "Ihre Eingangsbestätigung per E-Mail folgt etwas später: Unser Mailserver ist gerade "
    "nicht erreichbar. Ihr Antrag ist gespeichert und in Ihrem Postkorb zu sehen; die E-Mail "
    "wird verschickt, sobald der Versand wieder möglich ist."
)


@dataclass
class Filed:
    """What became of a submission.

    ``errors`` maps field names (or easyform's FORM_ERROR_MARKER) to German messages;
    nothing was filed then. Otherwise ``application`` is the application (or draft),
    ``duplicate`` says it was filed before with the same token, ``dropped`` lists
    the uploads a draft did not keep, and ``mail_delayed`` says the confirmation
    waits for the mail server (``MAIL_DELAYED``).
    """

    application: object = None
    errors: dict = field(default_factory=dict)
    duplicate: bool = False
    dropped: dict = field(default_factory=dict)
    mail_delayed: bool = False
    #: For an application entered for someone without an account: the code to claim it.
    claim_code: str = None
    #: The pay page the citizen goes to: the application waits as a draft for its fee.
    payment_url: str = None
    #: Why the payment could not be opened (German); the draft is kept.
    payment_error: object = None


def file_application(form, fields, request, action, as_draft=False, draft=None):
    """Turn the validated values ``fields`` of the easyform ``form`` into an application.

    ``action`` is the form's "Als Antrag speichern" action (its consent and name fields),
    None when the form has none that is enabled: then nothing is filed.
    With ``as_draft`` the values are kept as a draft of the caller: incomplete, without
    consent, and without files that are refused. ``draft`` is the draft being completed;
    by default the one named by the form's hidden draft field.
    With the field "für eine andere Person" set, the caller applies for someone else
    (assist.entry): the applicant's consent is checked and the application is theirs.
    """
    service = service_of(form)
    behalf = wants_behalf(fields)
    refused = refusal(service, request, for_someone=behalf)
    if refused is not None:
        return Filed(errors={FORM_ERROR_MARKER: refused.message})
    if behalf and as_draft:
        return Filed(errors={FORM_ERROR_MARKER: NO_DRAFTS})
    if action is None:
        return Filed(errors={FORM_ERROR_MARKER: NO_APPLICATIONS})
    if service.department_object() is None:
        return Filed(
            errors={
                FORM_ERROR_MARKER: _(
                    "Dieses Formular gehört zu keiner Leistung mit zuständiger Stelle."
                )
            }
        )
    entry = None
    if behalf:
        entry, errors = check_entry(service, fields, set(form_schema(form)))
        if errors:
            if BEHALF_FIELD in errors:
                errors[FORM_ERROR_MARKER] = errors.pop(BEHALF_FIELD)
            return Filed(errors=errors)
    consent_field = action.consent_field or "privacy_consent"
    if not as_draft and consent_field in fields and fields.get(consent_field) is not True:
        return Filed(
            errors={consent_field: _("Bitte willigen Sie in die Verarbeitung Ihrer Daten ein.")}
        )

    too_long = too_long_values(form, fields)
    if too_long:
        return Filed(errors=too_long)
    contact = chosen_method(fields.get(CONTACT_FIELD))
    if contact is None:
        return Filed(errors={CONTACT_FIELD: NOT_OFFERED})
    if contact == LETTER and not as_draft:
        letter_errors = address_errors(
            fields, [name for name, _f in getFieldsInOrder(form_schema(form))]
        )
        if letter_errors:
            return Filed(errors=letter_errors)

    user = api.user.get_current()
    # Someone applied for follows it through the helper or the code until they claim it:
    # the answer must not depend on whether an account matched.
    if contact == EMAIL and not as_draft and entry is None:
        no_address = email_errors(user, fields)
        if no_address:
            return Filed(errors=no_address)
    submission = read_submission(
        form,
        fields,
        action.name_fields,
        # Nothing of the helper's account goes into an application for someone else.
        fallback_name="" if behalf else user.getProperty("fullname") or user.getId(),
        delivers_by_post=service.result_delivery == "post",
    )
    uploads = submission.uploads
    upload_errors = check_uploads({name: value for name, (_title, value) in uploads.items()})
    if upload_errors and not as_draft:
        return Filed(errors=upload_errors)
    uploads = {name: spec for name, spec in uploads.items() if name not in upload_errors}
    if entry is not None and entry.consent.document is not None:
        uploads[DOCUMENT_FIELD] = (in_german(DOCUMENT_TITLE), entry.consent.document)

    token = None if as_draft else fields.get(SUBMISSION_TOKEN)
    find = find_entered_by_token if behalf else find_by_submission_token
    existing = find(user.getId(), token)
    if existing is not None:
        # A double click, a resubmitted page or a repeated request: the application filed
        # (or, waiting for its fee, its open payment: never a second one).
        return Filed(application=existing, duplicate=True, payment_url=open_pay_url(existing))

    # Fees paid online: the application waits as a draft until the payment service says paid.
    pays = not as_draft and entry is None and fees_paid_online(service)

    if draft is None:
        draft = draft_of_current_user(fields.get(DRAFT_FIELD), service)
    changed_fee = open_payment_conflict(draft, service, submission.values)
    if changed_fee is not None:
        return Filed(errors={FORM_ERROR_MARKER: changed_fee})
    application = create_application(
        service,
        # Entered for someone: nobody's until the applicant claims or accepts it.
        userid=None if entry is not None else user.getId(),
        applicant_name=submission.applicant_name,
        rows=submission.rows,
        uploads=uploads,
        consent_time=DateTime() if not as_draft and fields.get(consent_field) is True else None,
        delivery_method=service.result_delivery,
        delivery_address=submission.delivery_address,
        submission_token=token,
        submit=not as_draft and not pays,
        draft_values=submission.values if as_draft or pays else None,
        draft=draft,
        # A file field left empty on purpose ("Vorhandene Datei entfernen") drops the draft's file.
        removed_files=[name for name, value in submission.values.items() if value is None],
        entry=entry.record() if entry is not None else None,
        entered_role=entry.entered_role() if entry is not None else None,
        contact_method=contact,
        postal_address=postal_address(submission.applicant_name, fields)
        if contact == LETTER
        else None,
        language=request_language(request),
    )
    if pays:
        pay_url, error = open_payment(application, service)
        return Filed(application=application, payment_url=pay_url, payment_error=error)
    code = None
    if entry is None:
        if not as_draft:
            queue_receipt_mail(application, user)
    else:
        # The same code, receipt and letter whether or not an account matched: the one
        # entering it must not learn who uses the portal. A matching account is offered it.
        code = readable(open_claim(application, entry.birth_date))
        if contact == LETTER:  # the receipt with the code goes by post
            queue_receipt_mail(application, None, claim_code=code)
        if entry.offer_to:
            offer(application, entry.offer_to)
    return Filed(
        application=application,
        dropped=upload_errors,
        mail_delayed=mail_was_kept(request),
        claim_code=code,
    )


def too_long_values(form, fields):
    """German errors by field name for texts longer than their field of ``form`` takes."""
    errors = {}
    for name, form_field in getFieldsInOrder(form_schema(form)):
        message = form_value_error(form_field, fields.get(name))
        if message is not None:
            errors[name] = message
    return errors
