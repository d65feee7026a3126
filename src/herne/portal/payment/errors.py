"""Why a payment could not be started or read, in German, for the citizen and the log."""

from herne.portal import _


class PaymentServiceError(Exception):
    """The payment service failed or answered nonsense; ``message`` is what the citizen reads."""

    def __init__(self, message, detail=""):
        super().__init__(detail or str(message))
        self.message = message
        self.detail = detail


UNREACHABLE = _(
    "Der Bezahldienst ist gerade nicht erreichbar. Ihr Antrag ist als Entwurf gespeichert; "
    "bitte versuchen Sie es in einigen Minuten noch einmal."
)
MALFORMED = _(
    "Der Bezahldienst hat eine unverständliche Antwort geschickt. Ihr Antrag ist als Entwurf "
    "gespeichert; bitte versuchen Sie es später noch einmal."
)
REFUSED = _(
    "Der Bezahldienst hat die Zahlung nicht angenommen. Ihr Antrag ist als Entwurf "
    "gespeichert; bitte wenden Sie sich an die zuständige Stelle."
)
NOT_CONFIGURED = _("Die Online-Bezahlung ist für diese Leistung nicht eingerichtet.")
