"""A Digitallotse who leaves their organisation: the consents they hold end, and with them their access."""

from DateTime import DateTime
from herne.portal import _
from herne.portal.applications.processing import record_step
from herne.portal.assist.acting import WITHDRAWN_ACTION
from herne.portal.assist.acting import helper_holds_consent
from herne.portal.assist.helpers import ENTERED_ROLE
from herne.portal.assist.helpers import ORGANISATION_PREFIX
from herne.portal.i18n import in_german
from plone import api


def organisation_left(event):
    """``IPrincipalRemovedFromGroupEvent``: end the consents of applications entered for that organisation.

    Recorded as a withdrawal in each history, so that the helper, taken into the
    organisation again, can renew it with a new Vollmacht (assist.renewal).
    """
    group_id = getattr(event, "group_id", "") or ""
    userid = event.principal if isinstance(event.principal, str) else event.principal.getId()
    if not group_id.startswith(ORGANISATION_PREFIX) or not userid:
        return
    group = api.group.get(groupname=group_id)
    title = (group.getProperty("title") or group_id) if group is not None else group_id
    catalog = api.portal.get_tool("portal_catalog")
    note = in_german(
        _(
            "Die Digitallotse gehört nicht mehr zu ${organisation}: Ihre Einwilligung endet.",
            mapping={"organisation": title},
        )
    )
    with api.env.adopt_roles(["Manager"]):
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Application", entered_by=userid
        ):
            application = brain._unrestrictedGetObject()
            entry = application.entry or {}
            if entry.get("organisation") != title or not helper_holds_consent(application):
                continue
            record_step(application, WITHDRAWN_ACTION, note, internal=False)
            application.entry = {
                **entry,
                "consent_withdrawn": DateTime(),
                "consent_withdrawn_by": "",
            }
            if ENTERED_ROLE in application.get_local_roles_for_userid(userid):
                application.manage_delLocalRoles([userid])
            application.reindexObjectSecurity()
