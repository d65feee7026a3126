"""A Digitallotse who is no longer one (left the organisation, lost the role, account or group deleted): their consents end."""

from DateTime import DateTime
from herne.portal import _
from herne.portal.applications.processing import record_step
from herne.portal.assist.acting import WITHDRAWN_ACTION
from herne.portal.assist.acting import helper_holds_consent
from herne.portal.assist.acting import still_in_organisation
from herne.portal.assist.helpers import ENTERED_ROLE
from herne.portal.assist.helpers import ORGANISATION_PREFIX
from herne.portal.assist.helpers import is_helper
from herne.portal.i18n import in_german
from plone import api
from zope.component.hooks import getSite


#: Published names after which the consents of helpers who no longer qualify are ended:
#: the control panels and REST services through which the administrator changes roles.
ADMINISTRATION = {
    "usergroup-userprefs",
    "usergroup-groupprefs",
    "usergroup-groupdetails",
    "usergroup-usermembership",
    "usergroup-groupmembership",
    "user-information",
    "@users",
    "@groups",
}

LEFT_ORGANISATION = _(
    "Die Digitallotse gehört nicht mehr zu ${organisation}: Ihre Einwilligung endet."
)
ROLE_LOST = _(
    "Einwilligung beendet: Das Konto der Digitallotse hat die Rolle Digitallotse nicht mehr."
)
ACCOUNT_DELETED = _("Einwilligung beendet: Das Konto der Digitallotse wurde gelöscht.")


def end_consent(application, note):
    """Record ``note`` as a withdrawal in the history and take the helper's local role away.

    Recorded as a withdrawal, so that the helper, a helper of the organisation again,
    can renew it with a new Vollmacht (assist.renewal).
    """
    userid = application.entered_by
    with api.env.adopt_roles(["Manager"]):
        record_step(application, WITHDRAWN_ACTION, in_german(note), internal=False)
        application.entry = {
            **(application.entry or {}),
            "consent_withdrawn": DateTime(),
            "consent_withdrawn_by": "",
        }
        if ENTERED_ROLE in application.get_local_roles_for_userid(userid):
            application.manage_delLocalRoles([userid])
        application.reindexObjectSecurity()


def held_consents(userid):
    """The applications on which ``userid`` still holds a helper's consent."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Application", entered_by=userid):
        application = brain._unrestrictedGetObject()
        if helper_holds_consent(application):
            yield application


def organisation_left(event):
    """``IPrincipalRemovedFromGroupEvent`` (also for each member of a deleted group)."""
    group_id = getattr(event, "group_id", "") or ""
    userid = event.principal if isinstance(event.principal, str) else event.principal.getId()
    if not group_id.startswith(ORGANISATION_PREFIX) or not userid:
        return
    group = api.group.get(groupname=group_id)
    title = (group.getProperty("title") or group_id) if group is not None else group_id
    note = _(LEFT_ORGANISATION, mapping={"organisation": title})
    for application in list(held_consents(userid)):
        if (application.entry or {}).get("organisation") == title:
            end_consent(application, note)


def account_deleted(event):
    """``IPrincipalDeletedEvent``: a new account of the same name must not inherit the consents."""
    userid = event.principal if isinstance(event.principal, str) else event.principal.getId()
    if not userid:
        return
    for application in list(held_consents(userid)):
        end_consent(application, ACCOUNT_DELETED)


def end_lapsed_consents():
    """End every consent held by a helper who is no longer a helper of the recorded organisation."""
    catalog = api.portal.get_tool("portal_catalog")
    ended = 0
    for userid in catalog.uniqueValuesFor("entered_by"):
        if not userid:
            continue
        for application in list(held_consents(userid)):
            if still_in_organisation(application):
                continue
            user = api.user.get(userid=userid)
            if user is not None and not is_helper(user):
                note = ROLE_LOST
            elif user is None:
                note = ACCOUNT_DELETED
            else:
                organisation = (application.entry or {}).get("organisation") or ""
                note = _(LEFT_ORGANISATION, mapping={"organisation": organisation})
            end_consent(application, note)
            ended += 1
    return ended


def roles_administered(event):
    """``IPubBeforeCommit``: after a change in the user and group administration, end lapsed consents.

    Taking the role from an account or a group fires no event in PAS. Access ends
    without it (assist.access); this writes the history entry and ends the consent.
    """
    request = event.request
    if request.get("REQUEST_METHOD", "GET") in ("GET", "HEAD"):
        return
    published = request.get("PUBLISHED")
    # plone.rest names its services "PATCH_application_json_@users"
    name = (getattr(published, "__name__", None) or "").rsplit("_", 1)[-1]
    if name not in ADMINISTRATION:
        return
    if getattr(getSite(), "portal_catalog", None) is None:
        return
    end_lapsed_consents()
