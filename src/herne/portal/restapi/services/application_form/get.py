"""GET @antragsformular: the fields of the form, with what the eID verified filled in and fixed.

``?fuer_andere=1``: for a helper or the department's clerk applying for someone, with the
consents they may give (``fuer_andere``) and nothing of their own eID.
"""

from herne.portal.applications.contact import CONTACT_HELP
from herne.portal.applications.contact import CONTACT_LABEL
from herne.portal.applications.contact import CONTACT_TITLES
from herne.portal.applications.contact import EMAIL
from herne.portal.applications.gate import LOGIN
from herne.portal.applications.gate import NO_SERVICE
from herne.portal.applications.gate import TRUST
from herne.portal.applications.gate import refusal
from herne.portal.applications.gate import service_of
from herne.portal.applications.limits import form_field_limit
from herne.portal.applications.submission import NO_APPLICATIONS
from herne.portal.easyform.form_translations import translated_texts
from herne.portal.easyform.form_translations import translated_title
from herne.portal.easyform.save_application import application_action
from herne.portal.easyform.translatable_fields import choices
from herne.portal.eid.login import eid_login_url
from herne.portal.eid.prefill import verified_form_values
from herne.portal.payment.summary import fee_json
from herne.portal.restapi.services.application_form.behalf import behalf_offer
from herne.portal.restapi.services.application_form.values import applicant_fields
from herne.portal.restapi.services.base import JSONService


#: HTTP status of each kind of refusal of the gate.
REFUSAL_STATUS = {NO_SERVICE: 404, LOGIN: 401, TRUST: 403}


class FormService(JSONService):
    def gate(self, for_someone=False):
        """The gate's refusal as a JSON error (404, 401, or 403 with the eID log-in), or None.

        A form whose page would file nothing (no enabled "Als Antrag speichern" action)
        is refused with 404 as well.
        """
        refused = refusal(service_of(self.context), self.request, for_someone=for_someone)
        if refused is not None:
            extra = {}
            if refused.kind == TRUST:
                extra["eid_login_url"] = eid_login_url(self.context.absolute_url())
            return self.error(REFUSAL_STATUS[refused.kind], message=refused.message, **extra)
        self.action = application_action(self.context)
        if self.action is None:
            return self.error(404, message=NO_APPLICATIONS)
        return None


class ApplicationFormGet(FormService):
    """GET <form>/@antragsformular."""

    def reply(self):
        behalf = bool(self.request.form.get("fuer_andere"))
        refused = self.gate(for_someone=behalf)
        if refused:
            return refused
        fields = applicant_fields(self.context)
        if behalf:
            offer, message = behalf_offer(service_of(self.context), self.language)
            if message is not None:
                return self.error(403, message=message)
            verified = {}  # nothing of the caller's own eID for someone else
        else:
            offer = None
            verified = verified_form_values(self.request, [name for name, _f in fields])
        texts = {
            name: translated_texts(
                self.context,
                self.language,
                name,
                self.text(field.description) if field.description else "",
                choices(field),
            )
            for name, field in fields
        }
        return {
            "fuer_andere": offer,
            "@id": f"{self.context.absolute_url()}/@antragsformular",
            "trust_level": service_of(self.context).trust_level,
            # The fee paid online before the application is submitted (None: nothing to pay).
            "fee": None if behalf else fee_json(service_of(self.context)),
            "fields": [
                {
                    "name": name,
                    # the form's own translation (editors'), field by field, else German
                    "title": translated_title(
                        self.context, self.language, name, self.text(field.title)
                    ),
                    "description": texts[name][0],
                    # stored values stay German; the titles are in the language asked for
                    "choices": [{"value": value, "title": title} for value, title in texts[name][1]]
                    or None,
                    "required": bool(field.required),
                    "readonly": bool(field.readonly),
                    "max_length": form_field_limit(field),
                    "type": type(field).__name__,
                    "value": str(verified[name]) if name in verified else None,
                    "verified": name in verified,
                }
                for name, field in fields
            ],
            # Sent beside "values" as "contact"; "letter" needs street, postcode and city.
            "contact": {
                "title": self.text(CONTACT_LABEL),
                "description": self.text(CONTACT_HELP),
                "default": EMAIL,
                "choices": [
                    {"value": value, "title": self.text(title)}
                    for value, title in CONTACT_TITLES.items()
                ],
            },
        }
