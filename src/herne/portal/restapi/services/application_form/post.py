"""POST @antragsformular: ``values`` by field name, files as Base64; 201 with the application or 400."""

from collective.easyform.config import FORM_ERROR_MARKER
from herne.portal import _
from herne.portal.applications.submission import MAIL_DELAYED
from herne.portal.applications.submission import file_application
from herne.portal.easyform.submission import SUBMISSION_TOKEN
from herne.portal.eid.prefill import fitting_verified_values
from herne.portal.i18n import in_german
from herne.portal.restapi.services.application_form.get import FormService
from herne.portal.restapi.services.application_form.values import applicant_fields
from herne.portal.restapi.services.application_form.values import form_values
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
import uuid
from zope.interface import alsoProvides


class ApplicationFormPost(FormService):
    """POST <form>/@antragsformular: the values are checked and filed as the form page files them."""

    def reply(self):
        refused = self.gate()
        if refused:
            return refused
        content_type = (self.request.getHeader("Content-Type") or "").split(";")[0].strip()
        if content_type.lower() != "application/json":
            # Only JSON, which a foreign page cannot send without the browser asking first (CORS).
            return self.error(415, {"body": _("Bitte senden Sie die Angaben als JSON.")})
        # JSON only (checked above), so the request needs no CSRF token.
        alsoProvides(self.request, IDisableCSRFProtection)
        data = self.body()
        values = data.get("values")
        if not isinstance(values, dict):
            return self.error(400, {"values": _("Die Angaben fehlen (erwartet: „values“).")})
        verified = fitting_verified_values(
            self.request, dict(applicant_fields(self.context)), self.context
        )
        fields, errors = form_values(self.context, self.request, values, fixed=verified)
        if errors:
            return self.error(400, errors)
        token = data.get("token")
        fields[SUBMISSION_TOKEN] = token if isinstance(token, str) and token else uuid.uuid4().hex
        filed = file_application(self.context, fields, self.request, self.action)
        if filed.errors:
            if FORM_ERROR_MARKER in filed.errors:
                filed.errors["form"] = filed.errors.pop(FORM_ERROR_MARKER)
            return self.error(400, filed.errors)
        application = filed.application
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", application.absolute_url())
        result = {
            "@id": application.absolute_url(),
            "reference_number": application.reference_number,
            "state": api.content.get_state(application),
        }
        if filed.mail_delayed:
            result["notice"] = in_german(MAIL_DELAYED)
        return result
