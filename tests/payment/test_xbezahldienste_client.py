"""The XBezahldienste client against the test payment service: open, pay, read, and every failure."""

from decimal import Decimal
from herne.portal.payment.errors import MALFORMED
from herne.portal.payment.errors import REFUSED
from herne.portal.payment.errors import UNREACHABLE
from herne.portal.payment.errors import PaymentServiceError
from herne.portal.payment.provider import CANCELLED
from herne.portal.payment.provider import FAILED
from herne.portal.payment.provider import PAID
from herne.portal.payment.provider import PENDING
from herne.portal.payment.provider import IPaymentProvider
from herne.portal.payment.provider import XBezahldiensteClient
import pytest
import requests


RETURN_URL = "http://portal.invalid/herne/antrag/zahlung-zurueck"


def open_payment(client, amount="30.50"):
    return client.initiate(Decimal(amount), "HER-2026-000123", "Bewohnerparkausweis", RETURN_URL)


def test_the_client_is_a_payment_provider(payment_service):
    assert IPaymentProvider.providedBy(payment_service.client())


def test_a_new_payment_is_pending_with_its_amount_and_a_pay_page(payment_service):
    client = payment_service.client()
    opened = open_payment(client)
    page = requests.get(opened.pay_url, timeout=5)
    assert "30,50 €" in page.text and "Bezahlen" in page.text and "Fehlschlagen" in page.text
    status = client.status(opened.transaction_id)
    assert (status.state, status.amount, status.reference) == (
        PENDING,
        Decimal("30.50"),
        "HER-2026-000123",
    )
    assert status.payment_reference == ""


@pytest.mark.parametrize("button, state", [("pay", PAID), ("cancel", CANCELLED), ("fail", FAILED)])
def test_the_pay_page_choice_is_read_through_the_status_query(payment_service, button, state):
    client = payment_service.client()
    opened = open_payment(client)
    back = payment_service.choose(opened.pay_url, button)
    assert back.status_code == 303 and back.headers["Location"] == RETURN_URL
    status = client.status(opened.transaction_id)
    assert status.state == state
    assert bool(status.payment_reference and status.method) is (state == PAID)


def test_a_decided_payment_is_not_decided_again(payment_service):
    client = payment_service.client()
    opened = open_payment(client)
    payment_service.choose(opened.pay_url, "pay")
    payment_service.choose(opened.pay_url, "cancel")
    assert client.status(opened.transaction_id).state == PAID


def test_a_payment_can_stay_pending_after_the_citizen_paid(payment_service):
    payment_service.hooks(pending_polls=1)
    client = payment_service.client()
    opened = open_payment(client)
    payment_service.choose(opened.pay_url, "pay")
    assert client.status(opened.transaction_id).state == PENDING
    assert client.status(opened.transaction_id).state == PAID


def test_a_dropped_return_leaves_the_citizen_on_the_service(payment_service):
    payment_service.hooks(**{"return": "drop"})
    opened = open_payment(payment_service.client())
    answer = payment_service.choose(opened.pay_url, "pay")
    assert answer.status_code == 200 and "Zahlung ausgeführt" in answer.text


@pytest.mark.parametrize(
    "failure, message", [("500", UNREACHABLE), ("malformed", MALFORMED), ("timeout", UNREACHABLE)]
)
def test_failures_of_the_service_end_in_a_german_message(payment_service, failure, message):
    payment_service.hooks(fail_next=failure)
    client = payment_service.client(timeout=(1, 1))
    with pytest.raises(PaymentServiceError) as raised:
        open_payment(client)
    assert raised.value.message == message


def test_a_status_query_failure_ends_in_a_german_message(payment_service):
    client = payment_service.client()
    opened = open_payment(client)
    payment_service.hooks(fail_next="500")
    with pytest.raises(PaymentServiceError) as raised:
        client.status(opened.transaction_id)
    assert raised.value.message == UNREACHABLE


def test_wrong_credentials_are_refused(payment_service):
    with pytest.raises(PaymentServiceError) as raised:
        open_payment(payment_service.client(password="falsch"))
    assert raised.value.message == REFUSED


def test_an_unknown_transaction_is_refused(payment_service):
    with pytest.raises(PaymentServiceError):
        payment_service.client().status("TX999999")


def test_another_endpoint_does_not_read_the_transaction(payment_service):
    opened = open_payment(payment_service.client())
    with pytest.raises(PaymentServiceError):
        payment_service.client(endpoint_id="standesamt").status(opened.transaction_id)


def test_an_unreachable_service_ends_in_a_german_message():
    client = XBezahldiensteClient("http://127.0.0.1:9", "herne", "amt", timeout=(1, 1))
    with pytest.raises(PaymentServiceError) as raised:
        open_payment(client)
    assert raised.value.message == UNREACHABLE
