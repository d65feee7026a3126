"""Who may fill in a service's application form: the one check of service, log-in and trust level."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from dataclasses import dataclass
from herne.portal import _
from herne.portal.content.service import IService
from herne.portal.eid.trust import logged_in_with_eid
from herne.portal.eid.trust import satisfies
from plone import api
from zope.i18nmessageid import Message


NO_SERVICE = "no service"
LOGIN = "login"
TRUST = "trust"


@dataclass(frozen=True)
class Refusal:
    """Why the caller may not apply: ``kind`` is one of NO_SERVICE, LOGIN, TRUST."""

    kind: str
    message: Message


def service_of(form):
    """The service an application form belongs to (its parent), or None."""
    parent = aq_parent(aq_inner(form))
    return parent if IService.providedBy(parent) else None


def refusal(service, request, for_someone=False):
    """None if the current user may apply for ``service``, else the Refusal saying why not.

    ``for_someone``: the caller applies for another person; then the applicant's identity
    is the consent's business (assist.consent), not the caller's log-in.
    """
    if service is None:
        return Refusal(NO_SERVICE, _("Dieses Formular gehört zu keiner Leistung."))
    if api.user.is_anonymous():
        return Refusal(LOGIN, _("Bitte melden Sie sich an, um den Antrag zu stellen."))
    if not for_someone and not satisfies(request, service.trust_level):
        if logged_in_with_eid(request):
            # The citizen did use the Online-Ausweis, at a level below the service's.
            return Refusal(
                TRUST,
                _(
                    "Ihre Anmeldung mit dem Online-Ausweis (eID) hat nicht das Vertrauensniveau, "
                    "das diese Leistung verlangt. Bitte melden Sie sich erneut mit dem "
                    "Online-Ausweis an und bestätigen Sie dabei Ihre Identität mit der "
                    "PIN-Eingabe."
                ),
            )
        return Refusal(
            TRUST,
            _(
                "Für diese Leistung müssen Sie sich mit dem Online-Ausweis (eID) "
                "anmelden. Mit Ihrem einfachen Benutzerkonto können Sie diesen "
                "Antrag nicht stellen."
            ),
        )
    return None
