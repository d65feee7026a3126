"""``GET @postkorb``: the caller's applications, newest change first."""

from herne.portal import _
from herne.portal.applications.postkorb import entered_row_as_json
from herne.portal.applications.postkorb import entered_rows
from herne.portal.applications.postkorb import postkorb_rows
from herne.portal.applications.postkorb import row_as_json
from herne.portal.assist.offer import offer_json
from herne.portal.assist.offer import offers_for
from herne.portal.restapi.services.base import JSONService
from plone import api


class PostkorbGet(JSONService):
    """The rows of the Postkorb page, as JSON."""

    def reply(self):
        if api.user.is_anonymous():
            return self.error(401, message=_("Bitte melden Sie sich an."))
        rows = postkorb_rows()
        return {
            "@id": f"{self.context.absolute_url()}/@postkorb",
            "items_total": len(rows),
            "items": [row_as_json(row) for row in rows],
            # What the caller entered for others (Digitallotsen), while they may follow it.
            "erfasst": [entered_row_as_json(row) for row in entered_rows()],
            # Entered for the caller by someone else: to accept or decline (``POST @angebote``).
            "angebote": [offer_json(application) for application in offers_for()],
        }
