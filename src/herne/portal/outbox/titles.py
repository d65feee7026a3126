"""What administrators read for an outbox entry's kind and event (messages; unknown ids are shown as they are)."""

from herne.portal import _


KIND_TITLES = {
    "mail": _("E-Mail"),
    "webhook": _("Webhook"),
    "fit-connect": _("FIT-Connect-Zustellung"),
    "fit-connect-decision": _("FIT-Connect-Entscheidung abfragen"),
}
#: Mails to the department's mailbox, by their key (see applications.notifications).
DEPARTMENT_MAILS = {
    "new": _("Neuer Antrag"),
    "answer": _("Antwort der Antragstellenden"),
    "withdrawn": _("Antrag zurückgezogen"),
    "message": _("Neue Nachricht"),
}
SUBMITTED = _("Antrag eingereicht")
RECEIPT = _("Eingangsbestätigung an die Antragstellenden")
NEW_STATE = _("Neuer Stand: ${state}")
STATUS_MAIL = _("Mitteilung an die Antragstellenden: ${state}")
DEPARTMENT_MAIL = _("Mitteilung an die Fachabteilung: ${what}")


def kind_title(kind):
    return KIND_TITLES.get(kind, kind)


def event_title(event, state_title=None):
    """The entry's occasion; ``state_title(state_id)`` gives a state's label (its id by default)."""
    state_title = state_title or (lambda state_id: state_id)
    if event in ("submitted", "application.submitted"):
        return SUBMITTED
    if event == "mail:receipt":
        return RECEIPT
    if event.startswith("application.state."):
        return _(NEW_STATE, mapping={"state": state_title(event[len("application.state.") :])})
    if event.startswith("mail:status:"):
        return _(STATUS_MAIL, mapping={"state": state_title(event[len("mail:status:") :])})
    if event.startswith("mail:department:"):
        key = event[len("mail:department:") :]
        if key in DEPARTMENT_MAILS:
            return _(DEPARTMENT_MAIL, mapping={"what": DEPARTMENT_MAILS[key]})
    return event
