"""The German answer when Zope gives up on a request after its write-conflict retries (503, page or JSON)."""

from herne.portal import _
from herne.portal.browser.refused_requests import RefusedRequestView
from herne.portal.i18n import in_request_language
import json
from plone.rest.interfaces import IAPIRequest


BUSY_TITLE = _("Ihre Anfrage konnte gerade nicht bearbeitet werden")
BUSY_TEXT = _(
    "Das Serviceportal ist im Moment stark ausgelastet. Es wurde nichts gespeichert, nichts "
    "abgeschickt und nichts doppelt bezahlt; ein schon gespeicherter Entwurf bleibt erhalten. "
    "Bitte senden Sie Ihre Angaben in einer Minute noch einmal ab. Haben Sie schon bezahlt, "
    "wird Ihr Antrag abgeschickt, sobald der Bezahldienst die Zahlung bestätigt; Ihr Postkorb "
    "zeigt den Stand."
)
#: Seconds the client is asked to wait before sending again.
RETRY_AFTER = "60"
#: The ``type`` of the JSON answer, for REST clients that send again by themselves.
ERROR_TYPE = "ServiceBusy"


class ConflictGivenUpView(RefusedRequestView):
    """503 with what happened (nothing) and what to do (send again), never a traceback."""

    status = 503
    title = BUSY_TITLE
    text = BUSY_TEXT

    def error_type(self):
        return ERROR_TYPE

    def __call__(self):
        response = self.request.response
        response.setHeader("Retry-After", RETRY_AFTER)
        if IAPIRequest.providedBy(self.request):
            response.setStatus(self.status, lock=True)
            response.setHeader("Content-Type", "application/json")
            message = f"{in_request_language(self.title)}. {in_request_language(self.text)}"
            return json.dumps({"type": ERROR_TYPE, "message": message}, ensure_ascii=False)
        return super().__call__()
