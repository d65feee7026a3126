"""Why an eID log-in was refused, in German, for the citizen and the log."""

from herne.portal import _


class EidRefused(Exception):
    """The eID log-in cannot go on; ``message`` is what the citizen reads."""

    def __init__(self, message, detail=""):
        super().__init__(detail or str(message))
        self.message = message
        self.detail = detail


NOT_CONFIGURED = _("Die Anmeldung mit dem Online-Ausweis ist auf diesem Portal nicht eingerichtet.")
PROVIDER_UNREACHABLE = _(
    "Der Anmeldedienst (BundID) ist gerade nicht erreichbar. "
    "Bitte versuchen Sie es in einigen Minuten noch einmal."
)
OUTSIDE_PORTAL = _(
    "Die Rücksprungadresse führt aus dem Serviceportal hinaus. Aus Sicherheitsgründen "
    "wurde die Anmeldung nicht begonnen."
)
STATE_INVALID = _(
    "Diese Anmeldung ist abgelaufen, wurde bereits verwendet oder in einem anderen Browser "
    "begonnen. Bitte melden Sie sich erneut an."
)
PROVIDER_ERROR = _("Der Anmeldedienst hat die Anmeldung abgebrochen oder abgelehnt.")
TOKEN_INVALID = _(
    "Die Antwort des Anmeldedienstes ist ungültig (Aussteller, Empfänger, Gültigkeit oder "
    "Signatur stimmen nicht). Aus Sicherheitsgründen wurden Sie nicht angemeldet."
)
NONCE_INVALID = _(
    "Die Antwort des Anmeldedienstes gehört nicht zu dieser Anmeldung. Aus Sicherheitsgründen "
    "wurden Sie nicht angemeldet."
)
TRUST_UNKNOWN = _(
    "Der Anmeldedienst hat ein Vertrauensniveau gemeldet, das dieses Portal nicht kennt. "
    "Aus Sicherheitsgründen wurden Sie nicht angemeldet."
)
USERINFO_INVALID = _(
    "Die Angaben des Anmeldedienstes passen nicht zur Anmeldung. Aus Sicherheitsgründen "
    "wurden Sie nicht angemeldet."
)
ACCOUNT_CONFLICT = _(
    "Zu dieser Anmeldung gibt es bereits ein anderes Benutzerkonto. Aus Sicherheitsgründen "
    "wurden Sie nicht angemeldet; bitte wenden Sie sich an die Stadt."
)
