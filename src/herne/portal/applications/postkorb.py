"""The citizen's Postkorb: own applications from catalog metadata, for the page and the REST API."""

from herne.portal.applications.mail_texts import state_in
from herne.portal.applications.next_step import must_act
from herne.portal.applications.next_step import next_step
from herne.portal.applications.office import department_of
from herne.portal.applications.processing import state_title
from herne.portal.booking.application_visit import VISIT_STATES
from herne.portal.booking.application_visit import open_visit_link
from herne.portal.booking.own_visit import open_visit
from herne.portal.booking.storage import utcnow
from herne.portal.formats import german_date
from herne.portal.i18n import answer_language
from herne.portal.i18n import in_request_language
from herne.portal.payment.summary import draft_payment_title
from herne.portal.restapi.services.antrag_termin import visit_json
from herne.portal.translated_titles import service_uid_of
from herne.portal.translated_titles import titles_in
from herne.portal.workflow.application_table import STATES
from plone import api
from zope.globalrequest import getRequest


#: The Postkorb's sections in the order the page shows them.
GROUPS = ("open", "draft", "closed")


def group_of(state):
    """The Postkorb section of a state: the workflow table's group, final shown as "closed"."""
    if state == "draft":
        return "draft"
    table = STATES.get(state)
    return "closed" if table is not None and table.group == "final" else "open"


def postkorb_rows(userid=None):
    """Every application of ``userid`` (default: the current user), newest change first."""
    userid = userid or api.user.get_current().getId()
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.searchResults(
        portal_type="Application",
        applicant=userid,
        sort_on="modified",
        sort_order="descending",
    )
    titles = {}
    # the service named in the language the citizen reads the Postkorb in
    services = {brain.UID: service_uid_of(brain) for brain in brains}
    language = answer_language(getRequest())
    translated = titles_in(language, services.values())
    rows = []
    now = utcnow()
    for brain in brains:
        state = brain.review_state
        if state not in titles:
            titles[state] = state_in(state_title(state), language)
        date = brain.submitted or brain.modified
        visit = open_visit(brain.UID, now)[1] if state != "draft" else None
        rows.append(
            {
                "url": brain.getURL(),
                "reference": brain.reference_number,
                "service": translated.get(services[brain.UID]) or brain.service_title,
                "date": german_date(date) if date else "",
                "state": state,
                # A draft waiting for its fee says so (drafts are few: woken one by one).
                "state_title": (
                    draft_payment_title(brain.getObject()) if state == "draft" else None
                )
                or titles[state],
                "must_act": must_act(state),
                "unread": bool(brain.citizen_unread),
                "group": group_of(state),
                "visit_url": (
                    open_visit_link(brain.getObject(), now)
                    if state in VISIT_STATES and visit is None
                    else None
                ),
                "visit": visit,  # the booked visit, to move or cancel here
            }
        )
    return rows


def row_as_json(row):
    """One Postkorb row as the REST API gives it (``GET @postkorb``)."""
    return {
        "@id": row["url"],
        "reference_number": row["reference"],
        "service_title": row["service"],
        "date": row["date"],
        "review_state": row["state"],
        "state_title": row["state_title"],
        "must_act": row["must_act"],
        "unread": row["unread"],
        "termin_buchen_url": row["visit_url"],
        "termin": visit_json(row["url"], row["visit"]) if row["visit"] else None,
    }


def entered_rows(userid=None):
    """The open applications ``userid`` entered for someone else, while they may still follow them.

    The catalog shows only what the caller may view: an application drops out when its
    applicant claims it (the helper's local role goes) or when it is closed (the workflow).
    """
    userid = userid or api.user.get_current().getId()
    catalog = api.portal.get_tool("portal_catalog")
    rows = []
    for brain in catalog.searchResults(
        portal_type="Application", entered_by=userid, sort_on="modified", sort_order="descending"
    ):
        application = brain.getObject()  # a helper follows a handful: the next step needs it
        state = brain.review_state
        rows.append(
            {
                "url": brain.getURL(),
                "reference": brain.reference_number,
                "service": brain.service_title,
                "applicant": brain.applicant_name,
                "date": german_date(brain.submitted) if brain.submitted else "",
                "state": state,
                "state_title": state_in(state_title(state), answer_language(getRequest())),
                "next_step": in_request_language(
                    next_step(application, state, department_of(application))
                ),
            }
        )
    return rows


def entered_row_as_json(row):
    """One application entered for someone, as ``GET @postkorb`` lists it under ``erfasst``."""
    return {
        "@id": row["url"],
        "reference_number": row["reference"],
        "service_title": row["service"],
        "applicant_name": row["applicant"],
        "date": row["date"],
        "review_state": row["state"],
        "state_title": row["state_title"],
        "next_step": row["next_step"],
    }
