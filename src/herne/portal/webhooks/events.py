"""Every submission and state change of an application becomes one outbox entry per endpoint of its department."""

from herne.portal.outbox.storage import enqueue
from herne.portal.webhooks.endpoints import endpoints_of
from plone import api


KIND = "webhook"


def event_name(step, new_state):
    return "application.submitted" if step == "submit" else f"application.state.{new_state}"


def on_transition(application, event):
    if event.transition is None:
        return
    department_uid = getattr(application, "department_uid", None)
    endpoints = endpoints_of(department_uid)
    if not endpoints:
        return
    name = event_name(event.transition.id, event.new_state.id)
    uid = api.content.get_uuid(application)
    # the step's place in the history: the same state reached twice is two events
    history = (getattr(application, "workflow_history", None) or {}).values()
    step_number = sum(len(entries) for entries in history)
    for endpoint in endpoints:
        key = f"{KIND}:{endpoint['id']}:{uid}:{name}:{step_number}"
        enqueue(
            application,
            KIND,
            name,
            endpoint["id"],
            key=key,
            details={"state": event.new_state.id, "step": event.transition.id},
        )
