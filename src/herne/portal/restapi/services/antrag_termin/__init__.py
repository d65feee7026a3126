"""REST for the applicant's own visit: ``<application>/@termin-verschieben`` and ``@termin-absagen``, signed in, no token."""

from herne.portal.booking.own_visit import VisitRefused
from herne.portal.booking.own_visit import own_visit
from herne.portal.booking.slots import BERLIN
from herne.portal.restapi.services.base import JSONService


MOVE_SERVICE = "@termin-verschieben"
CANCEL_SERVICE = "@termin-absagen"


def visit_json(application_url, booking):
    """The open visit as ``@postkorb`` and ``@antrag`` list it for the applicant, with its two actions."""
    return {
        "start": booking["start"].astimezone(BERLIN).isoformat(),
        "code": booking["code"],
        "state": booking["state"],
        "verschieben_url": f"{application_url}/{MOVE_SERVICE}",
        "absagen_url": f"{application_url}/{CANCEL_SERVICE}",
    }


class OwnVisitService(JSONService):
    """The application's open visit for its applicant, or the German error (403, 404)."""

    def own_visit(self, now):
        """(office, booking), or a JSON error to return."""
        try:
            return own_visit(self.context, now)
        except VisitRefused as refused:
            return self.error(refused.status, message=refused.message)
