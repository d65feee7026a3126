"""The application form of a service: only for citizens logged in at the service's trust level."""

from collective.easyform.browser.view import EasyFormForm
from collective.easyform.browser.view import EasyFormFormWrapper
from herne.portal import _
from herne.portal.applications.contact import CONTACT_FIELD
from herne.portal.applications.contact import CONTACT_HELP
from herne.portal.applications.contact import CONTACT_LABEL
from herne.portal.applications.contact import CONTACT_TITLES
from herne.portal.applications.contact import EMAIL
from herne.portal.applications.drafts import draft_of_current_user
from herne.portal.applications.drafts import kept_files
from herne.portal.applications.gate import LOGIN
from herne.portal.applications.gate import TRUST
from herne.portal.applications.gate import refusal
from herne.portal.applications.gate import service_of
from herne.portal.applications.submission import file_application
from herne.portal.assist.capacity import capacity_for
from herne.portal.assist.consent import BEHALF_FIELD
from herne.portal.browser.behalf_fields import behalf_fields
from herne.portal.browser.behalf_fields import wants_behalf
from herne.portal.browser.file_widgets import file_widgets
from herne.portal.browser.file_widgets import forget_refused_files
from herne.portal.browser.file_widgets import offer_kept_files
from herne.portal.browser.form_errors import announce_errors
from herne.portal.browser.text import MultilineText
from herne.portal.easyform.form_translations import translate_widgets
from herne.portal.easyform.parsed_model import form_schema
from herne.portal.easyform.save_application import application_action
from herne.portal.easyform.submission import DRAFT_FIELD
from herne.portal.easyform.submission import SUBMISSION_TOKEN
from herne.portal.eid.login import eid_login_url
from herne.portal.eid.prefill import fitting_verified_values
from herne.portal.eid.provider import eid_enabled
from herne.portal.i18n import request_language
from herne.portal.languages import show_in_chosen_language
from herne.portal.payment.amount import amount_due
from herne.portal.payment.amount import surcharge_texts
from herne.portal.payment.settings import fees_paid_online
from herne.portal.payment.summary import fee_json
import json
from plone import api
from plone.app.z3cform.interfaces import IDateWidget
from Products.CMFPlone.resources import add_bundle_on_request
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
import uuid
from z3c.form import button
from z3c.form import field
from z3c.form.browser.radio import RadioFieldWidget
from z3c.form.interfaces import DISPLAY_MODE
from z3c.form.interfaces import HIDDEN_MODE
from z3c.form.interfaces import IDataConverter
from zope import schema
from zope.i18n import translate
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def contact_choice():
    """The standard last question of every application form: e-mail or letter."""
    choice = field.Fields(
        schema.Choice(
            __name__=CONTACT_FIELD,
            title=CONTACT_LABEL,
            description=CONTACT_HELP,
            vocabulary=SimpleVocabulary(
                [SimpleTerm(value, value, title) for value, title in CONTACT_TITLES.items()]
            ),
            default=EMAIL,
            required=True,
        )
    )
    choice[CONTACT_FIELD].widgetFactory = RadioFieldWidget
    return choice


BEHALF_TITLE = _("Für eine andere Person beantragen")


class ApplicationForm(EasyFormForm):
    """The easyform form plus a one-time token, the draft being resumed, and "Zwischenspeichern"."""

    buttons = EasyFormForm.buttons.copy()
    handlers = EasyFormForm.handlers.copy()

    form_template = ViewPageTemplateFile("templates/application_form.pt")

    @property
    def schema(self):
        # easyform parses the model on every access, and accesses it once per field.
        return form_schema(self.context)

    def update(self):
        # the citizen's language, although the form belongs to the German service page
        show_in_chosen_language(self.request)
        self.service = service_of(self.context)
        self.capacity = None
        if wants_behalf(self.request):
            self.capacity, _refused = capacity_for(self.service)
        #: "Für eine andere Person beantragen": no draft, nothing of the caller's account.
        self.behalf = self.capacity is not None
        draft_uid = self.request.form.get("entwurf") or self.request.form.get(
            f"form.widgets.{DRAFT_FIELD}"
        )
        self.draft = None if self.behalf else draft_of_current_user(draft_uid, self.service)
        self.kept = kept_files(self.draft)
        if self.draft is not None and self.draft.draft_values:
            # Fill the form from the draft instead of the defaults.
            self.ignoreContext = False
        super().update()
        if self.fee_total_rules() is not None:
            # The running total (herne-fee-total.js), only on forms whose values change the fee.
            add_bundle_on_request(self.request, "herne-fee-total")
        forget_refused_files(self, self.kept)
        announce_errors(self)

    def fee_to_pay(self):
        """The fee paid online before submitting (German notation), or None."""
        if self.service is None or self.behalf or not fees_paid_online(self.service):
            return None
        return f"{amount_due(self.service):.2f}".replace(".", ",")

    def fee_surcharges(self):
        """What the form's values add to the fee (German), shown before the citizen starts."""
        if self.fee_to_pay() is None:
            return []
        return [translate(text, context=self.request) for text in surcharge_texts(self.service)]

    def fee_total_rules(self):
        """The first fee and the surcharge rules for the form's running total (JSON), or None.

        Read by herne-fee-total.js; a choice is named by the tokens its widget sends. Only a
        preview: the amount paid is computed again on the server from the values sent.
        """
        fee = fee_json(self.service) if self.fee_to_pay() is not None else None
        if not fee or not fee["surcharges"]:
            return None
        rules = [
            {
                "field": rule["field"],
                "amount": rule["amount"],
                "included": rule["included"],
                "choice": None
                if rule["choice"] is None
                else self._choice_tokens(rule["field"], rule["choice"]),
            }
            for rule in fee["surcharges"]
        ]
        return json.dumps({"amount": fee["amount"], "surcharges": rules})

    def _choice_tokens(self, name, choice):
        """The tokens the widget of field ``name`` sends for the value ``choice``."""
        for form in (self, *(getattr(self, "groups", None) or ())):
            widgets = getattr(form, "widgets", None)
            widget = widgets.get(name) if widgets is not None else None
            terms = getattr(widget, "terms", None)
            if terms is not None:
                return [term.token for term in terms if str(term.value).strip() == choice] or [
                    choice
                ]
        return [choice]

    def may_apply_for_others(self):
        """Whether to offer "Für eine andere Person beantragen" (helpers, the department's clerks)."""
        return capacity_for(self.service)[0] is not None

    def getContent(self):
        if self.draft is not None and self.draft.draft_values:
            # The draft's files too: the file widget reads a kept file from here.
            kept = {name: item.file for name, item in self.kept.items()}
            # The choice of e-mail or letter too, kept on the draft itself.
            contact = {CONTACT_FIELD: self.draft.contact_method or EMAIL}
            return {**self.draft.draft_values, **kept, **contact}
        return super().getContent()

    def updateFields(self):
        super().updateFields()
        if self.service is not None and not self.thanksPage:
            self.fields += field.Fields(
                schema.ASCIILine(__name__=SUBMISSION_TOKEN, required=False),
                schema.ASCIILine(__name__=DRAFT_FIELD, required=False),
                mode=HIDDEN_MODE,
            )
            if self.behalf:
                self.fields += behalf_fields(self.capacity)
            self.fields += contact_choice()

    def updateWidgets(self):
        # What the eID verified is shown, not editable, and never read from the request.
        self.verified = (
            fitting_verified_values(
                self.request,
                {name: form_field.field for name, form_field in self.fields.items()},
                self.context,
            )
            if self.service is not None and not self.behalf
            else {}
        )
        for name in self.verified:
            self.fields[name].mode = DISPLAY_MODE
        super().updateWidgets()
        translate_widgets(self, request_language(self.request))
        for name, value in self.verified.items():
            widget = self.widgets[name]
            widget.value = IDataConverter(widget).toWidgetValue(value)
            if IDateWidget.providedBy(widget):
                # German "medium" is 12.08.1964; the widget's "short" would say 12.08.64.
                widget._formater_length = "medium"
            widget.label = _(
                "${label} (aus dem Online-Ausweis bestätigt)", mapping={"label": widget.label}
            )
        offer_kept_files(self, getattr(self, "kept", {}))
        token = self.widgets.get(SUBMISSION_TOKEN)
        if token is not None and not token.value:
            token.value = uuid.uuid4().hex
        behalf = self.widgets.get(BEHALF_FIELD)
        if behalf is not None:
            behalf.value = "1"
        draft = self.widgets.get(DRAFT_FIELD)
        if draft is not None:
            draft.value = self.draft.UID() if self.draft is not None else ""

    def extractData(self, setErrors=True):
        data, errors = super().extractData(setErrors=setErrors)
        data.update(getattr(self, "verified", {}))
        return data, errors

    @button.buttonAndHandler(
        _("Zwischenspeichern"),
        name="save_draft",
        # Drafts only where the page files applications at all (an enabled save action).
        condition=lambda form: (
            not form.thanksPage
            and not form.behalf
            and form.service is not None
            and application_action(form.context) is not None
        ),
    )
    def handle_save_draft(self, action):
        """Keep what is filled in so far, valid or not yet complete."""
        data, errors = self.extractData(setErrors=False)
        files = file_widgets(self)
        refused_files = [error for error in errors if error.widget in files]
        filed = file_application(
            self.context,
            data,
            self.request,
            application_action(self.context),
            as_draft=True,
            draft=self.draft,
        )
        if filed.errors:
            self.status = next(iter(filed.errors.values()))
            return
        messages = IStatusMessage(self.request)
        messages.add(
            _("Ihr Entwurf ist gespeichert. Sie können ihn später fortsetzen oder löschen."),
            type="info",
        )
        if filed.dropped or refused_files:
            messages.add(
                _(
                    "Nicht gespeichert wurden Dateien, die kein PDF, JPEG oder PNG sind oder zu groß waren."
                ),
                type="warning",
            )
        self.request.response.redirect(filed.application.absolute_url())


class ApplicationFormView(MultilineText, EasyFormFormWrapper):
    """Explains what to do instead of showing a form the citizen may not use."""

    form = ApplicationForm
    login_required = ViewPageTemplateFile("templates/application_login_required.pt")
    trust_too_low = ViewPageTemplateFile("templates/application_trust_too_low.pt")
    refusal_pages = {LOGIN: "login_required", TRUST: "trust_too_low"}

    refused_page = ViewPageTemplateFile("templates/refused_request_page.pt")

    def service(self):
        return service_of(self.context)

    def login_url(self):
        portal_url = api.portal.get().absolute_url()
        return f"{portal_url}/login?came_from={self.context.absolute_url()}"

    def eid_enabled(self):
        return eid_enabled()

    def refusal_text(self):
        """Why the form is not shown: the gate's own words."""
        return translate(self.refused.message, context=self.request)

    def eid_login_url(self):
        return eid_login_url(self.context.absolute_url())

    def department(self):
        service = self.service()
        return service.department_object() if service is not None else None

    def is_preview(self):
        """Editors of the form see it whatever their log-in; submitting still checks everything."""
        return api.user.has_permission("Modify portal content", obj=self.context)

    def __call__(self):
        service = self.service()
        if service is not None and self.is_preview():
            IStatusMessage(self.request).add(
                _("Vorschau für die Redaktion: So sehen Antragstellende dieses Formular."),
                type="info",
            )
        elif service is not None:
            behalf = wants_behalf(self.request)
            self.refused = refusal(service, self.request, for_someone=behalf)
            if self.refused is not None:
                return getattr(self, self.refusal_pages[self.refused.kind])()
            if behalf:
                _capacity, message = capacity_for(service)
                if message is not None:
                    self.request.response.setStatus(403)
                    return self.refused_page(
                        title=translate(BEHALF_TITLE, context=self.request),
                        text=translate(message, context=self.request),
                    )
        return super().__call__()
