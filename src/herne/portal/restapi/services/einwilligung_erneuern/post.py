"""``POST @einwilligung-erneuern {"reference_number", "einwilligung", "vollmacht" | "ausweis"}``: 200 with the detail, or 400."""

from herne.portal import _
from herne.portal.applications.detail import ApplicationDetail
from herne.portal.assist.renewal import NOT_YOURS
from herne.portal.assist.renewal import REFERENCE_FIELD
from herne.portal.assist.renewal import REFERENCE_MISSING
from herne.portal.assist.renewal import application_by_reference
from herne.portal.assist.renewal import renew_consent
from herne.portal.assist.renewal import renewing_capacity
from herne.portal.restapi.services.application_form.behalf import JSON_NAMES
from herne.portal.restapi.services.application_form.behalf import behalf_values
from herne.portal.restapi.services.base import JSONService
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class RenewConsentPost(JSONService):
    """As the page "Einwilligung erneuern"; the consent as in ``fuer_andere`` of @antragsformular."""

    def reply(self):
        if api.user.is_anonymous():
            return self.error(
                401, message=_("Bitte melden Sie sich an, um eine Einwilligung zu erneuern.")
            )
        content_type = (self.request.getHeader("Content-Type") or "").split(";")[0].strip()
        if content_type.lower() != "application/json":
            return self.error(415, {"body": _("Bitte senden Sie die Angaben als JSON.")})
        # JSON only (checked above), so the request needs no CSRF token.
        alsoProvides(self.request, IDisableCSRFProtection)
        data = self.body()
        reference = data.get(REFERENCE_FIELD)
        if not isinstance(reference, str) or not reference.strip():
            return self.error(400, {REFERENCE_FIELD: REFERENCE_MISSING})
        application = application_by_reference(reference)
        if renewing_capacity(application) is None:
            return self.error(400, {REFERENCE_FIELD: NOT_YOURS})
        values, errors = behalf_values(
            {key: data.get(key) for key in ("einwilligung", "vollmacht", "ausweis")}
        )
        if errors:
            return self.error(400, errors)
        errors = renew_consent(application, values)
        if errors:
            for field_name, json_name in JSON_NAMES.items():
                if field_name in errors:
                    errors[json_name] = errors.pop(field_name)
            return self.error(400, errors)
        return ApplicationDetail(application).as_json()
