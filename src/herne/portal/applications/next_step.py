"""What happens next, per state, in plain German, and whether the citizen must act."""

from herne.portal import _
from herne.portal.applications.office import office_line
from herne.portal.workflow.application import open_originals
from herne.portal.workflow.application import service_of
from herne.portal.workflow.application_table import CITIZEN_MUST_ACT


def must_act(state_id):
    return state_id in CITIZEN_MUST_ACT


def next_step(application, state_id, department=None):
    """One or two German sentences on what comes next for the citizen (a translatable message)."""
    office = office_line(department)
    if state_id == "draft":
        return _(
            "Ihr Antrag ist noch nicht abgesendet. Setzen Sie ihn fort und senden Sie ihn ab, "
            "oder löschen Sie den Entwurf."
        )
    if state_id == "submitted":
        return _(
            "Ihr Antrag ist eingegangen. Die zuständige Stelle beginnt bald mit der Bearbeitung."
        )
    if state_id == "in_progress":
        return _("Die Sachbearbeitung prüft Ihren Antrag. Sie müssen nichts tun.")
    if state_id == "info_requested":
        return _(
            "Die Stadt benötigt noch Angaben oder Unterlagen. Bitte antworten Sie auf der "
            "Seite Ihres Antrags."
        )
    if state_id == "originals_pending":
        return _(
            "Bitte zeigen Sie diese Originale persönlich vor: ${originals}. Wo: ${office}",
            mapping={"originals": ", ".join(open_originals(application)), "office": office},
        )
    if state_id == "approved":
        return _("Ihr Antrag ist genehmigt. Das Ergebnis wird Ihnen zugestellt oder bereitgelegt.")
    if state_id == "sent":
        return _("Das Ergebnis ist per Post an Sie unterwegs. Der Antrag ist abgeschlossen.")
    if state_id == "ready_for_pickup":
        pickup = service_of(application)
        if pickup is not None and pickup.result_delivery == "pickup":
            return _(
                "Das Ergebnis liegt zur Abholung bereit. Es kann nur persönlich abgeholt "
                "werden; bringen Sie Ihren Ausweis mit. Wo: ${office}",
                mapping={"office": office},
            )
        return _(
            "Das Ergebnis liegt zur Abholung bereit. Bringen Sie Ihren Ausweis mit. Wo: ${office}",
            mapping={"office": office},
        )
    if state_id == "picked_up":
        return _("Sie haben das Ergebnis abgeholt. Der Antrag ist abgeschlossen.")
    if state_id == "rejected":
        return _(
            "Ihr Antrag wurde abgelehnt. Die Begründung finden Sie im Verlauf und im Bescheid."
        )
    if state_id == "withdrawn":
        return _("Sie haben den Antrag zurückgezogen. Er wird nicht weiter bearbeitet.")
    return ""
