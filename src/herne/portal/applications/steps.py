"""What follows each workflow step: message history, e-mails and the processing time."""

from DateTime import DateTime
from herne.portal.applications.messages import FROM_CITIZEN
from herne.portal.applications.messages import FROM_CITY
from herne.portal.applications.messages import add_message
from herne.portal.applications.messages import add_note
from herne.portal.applications.notifications import queue_department_mail
from herne.portal.applications.notifications import queue_status_mail
from herne.portal.applications.processing import CommentRefused
from herne.portal.applications.processing import comment_refusal
from herne.portal.assist.acting import behalf_record
from herne.portal.workflow.application_table import DECISIONS
from herne.portal.workflow.application_table import FINAL_STATES
from herne.portal.workflow.application_table import WORKFLOW_ID
from plone import api


#: Steps the citizen takes, and what the department's mailbox is told about them.
CITIZEN_STEPS = {"submit": "new", "answer": "answer", "withdraw": "withdrawn"}


def decision_time(application):
    """When the application was (last) approved or rejected, from its workflow history; else None."""
    history = (getattr(application, "workflow_history", None) or {}).get(WORKFLOW_ID, ())
    times = [entry["time"] for entry in history if entry.get("action") in DECISIONS]
    return times[-1] if times else None


def record_processing_time(application, now):
    """Days from submission to the decision (a withdrawal: to the withdrawal), for the statistics."""
    end = decision_time(application) or now
    application.decided = end
    if application.submitted is not None:
        application.processing_days = round(float(end - application.submitted), 3)


def before_transition(application, event):
    """Whatever the channel (page, worklist, REST): the comment rules of processing hold."""
    if event.transition is None:
        return
    kwargs = event.kwargs or {}
    reason = comment_refusal(event.transition.id, kwargs.get("comment"), kwargs.get("internal"))
    if reason is not None:
        raise CommentRefused(reason)


def after_transition(application, event):
    if event.transition is None:  # the workflow was just assigned
        return
    step = event.transition.id
    state_id = event.new_state.id
    state_title = event.new_state.title
    kwargs = event.kwargs or {}
    internal = bool(kwargs.get("internal"))
    public_comment = "" if internal else (kwargs.get("comment") or "").strip()
    actor = api.user.get_current().getId()

    if internal and (kwargs.get("comment") or "").strip():
        add_note(application, kwargs["comment"].strip(), actor, (event.status or {}).get("time"))

    if state_id in FINAL_STATES:
        record_processing_time(application, DateTime())
    # Whatever the channel (REST @workflow reindexes only the state): retention counts
    # from the closing, and a reopened application must not keep an old closing date.
    application.reindexObject(idxs=["closed", "processing_days"])

    if step in CITIZEN_STEPS:
        message_id = None
        if step != "submit":
            message_id = add_message(
                application,
                public_comment,
                FROM_CITIZEN,
                actor,
                kind="status",
                state=state_id,
                files=kwargs.get("files", ()),
                on_behalf=behalf_record(application, actor),
            )["id"]
        # The mails are written to the outbox and read the comment from the message when sent.
        queue_department_mail(
            application, CITIZEN_STEPS[step], state_title, public_comment, message_id
        )
        if step == "withdraw":
            queue_status_mail(application, state_id, state_title, public_comment, message_id)
        return
    message = add_message(
        application, public_comment, FROM_CITY, actor, kind="status", state=state_id
    )
    queue_status_mail(application, state_id, state_title, public_comment, message["id"])
