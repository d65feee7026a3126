"""Renewing a withdrawn consent: the Digitallotse who entered the application, or its department, records a new one."""

from DateTime import DateTime
from herne.portal import _
from herne.portal.applications.factory import store_file
from herne.portal.applications.processing import PROCESS
from herne.portal.applications.processing import record_step
from herne.portal.assist.acting import still_in_organisation
from herne.portal.assist.capacity import CLERK
from herne.portal.assist.capacity import HELPER
from herne.portal.assist.capacity import Capacity
from herne.portal.assist.consent import DOCUMENT_FIELD
from herne.portal.assist.consent import DOCUMENT_TITLE
from herne.portal.assist.consent import check_consent
from herne.portal.assist.helpers import ENTERED_ROLE
from herne.portal.assist.helpers import is_helper
from herne.portal.assist.helpers import organisation_of
from herne.portal.assist.provenance import consent_how
from herne.portal.i18n import in_german
from herne.portal.workflow.application import service_of
from herne.portal.workflow.application_table import FINAL_STATES
from plone import api


#: The step in the application's history; its title is shown to everyone who sees the history.
RENEWED_ACTION = "consent_renewed"
RENEWED_TITLE = _("Einwilligung erneuert")

REFERENCE_FIELD = "reference_number"
REFERENCE_MISSING = _("Bitte geben Sie das Aktenzeichen des Antrags ein.")
#: The same answer for an unknown reference and for an application the caller did not
#: enter: nobody learns of applications that are not theirs to renew.
NOT_YOURS = _(
    "Unter diesem Aktenzeichen gibt es keinen Antrag, für den Sie die Einwilligung erneuern "
    "können. Erneuern können sie nur die Digitallotsin oder der Digitallotse, die den Antrag "
    "erfasst haben (in derselben Helferorganisation), und die zuständige Stelle."
)
NOT_ENTERED_BY_HELPER = _(
    "Diesen Antrag hat keine Digitallotsin und kein Digitallotse erfasst: Es gibt keine "
    "Einwilligung, die erneuert werden könnte."
)
STILL_VALID = _("Die Einwilligung gilt noch: Sie muss nicht erneuert werden.")
CLAIMED = _(
    "Die antragstellende Person hat den Antrag ihrem eigenen Konto zugeordnet. Digitallotsen "
    "handeln dafür nicht mehr für sie."
)
CLOSED = _("Der Antrag ist abgeschlossen: Die Einwilligung kann nicht mehr erneuert werden.")
HELPER_LEFT = _(
    "Die Digitallotsin oder der Digitallotse, die den Antrag erfasst haben, gehört nicht mehr "
    "zu ${organisation}: Für sie kann die Einwilligung nicht erneuert werden. Die Person kann "
    "sich an ihre Helferorganisation oder an die zuständige Stelle wenden."
)


def application_by_reference(reference):
    """The application with the reference number ``reference`` (whoever may see it), or None."""
    reference = str(reference or "").strip()
    if not reference:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Application", reference_number=reference
    )
    return brains[0]._unrestrictedGetObject() if len(brains) == 1 else None


def renewing_capacity(application):
    """The current user's capacity to renew the consent on ``application``, or None.

    The department's clerks (who may process it), or the Digitallotse who entered it,
    still a helper of the organisation recorded with the entry.
    """
    if application is None or api.user.is_anonymous():
        return None
    user = api.user.get_current()
    name = user.getProperty("fullname") or user.getId()
    if api.user.has_permission(PROCESS, obj=application):
        return Capacity(CLERK, user.getId(), name)
    entry = application.entry or {}
    if (
        user.getId() == application.entered_by
        and entry.get("capacity") == HELPER
        and is_helper(user)
        and organisation_of(user) == entry.get("organisation")
    ):
        return Capacity(HELPER, user.getId(), name, entry.get("organisation"))
    return None


def renew_refusal(application):
    """None when the current user may renew the consent on ``application`` now, else why not (German)."""
    if renewing_capacity(application) is None:
        return NOT_YOURS
    entry = application.entry or {}
    if entry.get("capacity") != HELPER or not application.entered_by:
        return NOT_ENTERED_BY_HELPER
    if entry.get("claimed"):
        return CLAIMED
    if api.content.get_state(application) in FINAL_STATES:
        return CLOSED
    if not entry.get("consent_withdrawn"):
        return STILL_VALID
    if not still_in_organisation(application):
        return _(HELPER_LEFT, mapping={"organisation": entry.get("organisation") or ""})
    return None


def renewed_text(capacity, consent):
    """ "Einwilligung erneuert von Digitallotse X, Seniorentreff Wanne-Süd, mit Vollmacht" and the like."""
    how = in_german(consent_how(consent.kind, consent.id_kind))
    if capacity.kind == HELPER:
        text = _(
            "Einwilligung erneuert von Digitallotse ${name}, ${organisation}, ${how}",
            mapping={"name": capacity.name, "organisation": capacity.organisation, "how": how},
        )
    else:
        text = _(
            "Einwilligung am Schalter erneuert von ${name}, ${how}",
            mapping={"name": capacity.name, "how": how},
        )
    return in_german(text)


def renew_consent(application, values):
    """Record the new consent given in ``values`` (the behalf fields): {} or German errors by field.

    Checked as at the entry (a Vollmacht like every upload; "present with ID" only by a
    clerk). Afterwards the Digitallotse who entered the application follows it and acts
    for the applicant again; the history says who renewed it and how.
    """
    reason = renew_refusal(application)
    if reason is not None:
        return {"form": reason}
    capacity = renewing_capacity(application)
    consent, errors = check_consent(capacity, service_of(application), values)
    if errors:
        return errors
    with api.env.adopt_roles(["Manager"]):
        if consent.document is not None:
            store_file(application, DOCUMENT_FIELD, in_german(DOCUMENT_TITLE), consent.document)
        application.entry = {
            **application.entry,
            "consent_withdrawn": None,
            "consent_withdrawn_by": None,
            "consent_renewed": DateTime(),
            "consent_renewed_by": capacity.userid,
            "renewed_consent": consent.kind,
            "renewed_id_kind": consent.id_kind,
        }
        record_step(application, RENEWED_ACTION, renewed_text(capacity, consent), internal=False)
        application.manage_setLocalRoles(application.entered_by, [ENTERED_ROLE])
        application.reindexObject()
        application.reindexObjectSecurity()
    return {}
