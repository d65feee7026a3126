"""The page "Einwilligung erneuern": the Digitallotse or the department records a new consent after a withdrawal."""

from herne.portal import _
from herne.portal.applications.evidence import file_from_request
from herne.portal.assist.capacity import CLERK
from herne.portal.assist.consent import AUTHORISATION
from herne.portal.assist.consent import CONSENT_FIELD
from herne.portal.assist.consent import CONSENT_KINDS
from herne.portal.assist.consent import DOCUMENT_FIELD
from herne.portal.assist.consent import ID_FIELD
from herne.portal.assist.consent import ID_KINDS
from herne.portal.assist.helpers import is_helper
from herne.portal.assist.renewal import NOT_YOURS
from herne.portal.assist.renewal import REFERENCE_FIELD
from herne.portal.assist.renewal import REFERENCE_MISSING
from herne.portal.assist.renewal import application_by_reference
from herne.portal.assist.renewal import renew_consent
from herne.portal.assist.renewal import renewing_capacity
from herne.portal.i18n import in_german
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
import transaction
from zExceptions import Unauthorized


class ConsentRenewalView(BrowserView):
    """``@@einwilligung-erneuern``: reference number, the new Vollmacht or (clerks) the ID seen."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("einwilligung-erneuern")  # Plone shows the log-in form
        self.errors = {}
        form = self.request.form
        self.values = {
            name: form.get(name) if isinstance(form.get(name), str) else ""
            for name in (REFERENCE_FIELD, CONSENT_FIELD, ID_FIELD)
        }
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            application, errors = self.renew()
            if not errors:
                IStatusMessage(self.request).add(
                    _(
                        "Die Einwilligung für den Antrag ${reference} ist erneuert: Die "
                        "Digitallotse sieht ihn wieder und kann für die antragstellende Person "
                        "antworten.",
                        mapping={"reference": application.reference_number},
                    ),
                    type="info",
                )
                return self.request.response.redirect(application.absolute_url())
            transaction.doom()  # nothing of a refused renewal is kept
            self.errors = {name: in_german(message) for name, message in errors.items()}
            self.request.response.setStatus(400)
        return self.index()

    def renew(self):
        reference = self.values[REFERENCE_FIELD].strip()
        if not reference:
            return None, {REFERENCE_FIELD: REFERENCE_MISSING}
        application = application_by_reference(reference)
        if renewing_capacity(application) is None:
            return None, {REFERENCE_FIELD: NOT_YOURS}
        values = {
            CONSENT_FIELD: self.values[CONSENT_FIELD],
            ID_FIELD: self.values[ID_FIELD],
            DOCUMENT_FIELD: file_from_request(self.request, DOCUMENT_FIELD),
        }
        errors = renew_consent(application, values)
        if "form" in errors:
            errors[REFERENCE_FIELD] = errors.pop("form")
        return application, errors

    def for_clerks(self):
        """Whether the counter's consent (present, ID seen) is offered: not to a Digitallotse."""
        application = application_by_reference(self.values[REFERENCE_FIELD])
        capacity = renewing_capacity(application) if application is not None else None
        if capacity is not None:
            return capacity.kind == CLERK
        return not is_helper()

    def consent_kinds(self):
        kinds = (
            CONSENT_KINDS
            if self.for_clerks()
            else [kind for kind in CONSENT_KINDS if kind[0] == AUTHORISATION]
        )
        chosen = self.values[CONSENT_FIELD] or AUTHORISATION
        return [
            {"token": token, "title": title, "checked": token == chosen} for token, title in kinds
        ]

    def id_kinds(self):
        return (
            [{"token": token, "title": title} for token, title in ID_KINDS]
            if self.for_clerks()
            else []
        )

    def error(self, name):
        return self.errors.get(name)
