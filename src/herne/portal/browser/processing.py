"""The forms on the application page: take a step, tick off an original, hand over, answer."""

from herne.portal import _
from herne.portal.applications.conversation import answer_request
from herne.portal.applications.conversation import write_message
from herne.portal.applications.evidence import file_from_request
from herne.portal.applications.handover import hand_over
from herne.portal.applications.limits import file_fields
from herne.portal.applications.limits import text_error
from herne.portal.applications.processing import DECISION_FIELD
from herne.portal.applications.processing import PROCESS
from herne.portal.applications.processing import ProcessingRefused
from herne.portal.applications.processing import perform
from herne.portal.applications.processing import state_title
from herne.portal.applications.worklist import form_text
from herne.portal.assist.acting import withdraw_consent
from herne.portal.browser.application import ApplicationView
from herne.portal.i18n import in_german
from herne.portal.workflow.application import open_originals
from herne.portal.workflow.application import tick_original
from plone import api
from plone.protect import CheckAuthenticator
from Products.statusmessages.interfaces import IStatusMessage
import transaction
from zExceptions import Forbidden


class _PostedForm(ApplicationView):
    """POST with the CSRF token only; shows the page again with German errors next to the fields."""

    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("POST only")
        CheckAuthenticator(self.request)
        errors = self.handle()
        if errors:
            # Nothing of this request is kept, whatever was written before the error.
            transaction.doom()
            self.errors = {name: in_german(message) for name, message in errors.items()}
            return self.index()
        return ""

    def done(self, message, target=None):
        IStatusMessage(self.request).add(message, type="info")
        self.request.response.redirect(target or self.context.absolute_url())

    def uploads(self, prefix):
        """The files given in the fields ``prefix_1`` … (as many as a message may carry)."""
        return {
            name: value
            for name in file_fields(prefix)
            if (value := file_from_request(self.request, name)) is not None
        }

    def text(self, name):
        return form_text(self.request.form, name)

    def too_long(self, name):
        return text_error(name, self.text(name))


class StepView(_PostedForm):
    """A workflow step with a comment, the internal flag and, for decisions, the letter (PDF)."""

    def handle(self):
        try:
            perform(
                self.context,
                self.text("transition"),
                self.text("comment"),
                internal=bool(self.request.form.get("internal")),
                decision=file_from_request(self.request, DECISION_FIELD),
            )
        except ProcessingRefused as refused:
            return {refused.field: refused.message}
        new_state = state_title(api.content.get_state(self.context))
        self.done(_("Neuer Stand: ${state}", mapping={"state": new_state}))
        return None


class TickOriginalView(_PostedForm):
    """The clerk confirms at the counter that one original was shown: who and when."""

    def handle(self):
        if not api.user.has_permission(PROCESS, obj=self.context):
            return {
                "transition": _("Ihre Organisationseinheit ist für diesen Antrag nicht zuständig.")
            }
        name = self.text("original")
        if name not in open_originals(self.context):
            return {"transition": _("Dieses Original ist nicht offen.")}
        tick_original(self.context, name, api.user.get_current().getId())
        self.done(_("„${name}“ ist als vorgelegt abgehakt.", mapping={"name": name}))
        return None


class HandOverView(_PostedForm):
    """The clerk hands a wrongly assigned application to the responsible department."""

    def handle(self):
        uid = self.text("department")
        if not uid:
            return {"department": _("Bitte wählen Sie eine Organisationseinheit aus.")}
        if self.too_long("comment"):
            return self.too_long("comment")
        with api.env.adopt_roles(["Manager"]):
            department = api.content.get(UID=uid)
        try:
            hand_over(self.context, department, self.text("comment"))
        except ProcessingRefused as refused:
            return {"department": refused.message}
        self.done(
            _(
                "Der Antrag wurde an „${department}“ abgegeben.",
                mapping={"department": department.title},
            ),
            f"{api.portal.get().absolute_url()}/@@arbeitskorb",
        )
        return None


class AnswerView(_PostedForm):
    """The citizen answers an information request with text and uploads; it goes back to the clerk."""

    def handle(self):
        uploads = self.uploads("attachment")
        errors = answer_request(self.context, self.text("text"), uploads)
        if errors:
            return errors
        self.done(_("Ihre Antwort ist bei der Stadt eingegangen."))
        return None


class MessageView(_PostedForm):
    """A message from the citizen or the clerk, with files where the state allows them."""

    def handle(self):
        uploads = self.uploads("message_file")
        errors = write_message(self.context, self.text("message_text"), uploads)
        if errors:
            # the answer form on the same page has its own "text" field
            return {
                "message_text" if name == "text" else name: error for name, error in errors.items()
            }
        self.done(_("Ihre Nachricht wurde gesendet."))
        return None


class WithdrawConsentView(_PostedForm):
    """The applicant or the department ends the Digitallotse's consent (issue 18)."""

    def handle(self):
        errors = withdraw_consent(self.context)
        if errors:
            return errors
        self.done(
            _("Die Einwilligung ist widerrufen: Die Digitallotse sieht den Antrag nicht mehr.")
        )
        return None
