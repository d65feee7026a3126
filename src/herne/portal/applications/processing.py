"""Clerk and citizen steps on an application: checked, explained in German, then performed."""

from DateTime import DateTime
from herne.portal import _
from herne.portal.applications.evidence import check_decision_letter
from herne.portal.applications.factory import store_file
from herne.portal.applications.limits import MAX_TEXT
from herne.portal.applications.limits import TEXT_TOO_LONG
from herne.portal.applications.messages import add_note
from herne.portal.i18n import in_german
from herne.portal.workflow.application import guard_refusal
from herne.portal.workflow.application_table import DECISIONS
from herne.portal.workflow.application_table import PROCESS
from herne.portal.workflow.application_table import TRANSITIONS
from herne.portal.workflow.application_table import WORKFLOW_ID
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException


#: Steps that make no sense without a text for the citizen.
COMMENT_REQUIRED = {
    "request_info": _("Bitte schreiben Sie, welche Angaben oder Unterlagen fehlen."),
    "reject": _("Bitte begründen Sie die Ablehnung."),
}
NOT_INTERNAL = _(
    "Diese Bemerkung richtet sich an die Antragstellerin oder den Antragsteller "
    "und kann nicht intern sein."
)


class ProcessingRefused(Exception):
    """A step that may not happen now; ``message`` says why, in German, about form ``field``."""

    def __init__(self, message, field="transition"):
        super().__init__(message)
        self.message = message
        self.field = field


class CommentRefused(WorkflowException):
    """Raised before a transition whose comment breaks the rules: whatever the channel."""

    def __init__(self, message):
        # the workflow tool raises it again as ``type(error)(error)``: keep the message
        message = getattr(message, "message", message)
        super().__init__(in_german(message))  # plone.restapi's @workflow shows the text
        self.message = message


def comment_refusal(transition_id, comment, internal=False):
    """Why ``comment`` does not do for this step (German), or None: the one home of the rule."""
    comment = (comment or "").strip()
    if len(comment) > MAX_TEXT:
        return TEXT_TOO_LONG
    if transition_id in COMMENT_REQUIRED:
        if not comment:
            return COMMENT_REQUIRED[transition_id]
        if internal:
            return NOT_INTERNAL
    return None


#: The form field of the decision letter, and the ApplicationFile's field name.
DECISION_FIELD = "decision"


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
    # the guards of the workflow table say why (the installed workflow may be older)
    table = TRANSITIONS.get(transition_id)
    reason = guard_refusal(table.guard, application) if table is not None else None
    if reason is not None:
        return reason
    # Whatever else the installed definition's guard asks (roles, expressions): this step only.
    if not wf.isActionSupported(application, transition_id):
        return _("Dieser Schritt ist gerade nicht möglich.")
    return None


def perform(application, transition_id, comment="", internal=False, decision=None, **extra):
    """Take the step as the current user, or raise ProcessingRefused with the reason.

    ``decision`` is the decision letter (a PDF) of an approval or rejection: checked
    before the step and kept with the application.
    """
    reason = refusal(application, transition_id)
    if reason is not None:
        raise ProcessingRefused(reason)
    if decision is not None:
        if transition_id not in DECISIONS:
            raise ProcessingRefused(
                _("Ein Bescheid gehört nur zur Genehmigung oder Ablehnung."), DECISION_FIELD
            )
        problem = check_decision_letter(decision)
        if problem is not None:
            raise ProcessingRefused(problem, DECISION_FIELD)
    take_step(application, transition_id, comment, internal, **extra)
    if decision is not None:
        with api.env.adopt_roles(["Manager"]):
            store_file(application, DECISION_FIELD, in_german(_("Bescheid")), decision)


def take_step(application, transition_id, comment="", internal=False, **extra):
    """Take a step that refusal() allowed; ProcessingRefused when its comment does not do."""
    try:
        api.portal.get_tool("portal_workflow").doActionFor(
            application,
            transition_id,
            comment=(comment or "").strip(),
            internal=bool(internal),
            **extra,
        )
    except CommentRefused as refused:
        raise ProcessingRefused(refused.message, "comment") from None
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
