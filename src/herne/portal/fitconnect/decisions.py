"""The receiving software's decision, read from the case's signed event log: accepted or rejected."""

from herne.portal.fitconnect import security_events
from herne.portal.fitconnect import state as states
from herne.portal.fitconnect.settings import client as settings_client
import logging


logger = logging.getLogger("herne.portal.fitconnect")


def read_decision(application, client=None):
    """Read the case's events and record accept or reject; returns the delivery's status.

    Every event token must carry FIT-Connect's signature; a reject's problems are kept for
    the clerk and logged. Does nothing before the submission was handed over.
    """
    current = states.delivery_state(application)
    if current is None or current.get("status") != states.SUBMITTED:
        return current.get("status") if current is not None else None
    client = client or settings_client()
    keys = security_events.signing_keys(client.signing_keys())
    claims = [security_events.verify(token, keys) for token in client.event_log(current["case_id"])]
    event, details = security_events.outcome(claims, current["submission_id"])
    if event == security_events.ACCEPT:
        states.update(application, status=states.ACCEPTED)
        logger.info("submission %s accepted", current["submission_id"])
    elif event == security_events.REJECT:
        problems = [
            {
                "title": str(problem.get("title") or ""),
                "detail": str(problem.get("detail") or ""),
                "type": str(problem.get("type") or ""),
            }
            for problem in details.get("problems") or ()
            if isinstance(problem, dict)
        ]
        states.update(application, status=states.REJECTED, problems=problems)
        logger.warning(
            "submission %s of %s rejected: %s",
            current["submission_id"],
            application.reference_number,
            "; ".join(f"{p['title']}: {p['detail']}" for p in problems),
        )
    return states.delivery_state(application)["status"]
