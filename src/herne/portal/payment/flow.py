"""Paying an application's fees: open the payment on the draft, settle it exactly once from the status query.

The payment's state lives on the application itself (``application.payment``, a plain
dict replaced on every change), so two settlements at once write the same object and
one of them ends in a ZODB conflict and is retried: it then finds the application
submitted and changes nothing.
"""

from DateTime import DateTime
from decimal import Decimal
from herne.portal import _
from herne.portal.applications.factory import application_id_key
from herne.portal.applications.factory import send_to_department
from herne.portal.applications.lookup import waiting_for_catalog
from herne.portal.applications.notifications import queue_receipt_mail
from herne.portal.payment.amount import amount_due
from herne.portal.payment.amount import euro_text
from herne.portal.payment.amount import fee_lines
from herne.portal.payment.amount import lines_record
from herne.portal.payment.errors import PaymentServiceError
from herne.portal.payment.idempotency import idempotency_key
from herne.portal.payment.idempotency import remember
from herne.portal.payment.idempotency import remembered
from herne.portal.payment.opened_payments import keep
from herne.portal.payment.opened_payments import kept
from herne.portal.payment.provider import CANCELLED
from herne.portal.payment.provider import FAILED
from herne.portal.payment.provider import PAID
from herne.portal.payment.provider import PENDING
from herne.portal.payment.provider import Initiated
from herne.portal.payment.settings import booking_text_for
from herne.portal.payment.settings import provider_for
from itertools import chain
import logging
from plone import api


logger = logging.getLogger("herne.portal.payment")

#: The return view the pay page sends the citizen back to (on the application).
RETURN_VIEW = "zahlung-zurueck"

MISMATCH = _(
    "Die Angaben des Bezahldienstes passen nicht zu Ihrem Antrag (Betrag oder Referenz). "
    "Der Antrag wurde nicht abgeschickt; bitte wenden Sie sich an die zuständige Stelle."
)


ALREADY_PAID = _("Diese Gebühr ist bereits bezahlt; Ihr Antrag ist abgeschickt.")


class PaymentMismatch(PaymentServiceError):
    """The service reports another amount or reference than the portal stored."""


def payment_of(application):
    """The application's payment record (a dict), or None."""
    return getattr(application, "payment", None)


def _store(application, **changes):
    record = dict(payment_of(application) or {})
    record.update(changes)
    # A new dict: the application object itself is written (see the module docstring).
    application.payment = record
    application.reindexObject(idxs=["modified"])
    return record


def opened_elsewhere(key):
    """(reference, Initiated) of a payment another process opened under ``key``, or None."""
    found = kept(api.portal.get(), key)
    if found is None:
        return None
    reference, transaction_id, pay_url = found
    return reference, Initiated(transaction_id, pay_url)


def start_payment(application, service=None):
    """Open a payment of the service's fee for the draft ``application``; returns the pay page URL.

    The amount is computed here from the service's fees and the draft's values, never
    taken from the request. Raises PaymentServiceError.
    """
    service = service or service_of_application(application)
    # The form's values as the draft keeps them: fees may depend on them (copies, a second dog).
    lines = fee_lines(service, getattr(application, "draft_values", None))
    amount = amount_due(service, getattr(application, "draft_values", None))
    record = payment_of(application) or {}
    if record.get("state") == PENDING:
        # Never a second payment while one may still be paid: ask, and go back to its page.
        if settle(application) == PENDING:
            return record["pay_url"]
        record = payment_of(application)
    if record.get("state") == PAID:
        raise PaymentServiceError(ALREADY_PAID, "already paid")
    attempt = int(record.get("attempt", 0)) + 1
    key = idempotency_key(application, service, attempt, amount)
    provider = provider_for(service)
    reference = f"{application.getId()}-{attempt}"
    opened = remembered(key) or opened_elsewhere(key)
    if opened is not None and (
        # Its return address names another application, or it was decided meanwhile.
        opened[0] != reference or provider.status(opened[1].transaction_id).state != PENDING
    ):
        opened = None
    if opened is None:
        initiated = provider.initiate(
            amount,
            reference,
            booking_text_for(service, reference),
            f"{application.absolute_url()}/@@{RETURN_VIEW}",
            description=service.title,
        )
        remember(key, (reference, initiated))
        # At once for every instance: a resend after this process was killed finds it.
        keep(
            api.portal.get(),
            {
                key: (reference, initiated.transaction_id, initiated.pay_url),
                application_id_key(
                    application.applicant, getattr(application, "submission_token", None)
                ): application.getId(),
            },
        )
    else:
        # The same request again after a write conflict (or the same form sent again after
        # Zope gave up): the transaction it opened, never a second one.
        initiated = opened[1]
        logger.info("payment %s reused for %s", initiated.transaction_id, application.getId())
    _store(
        application,
        state=PENDING,
        transaction_id=initiated.transaction_id,
        pay_url=initiated.pay_url,
        amount=str(amount),
        lines=lines_record(lines),
        reference=reference,
        attempt=attempt,
        started=DateTime().ISO8601(),
        payment_reference="",
        method="",
    )
    return initiated.pay_url


def open_payment(application, service):
    """Open the payment of a just filed draft: (pay page URL, None) or (None, German error)."""
    try:
        return start_payment(application, service), None
    except PaymentServiceError as error:
        logger.warning("payment of %s not opened: %s", application.getId(), error.detail)
        return None, error.message


OPEN_PAYMENT_DIFFERS = _(
    "Für diesen Antrag ist schon eine Zahlung über ${amount} € offen. Ihre geänderten Angaben "
    "ergeben eine andere Gebühr und wurden nicht gespeichert. Bitte schließen Sie die offene "
    "Zahlung ab oder brechen Sie sie auf der Bezahlseite ab; danach können Sie die Angaben ändern."
)


def open_payment_conflict(draft, service, values):
    """Why ``values`` may not go into ``draft`` (German), or None.

    While a payment of the draft is open its amount is fixed: values that give another
    fee would be submitted with a fee paid for other values.
    """
    record = payment_of(draft) if draft is not None else None
    if not record or record.get("state") != PENDING:
        return None
    if Decimal(record["amount"]) == amount_due(service, values):
        return None
    return _(OPEN_PAYMENT_DIFFERS, mapping={"amount": euro_text(record["amount"])})


def open_pay_url(application):
    """The pay page of the application's payment while it is open, else None."""
    record = payment_of(application) or {}
    if record.get("state") == PENDING and api.content.get_state(application) == "draft":
        return record.get("pay_url")
    return None


def service_of_application(application):
    """The service page the application was made for."""
    return api.content.get(UID=application.service_uid)


def settle(application):
    """Ask the payment service and act on its answer: the state afterwards.

    Paid: the draft is submitted (once: a paid payment is never read again). Cancelled
    or failed: the draft stays. Pending: nothing changes. A reported amount or reference
    other than the stored one raises PaymentMismatch and changes nothing.
    """
    record = payment_of(application)
    if not record or not record.get("transaction_id"):
        return None
    if record["state"] == PAID or api.content.get_state(application) != "draft":
        return record["state"]
    service = service_of_application(application)
    status = provider_for(service).status(record["transaction_id"])
    if status.amount != Decimal(record["amount"]) or (
        status.reference and status.reference != record["reference"]
    ):
        logger.error(
            "payment %s of %s: service reports %s/%s, stored %s/%s",
            record["transaction_id"],
            application.getId(),
            status.amount,
            status.reference,
            record["amount"],
            record["reference"],
        )
        raise PaymentMismatch(MISMATCH, "amount or reference differs")
    if status.state == PENDING:
        return PENDING
    if status.state in (CANCELLED, FAILED):
        _store(application, state=status.state)
        return status.state
    _store(
        application,
        state=PAID,
        payment_reference=status.payment_reference,
        method=status.method,
        paid=DateTime().ISO8601(),
    )
    send_to_department(application, comment=_paid_comment(record, status))
    # The workflow reindexes its state only: the worklist finds it by date and reference.
    application.reindexObject()
    _queue_receipt(application)
    return PAID


def _paid_comment(record, status):
    amount = f"{Decimal(record['amount']):.2f}".replace(".", ",")
    return f"Gebühr {amount} € bezahlt ({status.method}, {status.payment_reference})"


def _queue_receipt(application):
    applicant = api.user.get(userid=application.applicant) if application.applicant else None
    queue_receipt_mail(application, applicant)


def pending_payments():
    """Drafts whose payment is still open (for the settling job); drafts are few, so walked."""
    catalog = api.portal.get_tool("portal_catalog")
    catalogued = (
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Application", review_state="draft"
        )
    )
    seen = set()
    for draft in chain(catalogued, waiting_for_catalog()):
        path = draft.getPhysicalPath()
        if path in seen or api.content.get_state(draft) != "draft":
            continue
        seen.add(path)
        record = payment_of(draft)
        if record and record.get("state") == PENDING:
            yield draft


def settle_pending():
    """Settle every open payment; returns {path: state or error text}. For the cron job."""
    results = {}
    with api.env.adopt_roles(["Manager"]):
        for draft in list(pending_payments()):
            path = "/".join(draft.getPhysicalPath())
            try:
                results[path] = settle(draft)
            except PaymentServiceError as error:
                results[path] = f"error: {error.detail or error}"
    return results
