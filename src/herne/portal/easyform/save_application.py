"""The easyform action "Als Antrag speichern", registered the way easyform registers its own."""

from collective.easyform.actions import Action
from collective.easyform.actions import ActionFactory
from collective.easyform.api import get_context
from collective.easyform.api import get_expression
from collective.easyform.interfaces import IAction
from collective.easyform.interfaces import IActionExtender
from herne.portal import _
from herne.portal.applications.submission import MAIL_DELAYED
from herne.portal.applications.submission import file_application
from herne.portal.assist.claim import claim_code_notice
from herne.portal.easyform.parsed_model import form_actions
from plone.supermodel.exportimport import BaseHandler
from Products.statusmessages.interfaces import IStatusMessage
from zope import schema
from zope.interface import implementer
from zope.schema import getFieldsInOrder


#: The draft's page after a valid form with a fee: the amount to confirm before paying.
CONFIRM_AMOUNT = _(
    "Bitte prüfen Sie die Gebühr von ${amount} €. Mit „Zur Bezahlung“ kommen Sie zum "
    "Bezahldienst; Ihr Antrag wird nach der Zahlung abgeschickt."
)


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


def application_action(form):
    """The form's "Als Antrag speichern" action if easyform would run it now, else None.

    As ``EasyFormForm.processActions`` decides: the action must be enabled (its
    ``required`` flag) and its TALES condition, if set, true. The condition is
    evaluated on the form, as easyform does, so it needs no browser form.
    """
    for _name, action in getFieldsInOrder(form_actions(form)):
        if not ISaveApplication.providedBy(action) or not action.required:
            continue
        condition = IActionExtender(action).execCondition
        if condition and not get_expression(form, condition):
            continue
        return action
    return None


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
        filed = file_application(get_context(self), fields, request, self)
        if filed.errors:
            return filed.errors
        if filed.payment_url:
            # The fee first: the citizen confirms the amount on the draft's page ("Zur
            # Bezahlung"); the application is submitted once the payment service says paid.
            amount = (getattr(filed.application, "payment", None) or {}).get("amount", "")
            IStatusMessage(request).add(
                _(CONFIRM_AMOUNT, mapping={"amount": amount.replace(".", ",")}), type="info"
            )
            request.response.redirect(filed.application.absolute_url())
            return None
        if filed.payment_error:
            IStatusMessage(request).add(filed.payment_error, type="error")
            request.response.redirect(filed.application.absolute_url())
            return None
        if not filed.duplicate:
            IStatusMessage(request).add(
                _(
                    "Ihr Antrag ist eingegangen. Ihr Aktenzeichen: ${reference}",
                    mapping={"reference": filed.application.reference_number},
                ),
                type="info",
            )
        if filed.claim_code and not filed.duplicate:
            IStatusMessage(request).add(claim_code_notice(filed.claim_code), type="info")
        if filed.mail_delayed:
            IStatusMessage(request).add(MAIL_DELAYED, type="warning")
        # A repeated submission shows the application already filed, without a second notice.
        request.response.redirect(filed.application.absolute_url())
        return None


SaveApplicationAction = ActionFactory(
    SaveApplication,
    _("Als Antrag speichern"),
    "herne.portal.AddApplicationAction",
)
SaveApplicationHandler = BaseHandler(SaveApplication)
