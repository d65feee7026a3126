"""Who may apply for someone else at a service: a Digitallotse of an organisation, or a clerk of its department."""

from dataclasses import dataclass
from herne.portal import _
from herne.portal.assist.helpers import is_helper
from herne.portal.assist.helpers import organisation_of
from herne.portal.booking.counter_clerks import is_office_clerk
from plone import api


HELPER = "helper"
CLERK = "clerk"

NOT_ALLOWED = _(
    "Für eine andere Person beantragen können nur Digitallotsen und die Sachbearbeitung "
    "der zuständigen Stelle."
)
NO_ORGANISATION = _(
    "Ihr Konto als Digitallotse gehört zu keiner Helferorganisation. Bitte wenden Sie sich "
    "an die Verwaltung des Portals; bis dahin können Sie für niemanden einen Antrag stellen."
)


@dataclass(frozen=True)
class Capacity:
    """In what capacity the current user enters an application for someone."""

    kind: str
    userid: str
    name: str
    organisation: str = None


def capacity_for(service):
    """``(Capacity, None)`` when the current user may apply for someone at ``service``, else ``(None, message)``."""
    if service is None or api.user.is_anonymous():
        return None, NOT_ALLOWED
    user = api.user.get_current()
    name = user.getProperty("fullname") or user.getId()
    if is_office_clerk(service.department_object(), user):
        return Capacity(CLERK, user.getId(), name), None
    if is_helper(user):
        organisation = organisation_of(user)
        if organisation is None:
            return None, NO_ORGANISATION
        return Capacity(HELPER, user.getId(), name, organisation), None
    return None, NOT_ALLOWED
