"""Refund tasks: a paid application rejected or withdrawn owes the citizen the fee until it is refunded.

Where the payment service offers a refund call, the task is done by it at once (or by
the settling job later, when the service could not be reached); otherwise the finance
office refunds and the department's clerk marks the task done.
"""

from DateTime import DateTime
from decimal import Decimal
from herne.portal.payment.errors import PaymentServiceError
from herne.portal.payment.flow import payment_of
from herne.portal.payment.flow import service_of_application
from herne.portal.payment.provider import PAID
from herne.portal.payment.provider import RefundNotOffered
from herne.portal.payment.settings import booking_text_for
from herne.portal.payment.settings import provider_for
import logging
from plone import api


logger = logging.getLogger("herne.portal.payment")

#: The transitions after which a paid fee is refunded.
REFUNDING = ("reject", "withdraw")
OPEN = "open"
DONE = "done"
#: Who marks a refund done: the department's clerks and the site's staff.
REFUNDERS = {"Clerk", "Manager", "Site Administrator"}
#: ``done_by`` of a refund the payment service made.
BY_PAYMENT_SERVICE = "payment-service"
#: ``automatic`` of an open task: the service has no refund call, or it failed this time.
NOT_OFFERED = "not_offered"
FAILED = "failed"


def refund_of(application):
    return getattr(application, "refund", None)


def open_refund_task(application, event):
    """After reject or withdraw of a paid application: a refund task, once, refunded by the service if it can."""
    if event.transition is None or event.transition.id not in REFUNDING:
        return
    record = payment_of(application) or {}
    if record.get("state") != PAID or refund_of(application):
        return
    application.refund = {
        "state": OPEN,
        "amount": record["amount"],
        "payment_reference": record.get("payment_reference", ""),
        "opened": DateTime().ISO8601(),
        "reason": event.transition.id,
    }
    refund_by_payment_service(application)


def refund_by_payment_service(application):
    """Ask the payment service to refund an open task; the task's state afterwards.

    The refund id is derived from the payment, so a try repeated (after a write conflict,
    or by the settling job) refunds once. A service without the call leaves the task to
    the clerk; a failure leaves it open for the next try.
    """
    task = refund_of(application) or {}
    record = payment_of(application) or {}
    if task.get("state") != OPEN or task.get("automatic") == NOT_OFFERED:
        return task.get("state")
    refund_id = f"{record['reference']}-erstattung"
    try:
        service = service_of_application(application)
        refunded = provider_for(service).refund(
            record["transaction_id"],
            Decimal(task["amount"]),
            refund_id,
            purpose=f"Erstattung {booking_text_for(service, record['reference'])}"[:140],
        )
    except RefundNotOffered:
        application.refund = {**task, "automatic": NOT_OFFERED}
        return OPEN
    except PaymentServiceError as error:
        logger.warning("refund %s of %s not made: %s", refund_id, application.getId(), error)
        application.refund = {**task, "automatic": FAILED}
        return OPEN
    application.refund = {
        **task,
        "state": DONE,
        "automatic": DONE,
        "done": DateTime().ISO8601(),
        "done_by": BY_PAYMENT_SERVICE,
        "refund_reference": refunded.refund_reference,
    }
    return DONE


def failed_refunds():
    """Applications whose refund by the payment service failed and is to be tried again."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Application", review_state=("rejected", "withdrawn")
    ):
        application = brain._unrestrictedGetObject()
        task = refund_of(application) or {}
        if task.get("state") == OPEN and task.get("automatic") == FAILED:
            yield application


def retry_failed_refunds():
    """Try the failed refunds again; returns {path: state}. For the settling job."""
    results = {}
    with api.env.adopt_roles(["Manager"]):
        for application in list(failed_refunds()):
            path = "/".join(application.getPhysicalPath())
            results[path] = refund_by_payment_service(application)
    return results


def may_mark_refunded(application):
    roles = set(api.user.get_roles(obj=application))
    return bool(roles & REFUNDERS) and (refund_of(application) or {}).get("state") == OPEN


def mark_refunded(application):
    """The clerk's "Erstattung erledigt": who and when."""
    application.refund = {
        **refund_of(application),
        "state": DONE,
        "done": DateTime().ISO8601(),
        "done_by": api.user.get_current().getId(),
    }
