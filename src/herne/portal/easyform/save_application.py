"""The easyform action "Als Antrag speichern", registered the way easyform registers its own."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.easyform.actions import Action
from collective.easyform.actions import ActionFactory
from collective.easyform.api import get_context
from collective.easyform.api import get_schema
from collective.easyform.config import FORM_ERROR_MARKER
from collective.easyform.interfaces import IAction
from DateTime import DateTime
from datetime import date
from datetime import datetime
from herne.portal import _
from herne.portal.applications.evidence import check_uploads
from herne.portal.applications.evidence import is_upload
from herne.portal.applications.factory import create_application
from herne.portal.applications.lookup import find_by_submission_token
from herne.portal.applications.notifications import queue_receipt_mail
from herne.portal.content.service import IService
from herne.portal.trust import satisfies
from plone import api
from plone.supermodel.exportimport import BaseHandler
from Products.statusmessages.interfaces import IStatusMessage
from zope import schema
from zope.i18n import translate
from zope.interface import implementer
from zope.schema import getFieldsInOrder


SUBMISSION_TOKEN = "herne_submission_token"
ADDRESS_FIELDS = ("street", "postcode", "city")


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


def display_value(value):
    """How a submitted value reads in the application and the receipt."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return translate(_("Ja") if value else _("Nein"), target_language="de")
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, (list, tuple, set)):
        return ", ".join(display_value(item) for item in value)
    if hasattr(value, "filename"):
        return value.filename or ""
    if hasattr(value, "output"):
        return value.output
    return str(value)


@implementer(ISaveApplication)
class SaveApplication(Action):
    __doc__ = ISaveApplication.__doc__

    def __init__(self, **kw):
        for name, field in ISaveApplication.namesAndDescriptions():
            if name in IAction:
                continue
            setattr(self, name, kw.pop(name, field.default))
        super().__init__(**kw)

    def onSuccess(self, fields, request):
        form = get_context(self)
        service = aq_parent(aq_inner(form))
        if not IService.providedBy(service) or service.department_object() is None:
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

        titles = {name: field.title for name, field in getFieldsInOrder(get_schema(form))}
        uploads = {name: value for name, value in fields.items() if is_upload(value)}
        errors = check_uploads(uploads)
        if errors:
            return errors

        user = api.user.get_current()
        token = fields.get(SUBMISSION_TOKEN)
        existing = find_by_submission_token(user.getId(), token)
        if existing is not None:
            # A double click or a resubmitted page: show the application already filed.
            request.response.redirect(existing.absolute_url())
            return None

        rows = [
            {"name": name, "title": str(titles[name]), "value": display_value(fields.get(name))}
            for name in titles
            if name in fields and name != SUBMISSION_TOKEN and not is_upload(fields.get(name))
        ]
        delivery_method = service.result_delivery
        delivery_address = None
        if delivery_method == "post":
            parts = [display_value(fields.get(name)) for name in ADDRESS_FIELDS]
            delivery_address = (
                "\n".join(line for line in [parts[0], " ".join(p for p in parts[1:] if p)] if line)
                or None
            )
        applicant_name = (
            " ".join(
                display_value(fields.get(name))
                for name in (self.name_fields or "").split()
                if fields.get(name)
            )
            or user.getProperty("fullname")
            or user.getId()
        )

        application = create_application(
            service,
            userid=user.getId(),
            applicant_name=applicant_name,
            rows=rows,
            uploads={name: (str(titles.get(name, name)), value) for name, value in uploads.items()},
            consent_time=DateTime() if fields.get(consent_field) is True else None,
            delivery_method=delivery_method,
            delivery_address=delivery_address,
            submission_token=token,
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
