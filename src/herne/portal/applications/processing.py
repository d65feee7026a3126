"""Clerk and citizen steps on an application: checked, explained in German, then performed."""

from DateTime import DateTime
from herne.portal import _
from herne.portal.applications.messages import add_note
from herne.portal.workflow.application import open_originals
from herne.portal.workflow.application import service_of
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException


WORKFLOW_ID = "herne_application_workflow"
PROCESS = "herne.portal: Process application"
#: Steps after which nothing more happens: the processing time ends here.
FINAL_STATES = ("sent", "picked_up", "rejected", "withdrawn")
#: States in which the department still owes the citizen something.
OPEN_STATES = (
    "submitted",
    "in_progress",
    "info_requested",
    "originals_pending",
    "approved",
    "ready_for_pickup",
)
#: Steps that make no sense without a text for the citizen.
COMMENT_REQUIRED = {
    "request_info": _("Bitte schreiben Sie, welche Angaben oder Unterlagen fehlen."),
    "reject": _("Bitte begründen Sie die Ablehnung."),
}


class ProcessingRefused(Exception):
    """A step that may not happen now; ``message`` says why, in German."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def workflow():
    return api.portal.get_tool("portal_workflow").getWorkflowById(WORKFLOW_ID)


def state_title(state_id):
    state = workflow().states.get(state_id)
    return state.title if state is not None else state_id


def transition_title(transition_id):
    transition = workflow().transitions.get(transition_id)
    return transition.title if transition is not None else transition_id


def exits_of(state_id, permission=PROCESS):
    """The steps leaving ``state_id`` that are guarded by ``permission``."""
    wf = workflow()
    state = wf.states.get(state_id)
    if state is None:
        return []
    return [
        transition_id
        for transition_id in state.transitions
        if transition_id in wf.transitions
        and permission in (wf.transitions[transition_id].guard.permissions or ())
    ]


def refusal(application, transition_id):
    """None when the current user may take this step now, otherwise the German reason."""
    wf = workflow()
    transition = wf.transitions.get(transition_id)
    if transition is None:
        return _("Diesen Bearbeitungsschritt gibt es nicht.")
    state = api.content.get_state(application)
    if transition_id not in wf.states[state].transitions:
        return _(
            "Im Stand „${state}“ ist der Schritt „${step}“ nicht möglich.",
            mapping={"state": state_title(state), "step": transition.title},
        )
    for permission in transition.guard.permissions or ():
        if not api.user.has_permission(permission, obj=application):
            if permission == PROCESS and api.user.get_current().getId() == application.applicant:
                return _("Diesen Schritt nimmt die Sachbearbeitung der Stadt vor.")
            if permission == PROCESS:
                return _("Ihre Organisationseinheit ist für diesen Antrag nicht zuständig.")
            return _("Diesen Schritt dürfen Sie bei diesem Antrag nicht ausführen.")
    missing = open_originals(application)
    if transition_id in ("approve", "originals_received") and missing:
        return _(
            "Es sind noch nicht alle Originale vorgelegt. Es fehlen: ${names}.",
            mapping={"names": ", ".join(missing)},
        )
    if transition_id == "request_originals" and not missing:
        return _("Für diesen Antrag sind keine Originale mehr vorzulegen.")
    if transition_id == "send_by_post":
        service = service_of(application)
        if service is not None and service.result_delivery == "pickup":
            return _(
                "Das Ergebnis dieser Leistung muss persönlich abgeholt werden "
                "und kann nicht per Post versandt werden."
            )
        if not (application.delivery_address or "").strip():
            return _("Der Antrag enthält keine Zustelladresse für den Versand per Post.")
    if transition_id not in {t["id"] for t in wf.getTransitionsFor(application, application)}:
        return _("Dieser Schritt ist gerade nicht möglich.")
    return None


def perform(application, transition_id, comment="", internal=False, **extra):
    """Take the step as the current user, or raise ProcessingRefused with the reason."""
    comment = (comment or "").strip()
    reason = refusal(application, transition_id)
    if reason is None and transition_id in COMMENT_REQUIRED and not comment:
        reason = COMMENT_REQUIRED[transition_id]
    if reason is not None:
        raise ProcessingRefused(reason)
    try:
        api.portal.get_tool("portal_workflow").doActionFor(
            application, transition_id, comment=comment, internal=bool(internal), **extra
        )
    except WorkflowException:
        raise ProcessingRefused(_("Dieser Schritt ist gerade nicht möglich.")) from None
    application.reindexObject()


def record_step(application, action, comment, internal=True):
    """Add a non-workflow step (such as a hand-over) to the application's history."""
    tool = api.portal.get_tool("portal_workflow")
    status = dict(tool.getStatusOf(WORKFLOW_ID, application) or {})
    actor = api.user.get_current().getId()
    now = DateTime()
    status.update(
        action=action,
        actor=actor,
        comments="" if internal else comment,
        internal=internal,
        time=now,
    )
    tool.setStatusOf(WORKFLOW_ID, application, status)
    if internal and comment:
        add_note(application, comment, actor, now)


def processing_states_titles():
    """(id, title) of every state an application can have after submission."""
    return [
        (state.id, state.title) for state in workflow().states.objectValues() if state.id != "draft"
    ]
