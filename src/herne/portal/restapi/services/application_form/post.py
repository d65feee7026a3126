"""POST @antragsformular: ``values`` by field name, files as Base64; 201 with the application or 400.

With ``fuer_andere`` (``einwilligung``, ``vollmacht``, ``ausweis``) a helper or a clerk
applies for someone else, as the form page's "Für eine andere Person beantragen".
For a service whose fee is paid online the answer is 402 with the amount computed from the
values; a client that showed the citizen an amount may send it as ``amount``: another
amount than the computed one is refused (409) and nothing is filed.
"""

from collective.easyform.config import FORM_ERROR_MARKER
from decimal import Decimal
from herne.portal import _
from herne.portal.applications.contact import CONTACT_FIELD
from herne.portal.applications.gate import service_of
from herne.portal.applications.submission import MAIL_DELAYED
from herne.portal.applications.submission import file_application
from herne.portal.assist.provenance import provenance_json
from herne.portal.easyform.submission import SUBMISSION_TOKEN
from herne.portal.eid.prefill import fitting_verified_values
from herne.portal.payment.amount import amount_due
from herne.portal.payment.amount import claimed_amount_error
from herne.portal.payment.settings import fees_paid_online
from herne.portal.payment.summary import payment_json
from herne.portal.restapi.services.application_form.behalf import JSON_NAMES
from herne.portal.restapi.services.application_form.behalf import behalf_values
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
        # For someone else the applicant's identity is the consent's business, not the log-in's.
        refused = self.gate(for_someone=bool(self.body().get("fuer_andere")))
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
        behalf, errors = behalf_values(data.get("fuer_andere"))
        if errors:
            return self.error(400, errors)
        # Nothing of the caller's own eID goes into an application for someone else.
        verified = (
            {}
            if behalf
            else fitting_verified_values(
                self.request, dict(applicant_fields(self.context)), self.context
            )
        )
        fields, errors = form_values(self.context, self.request, values, fixed=verified)
        if errors:
            return self.error(400, errors)
        fields.update(behalf)
        if "amount" in data:
            # The client's confirmation of the fee: it must be what the server computes.
            service = service_of(self.context)
            due = amount_due(service, fields) if fees_paid_online(service) else Decimal("0.00")
            refused_amount = claimed_amount_error(due, data["amount"])
            if refused_amount is not None:
                return self.error(409, {"amount": refused_amount})
        token = data.get("token")
        fields[SUBMISSION_TOKEN] = token if isinstance(token, str) and token else uuid.uuid4().hex
        # "email" (the default) or "letter": how the applicant hears from the city.
        fields[CONTACT_FIELD] = data.get("contact")
        filed = file_application(self.context, fields, self.request, self.action)
        if filed.errors:
            if FORM_ERROR_MARKER in filed.errors:
                filed.errors["form"] = filed.errors.pop(FORM_ERROR_MARKER)
            for field_name, json_name in {**JSON_NAMES, CONTACT_FIELD: "contact"}.items():
                if field_name in filed.errors:
                    filed.errors[json_name] = filed.errors.pop(field_name)
            return self.error(400, filed.errors)
        application = filed.application
        if filed.payment_url or filed.payment_error:
            return self.payment_required(application, filed)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", application.absolute_url())
        result = {
            "@id": application.absolute_url(),
            "reference_number": application.reference_number,
            "state": api.content.get_state(application),
        }
        if behalf:
            result["erfasst"] = provenance_json(application)
            result["zuordnungscode"] = filed.claim_code
            result["receipt"] = f"{application.absolute_url()}/@@receipt"
        if filed.mail_delayed:
            result["notice"] = self.text(MAIL_DELAYED)
        return result

    def payment_required(self, application, filed):
        """402 with the amount and the pay page; the draft is kept (503 if the service failed)."""
        if filed.payment_error:
            return self.error(
                503, message=filed.payment_error, keep=True, **{"@id": application.absolute_url()}
            )
        self.request.response.setStatus(402)
        self.request.response.setHeader("Location", application.absolute_url())
        return {
            "@id": application.absolute_url(),
            "state": api.content.get_state(application),
            **payment_json(application),
        }
