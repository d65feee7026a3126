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
from herne.portal.outbox.settings import outbox_setting
from herne.portal.outbox.storage import enqueue
from zope.interface import implementer


DELIVERY = "fit-connect"
DECISION = "fit-connect-decision"
GONE = _("Den Antrag gibt es nicht mehr.")
UNDECIDED = _("Das Fachverfahren hat noch nicht entschieden.")
NO_DECISION = _(
    "Das Fachverfahren hat nach ${tries} Abfragen nicht entschieden; das Portal fragt nicht "
    "mehr nach. Bitte beim Fachverfahren nachfragen und danach im Ausgang „erneut senden“ wählen."
)
LOG_UNREACHABLE = _(
    "Der Verlauf des Vorgangs bei FIT-Connect war nach ${tries} Versuchen nicht lesbar "
    "(${error}); das Portal fragt nicht mehr nach. Wenn FIT-Connect wieder erreichbar ist, "
    "im Ausgang „erneut senden“ wählen."
)
LOG_REFUSED = _("Die Entscheidung des Fachverfahrens ist nicht lesbar: ${error}")


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
    """Reads the case's event log until the receiving software accepted or rejected.

    Gives up after the outbox's highest number of tries: the last try ends the entry
    dead with a reason the administrator and the clerk can act on (never "try again").
    """

    def send(self, entry, application):
        if application is None:
            raise PermanentDeliveryError(in_german(GONE))
        last_try = entry.tries >= outbox_setting("max_tries")
        try:
            status = read_decision(application)
        except Unreachable as error:
            if last_try:
                message = _(
                    LOG_UNREACHABLE, mapping={"tries": str(entry.tries), "error": error.detail}
                )
                raise PermanentDeliveryError(in_german(message)) from error
            raise TemporaryDeliveryError(str(error)) from error
        except Refused as error:
            message = _(LOG_REFUSED, mapping={"error": str(error)})
            raise PermanentDeliveryError(in_german(message)) from error
        if status == states.SUBMITTED:
            if last_try:
                raise PermanentDeliveryError(
                    in_german(_(NO_DECISION, mapping={"tries": str(entry.tries)}))
                )
            raise TemporaryDeliveryError(in_german(UNDECIDED))
        return {"status": status or ""}
