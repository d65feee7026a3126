"""The outbox's senders for FIT-Connect: "fit-connect" delivers, "fit-connect-decision" reads the outcome."""

from herne.portal import _
from herne.portal.fitconnect import state as states
from herne.portal.fitconnect.decisions import read_decision
from herne.portal.fitconnect.delivery import deliver
from herne.portal.fitconnect.errors import Refused
from herne.portal.fitconnect.errors import Unreachable
from herne.portal.i18n import in_german
from herne.portal.outbox.interfaces import IOutboxSender
from herne.portal.outbox.interfaces import PermanentDeliveryError
from herne.portal.outbox.interfaces import TemporaryDeliveryError
from herne.portal.outbox.storage import enqueue
from zope.interface import implementer


DELIVERY = "fit-connect"
DECISION = "fit-connect-decision"
GONE = _("Den Antrag gibt es nicht mehr.")
UNDECIDED = _("Das Fachverfahren hat noch nicht entschieden.")


@implementer(IOutboxSender)
class FitConnectSender:
    """Delivers an application to its destination, then asks the worker to follow the case."""

    def send(self, entry, application):
        if application is None:
            raise PermanentDeliveryError(in_german(GONE))

        def follow_the_case():
            # Committed together with "handed over": the case is followed even after a crash.
            enqueue(application, DECISION, entry.event, entry.destination)

        try:
            result = deliver(application, entry.destination, also=follow_the_case)
        except Unreachable as error:
            raise TemporaryDeliveryError(str(error)) from error
        except Refused as error:
            raise PermanentDeliveryError(str(error)) from error
        follow_the_case()
        return result


@implementer(IOutboxSender)
class DecisionReader:
    """Reads the case's event log until the receiving software accepted or rejected."""

    def send(self, entry, application):
        if application is None:
            raise PermanentDeliveryError(in_german(GONE))
        try:
            status = read_decision(application)
        except Unreachable as error:
            raise TemporaryDeliveryError(str(error)) from error
        except Refused as error:
            raise PermanentDeliveryError(str(error)) from error
        if status == states.SUBMITTED:
            raise TemporaryDeliveryError(in_german(UNDECIDED))
        return {"status": status or ""}
