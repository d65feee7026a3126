"""The citizen's Postkorb page: every own application with its state, whether to act, and unread changes."""

from herne.portal.applications.postkorb import GROUPS
from herne.portal.applications.postkorb import entered_rows
from herne.portal.applications.postkorb import postkorb_rows
from herne.portal.assist.helpers import is_helper
from herne.portal.assist.offer import offer_json
from herne.portal.assist.offer import offers_for
from herne.portal.browser.application_visit import visit_text
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
        return postkorb_rows()

    @memoize
    def entered_rows(self):
        """What the caller entered for others and may still follow (Digitallotsen)."""
        return entered_rows()

    @memoize
    def offers(self):
        """Applications someone else entered for the caller, to accept or decline."""
        return [offer_json(application) for application in offers_for()]

    def is_helper(self):
        """A Digitallotse can renew a withdrawn consent from here."""
        return is_helper()

    def groups(self):
        rows = self.rows()
        return [
            {"id": group_id, "rows": [row for row in rows if row["group"] == group_id]}
            for group_id in GROUPS
        ]

    def visit_text(self, booking):
        """The booked visit of a row, as the application page says it."""
        return visit_text(booking)

    def unread_count(self):
        return sum(1 for row in self.rows() if row["unread"])
