"""While the consent is valid, the Digitallotse acts for the applicant: answers requests; the consent can be withdrawn."""

from DateTime import DateTime
from herne.portal import _
from herne.portal.applications.processing import PROCESS
from herne.portal.assist.capacity import HELPER
from herne.portal.assist.helpers import ENTERED_ROLE
from plone import api


NOT_WITHDRAWABLE = _(
    "Für diesen Antrag gibt es keine Einwilligung einer Digitallotsin oder eines "
    "Digitallotsen, die noch widerrufen werden könnte."
)
NOT_YOURS = _(
    "Die Einwilligung widerrufen können nur die antragstellende Person und die zuständige Stelle."
)


def helper_holds_consent(application):
    """Whether a Digitallotse entered ``application`` and may still act: not claimed, not withdrawn."""
    entry = application.entry or {}
    entered_by = application.entered_by
    return (
        entry.get("capacity") == HELPER
        and not entry.get("consent_withdrawn")
        and bool(entered_by)
        and ENTERED_ROLE in application.get_local_roles_for_userid(entered_by)
    )


def acts_for_applicant(application):
    """Whether the current user is the Digitallotse who may act for the applicant now."""
    return (
        helper_holds_consent(application)
        and api.user.get_current().getId() == application.entered_by
    )


def withdraw_refusal(application):
    """None when the current user may withdraw the helper's consent, else why not (German)."""
    if not helper_holds_consent(application):
        return NOT_WITHDRAWABLE
    userid = api.user.get_current().getId()
    if userid != application.applicant and not api.user.has_permission(PROCESS, obj=application):
        return NOT_YOURS
    return None


def withdraw_consent(application):
    """End the helper's consent: they can no longer see or act on the application. {} or errors."""
    reason = withdraw_refusal(application)
    if reason is not None:
        return {"form": reason}
    userid = api.user.get_current().getId()
    with api.env.adopt_roles(["Manager"]):
        application.entry = {
            **application.entry,
            "consent_withdrawn": DateTime(),
            "consent_withdrawn_by": userid,
        }
        application.manage_delLocalRoles([application.entered_by])
        application.reindexObjectSecurity()
    return {}
