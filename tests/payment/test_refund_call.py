"""Refunds through the payment service's refund call where it has one; otherwise the clerk's task stays."""

from decimal import Decimal
from herne.portal.payment.errors import PaymentServiceError
from herne.portal.payment.flow import settle
from herne.portal.payment.flow import start_payment
from herne.portal.payment.provider import RefundNotOffered
from herne.portal.payment.refunds import retry_failed_refunds
from plone import api
import pytest
from tests.fixtures.applications import draft_application
from tests.fixtures.applications import move_along
from tests.fixtures.payment import configure_payment


SERVICE = "gewerbe-anmelden"  # Ordnungsamt, 26,00 €


@pytest.fixture()
def paid_application(demo, payment_service):
    portal = demo["portal"]
    configure_payment(payment_service.url, endpoints=["ordnungsamt=ordnungsamt"])
    portal["leistungen"][SERVICE].payment_enabled = True
    draft = draft_application(portal, SERVICE)
    payment_service.choose(start_payment(draft), "pay")
    settle(draft)
    assert api.content.get_state(draft) == "submitted"
    return draft


def refunds_at_the_service(payment_service, application):
    answer = payment_service.transactions()["transactions"][application.payment["transaction_id"]]
    return answer["refunds"]


def reject(application):
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=application, transition="reject", comment="Begründung")


def test_the_client_refunds_once_per_refund_id_and_never_more_than_was_paid(
    paid_application, payment_service
):
    client = payment_service.client()
    tx = paid_application.payment["transaction_id"]
    first = client.refund(tx, Decimal("26.00"), "r-1")
    assert first.amount == Decimal("26.00") and first.refund_reference.startswith("REF-")
    # the same refund again (its answer was lost): the same refund, nothing more
    assert client.refund(tx, Decimal("26.00"), "r-1") == first
    with pytest.raises(PaymentServiceError):
        client.refund(tx, Decimal("0.01"), "r-2")
    assert len(refunds_at_the_service(payment_service, paid_application)) == 1


def test_a_service_without_the_refund_call_is_told_apart(paid_application, payment_service):
    payment_service.hooks(refunds=False)
    with pytest.raises(RefundNotOffered):
        payment_service.client().refund(
            paid_application.payment["transaction_id"], Decimal("26.00"), "r-1"
        )


def test_rejecting_a_paid_application_refunds_it_through_the_payment_service(
    paid_application, payment_service
):
    reject(paid_application)
    task = paid_application.refund
    assert task["state"] == "done" and task["done_by"] == "payment-service"
    (refund,) = refunds_at_the_service(payment_service, paid_application)
    assert refund["grosAmount"] == 26.0 and refund["refundReference"] == task["refund_reference"]
    page = paid_application.unrestrictedTraverse("@@zahlungsstand")()
    assert f"Erstattet über den Bezahldienst (Referenz {task['refund_reference']})" in page
    assert "Erstattung erledigt</button>" not in page


def test_without_the_refund_call_the_task_stays_for_the_clerk(paid_application, payment_service):
    payment_service.hooks(refunds=False)
    reject(paid_application)
    assert paid_application.refund["state"] == "open"
    assert retry_failed_refunds() == {}  # nothing to try: the finance office refunds
    assert paid_application.refund["state"] == "open"


def test_a_refund_that_failed_is_made_once_by_the_settling_job(paid_application, payment_service):
    payment_service.hooks(fail_next="500")
    reject(paid_application)
    assert paid_application.refund["state"] == "open"
    assert "erneut versucht" in paid_application.unrestrictedTraverse("@@zahlungsstand")()
    path = "/".join(paid_application.getPhysicalPath())
    assert retry_failed_refunds() == {path: "done"}
    assert retry_failed_refunds() == {}
    assert len(refunds_at_the_service(payment_service, paid_application)) == 1


def test_a_withdrawn_paid_application_is_refunded_too(demo, payment_service):
    portal = demo["portal"]
    configure_payment(payment_service.url, endpoints=["ordnungsamt=ordnungsamt"])
    portal["leistungen"][SERVICE].payment_enabled = True
    draft = draft_application(portal, SERVICE)
    payment_service.choose(start_payment(draft), "pay")
    settle(draft)
    move_along(draft, ["withdraw"])
    assert draft.refund["state"] == "done" and draft.refund["reason"] == "withdraw"
