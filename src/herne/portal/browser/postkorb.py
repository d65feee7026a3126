"""The citizen's Postkorb: every own application with its state, whether to act, and unread changes."""

from herne.portal.applications.next_step import must_act
from herne.portal.applications.processing import FINAL_STATES
from herne.portal.applications.processing import state_title
from plone import api
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized


class PostkorbView(BrowserView):
    """Drafts, open and closed applications of the logged-in citizen, from catalog metadata."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see your Postkorb")
        return self.index()

    @memoize
    def rows(self):
        userid = api.user.get_current().getId()
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.searchResults(
            portal_type="Application",
            applicant=userid,
            sort_on="modified",
            sort_order="descending",
        )
        titles = {}
        rows = []
        for brain in brains:
            state = brain.review_state
            if state not in titles:
                titles[state] = state_title(state)
            date = brain.submitted or brain.modified
            rows.append(
                {
                    "url": brain.getURL(),
                    "reference": brain.reference_number,
                    "service": brain.service_title,
                    "date": date.strftime("%d.%m.%Y") if date else "",
                    "state": state,
                    "state_title": titles[state],
                    "must_act": must_act(state),
                    "unread": bool(brain.citizen_unread),
                    "group": group_of(state),
                }
            )
        return rows

    def groups(self):
        rows = self.rows()
        return [
            {"id": group_id, "rows": [row for row in rows if row["group"] == group_id]}
            for group_id in ("open", "draft", "closed")
        ]

    def unread_count(self):
        return sum(1 for row in self.rows() if row["unread"])


def group_of(state):
    if state == "draft":
        return "draft"
    return "closed" if state in FINAL_STATES else "open"
