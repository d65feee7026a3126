"""The easyform action "Als Antrag speichern", registered the way easyform registers its own."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.easyform.actions import Action
from collective.easyform.actions import ActionFactory
from collective.easyform.api import get_actions
from collective.easyform.api import get_context
from collective.easyform.config import FORM_ERROR_MARKER
from collective.easyform.interfaces import IAction
from DateTime import DateTime
from herne.portal import _
from herne.portal.applications.drafts import draft_of_current_user
from herne.portal.applications.evidence import check_uploads
from herne.portal.applications.factory import create_application
from herne.portal.applications.lookup import find_by_submission_token
from herne.portal.applications.notifications import queue_receipt_mail
from herne.portal.content.service import IService
from herne.portal.easyform.submission import DRAFT_FIELD
from herne.portal.easyform.submission import SUBMISSION_TOKEN
from herne.portal.easyform.submission import read_submission
from herne.portal.eid.trust import satisfies
from plone import api
from plone.supermodel.exportimport import BaseHandler
from Products.statusmessages.interfaces import IStatusMessage
from zope import schema
from zope.interface import implementer
from zope.schema import getFieldsInOrder


class ISaveApplication(IAction):
    """Files each valid submission as an application of the service the form belongs to."""

    consent_field = schema.ASCIILine(
        title=_("Feld der Einwilligung zum Datenschutz"),
        description=_(
            "Name des Ja/Nein-Feldes, mit dem Antragstellende in die Verarbeitung einwilligen."
        ),
        default="privacy_consent",
        required=True,
    )
    name_fields = schema.ASCIILine(
        title=_("Felder mit dem Namen"),
        description=_(
            "Namen der Formularfelder mit Vor- und Nachnamen, durch Leerzeichen getrennt."
        ),
        default="first_name last_name",
        required=False,
    )


def name_fields_of(form):
    """The form fields holding the applicant's name, as configured on the form's action."""
    for _name, action in getFieldsInOrder(get_actions(form)):
        if ISaveApplication.providedBy(action):
            return action.name_fields
    return ISaveApplication["name_fields"].default


@implementer(ISaveApplication)
class SaveApplication(Action):
    __doc__ = ISaveApplication.__doc__

    def __init__(self, **kw):
        for name, field in ISaveApplication.namesAndDescriptions():
            if name in IAction:
                continue
            setattr(self, name, kw.pop(name, field.default))
        super().__init__(**kw)

    def service_for(self, form):
        service = aq_parent(aq_inner(form))
        if IService.providedBy(service) and service.department_object() is not None:
            return service
        return None

    def onSuccess(self, fields, request):
        form = get_context(self)
        service = self.service_for(form)
        if service is None:
            return {
                FORM_ERROR_MARKER: _(
                    "Dieses Formular gehört zu keiner Leistung mit zuständiger Stelle."
                )
            }
        if api.user.is_anonymous():
            return {FORM_ERROR_MARKER: _("Bitte melden Sie sich an, um den Antrag zu stellen.")}
        if not satisfies(request, service.trust_level):
            return {FORM_ERROR_MARKER: _("Für diese Leistung ist eine Anmeldung mit eID nötig.")}

        consent_field = self.consent_field or "privacy_consent"
        if consent_field in fields and fields.get(consent_field) is not True:
            return {consent_field: _("Bitte willigen Sie in die Verarbeitung Ihrer Daten ein.")}

        user = api.user.get_current()
        submission = read_submission(
            form,
            fields,
            self.name_fields,
            fallback_name=user.getProperty("fullname") or user.getId(),
            delivers_by_post=service.result_delivery == "post",
        )
        errors = check_uploads(
            {name: value for name, (_title, value) in submission.uploads.items()}
        )
        if errors:
            return errors

        token = fields.get(SUBMISSION_TOKEN)
        existing = find_by_submission_token(user.getId(), token)
        if existing is not None:
            # A double click or a resubmitted page: show the application already filed.
            request.response.redirect(existing.absolute_url())
            return None

        application = create_application(
            service,
            userid=user.getId(),
            applicant_name=submission.applicant_name,
            rows=submission.rows,
            uploads=submission.uploads,
            consent_time=DateTime() if fields.get(consent_field) is True else None,
            delivery_method=service.result_delivery,
            delivery_address=submission.delivery_address,
            submission_token=token,
            draft=draft_of_current_user(fields.get(DRAFT_FIELD), service),
        )
        queue_receipt_mail(application, user)
        IStatusMessage(request).add(
            _(
                "Ihr Antrag ist eingegangen. Ihr Aktenzeichen: ${reference}",
                mapping={"reference": application.reference_number},
            ),
            type="info",
        )
        request.response.redirect(application.absolute_url())
        return None


SaveApplicationAction = ActionFactory(
    SaveApplication,
    _("Als Antrag speichern"),
    "herne.portal.AddApplicationAction",
)
SaveApplicationHandler = BaseHandler(SaveApplication)
