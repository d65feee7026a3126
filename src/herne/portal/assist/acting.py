"""While the consent is valid, the Digitallotse acts for the applicant: answers requests, writes messages; the consent can be withdrawn."""

from DateTime import DateTime
from herne.portal import _
from herne.portal.applications.processing import PROCESS
from herne.portal.applications.processing import record_step
from herne.portal.assist.capacity import HELPER
from herne.portal.assist.helpers import ENTERED_ROLE
from herne.portal.assist.helpers import is_helper
from herne.portal.assist.helpers import organisation_of
from herne.portal.i18n import in_german
from plone import api


NOT_WITHDRAWABLE = _(
    "Für diesen Antrag gibt es keine Einwilligung einer Digitallotsin oder eines "
    "Digitallotsen, die noch widerrufen werden könnte."
)
NO_LONGER_ACTING = _(
    "Für die antragstellende Person schreiben Digitallotsen nur, solange ihre Einwilligung "
    "gilt und sie den Antrag nicht selbst ihrem Konto zugeordnet hat."
)
#: The withdrawal as a step in the application's history (the renewal follows it there).
WITHDRAWN_ACTION = "consent_withdrawn"
WITHDRAWN_TITLE = _("Einwilligung widerrufen")

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


def still_in_organisation(application):
    """Whether the Digitallotse who entered ``application`` still is one, of the organisation recorded then.

    The administrator takes a helper who leaves the Seniorentreff out of its group:
    from then on they act for nobody they once helped.
    """
    entered_by = application.entered_by
    user = api.user.get(userid=entered_by) if entered_by else None
    return (
        user is not None
        and is_helper(user)
        and organisation_of(user) == (application.entry or {}).get("organisation")
    )


def acts_for_applicant(application):
    """Whether the current user is the Digitallotse who may act for the applicant now."""
    return (
        helper_holds_consent(application)
        and api.user.get_current().getId() == application.entered_by
        and still_in_organisation(application)
    )


def is_former_helper(application):
    """Whether the current user entered ``application`` as a Digitallotse but may no longer act."""
    entry = application.entry or {}
    return (
        entry.get("capacity") == HELPER
        and api.user.get_current().getId() == application.entered_by
        and not acts_for_applicant(application)
    )


def behalf_record(application, userid):
    """What a message written by the Digitallotse for the applicant keeps of them; None otherwise.

    Kept with the message as written now, so that it still says who wrote it after a
    claim or a withdrawal of the consent.
    """
    entry = application.entry or {}
    if (
        entry.get("capacity") != HELPER
        or not userid
        or userid != application.entered_by
        or userid == application.applicant
    ):
        return None
    return {
        "name": entry.get("name") or userid,
        "organisation": entry.get("organisation") or "",
        "applicant": application.applicant_name or "",
    }


def behalf_text(record):
    """ "geschrieben von Digitallotse X (Organisation) für Y", in German; "" without a record."""
    if not record:
        return ""
    return in_german(
        _(
            "geschrieben von Digitallotse ${name} (${organisation}) für ${applicant}",
            mapping={
                "name": record.get("name") or "",
                "organisation": record.get("organisation") or "",
                "applicant": record.get("applicant") or "",
            },
        )
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
    if userid == application.applicant:
        note = _("Die antragstellende Person hat die Einwilligung für die Digitallotse widerrufen.")
    else:
        note = _("Die zuständige Stelle hat die Einwilligung für die Digitallotse widerrufen.")
    with api.env.adopt_roles(["Manager"]):
        record_step(application, WITHDRAWN_ACTION, in_german(note), internal=False)
        application.entry = {
            **application.entry,
            "consent_withdrawn": DateTime(),
            "consent_withdrawn_by": userid,
        }
        application.manage_delLocalRoles([application.entered_by])
        application.reindexObjectSecurity()
    return {}
