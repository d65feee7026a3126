"""Refund tasks: a paid application rejected or withdrawn owes the citizen the fee until a clerk marks it done."""

from DateTime import DateTime
from herne.portal.payment.flow import payment_of
from herne.portal.payment.provider import PAID
from plone import api


#: The transitions after which a paid fee is refunded.
REFUNDING = ("reject", "withdraw")
OPEN = "open"
DONE = "done"
#: Who marks a refund done: the department's clerks and the site's staff.
REFUNDERS = {"Clerk", "Manager", "Site Administrator"}


def refund_of(application):
    return getattr(application, "refund", None)


def open_refund_task(application, event):
    """After reject or withdraw of a paid application: a refund task, once.

    The XBezahldienste refund call is not used yet: the finance office refunds and
    the clerk marks the task done.
    """
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
