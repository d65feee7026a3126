"""Paying a draft's fee: paid submits it exactly once, cancelled or failed keeps the draft, pending waits."""

from decimal import Decimal
from herne.portal.applications.drafts import remove_stale_drafts
from herne.portal.conflicts.pending_index import get_pending_index
from herne.portal.payment.amount import amount_due
from herne.portal.payment.errors import UNREACHABLE
from herne.portal.payment.errors import PaymentServiceError
from herne.portal.payment.flow import ALREADY_PAID
from herne.portal.payment.flow import PaymentMismatch
from herne.portal.payment.flow import settle
from herne.portal.payment.flow import settle_pending
from herne.portal.payment.flow import start_payment
from herne.portal.payment.provider import CANCELLED
from herne.portal.payment.provider import FAILED
from herne.portal.payment.provider import PAID
from herne.portal.payment.provider import PENDING
from plone import api
import pytest
import requests
from tests.fixtures.applications import draft_application
from tests.fixtures.payment import configure_payment
from tests.fixtures.payment import receipt_text
import transaction


SERVICE = "gewerbe-anmelden"  # Ordnungsamt, 26,00 €


@pytest.fixture()
def paying_draft(demo, payment_service):
    """A draft of the demo citizen for a service with payment switched on."""
    portal = demo["portal"]
    configure_payment(payment_service.url, endpoints=["ordnungsamt=ordnungsamt"])
    portal["leistungen"][SERVICE].payment_enabled = True
    return draft_application(portal, SERVICE)


def submissions(application):
    history = application.workflow_history["herne_application_workflow"]
    return [entry for entry in history if entry["action"] == "submit"]


def test_the_amount_is_the_services_fee_and_nothing_for_a_free_service(demo):
    services = demo["portal"]["leistungen"]
    assert amount_due(services[SERVICE]) == Decimal("26.00")
    assert amount_due(services["wohngeld"]) == Decimal("0.00")


def test_paid_submits_the_draft_exactly_once(paying_draft, payment_service):
    pay_url = start_payment(paying_draft)
    assert "26,00 €" in requests.get(pay_url, timeout=5).text
    assert settle(paying_draft) == PENDING
    assert api.content.get_state(paying_draft) == "draft"
    payment_service.choose(pay_url, "pay")

    assert settle(paying_draft) == PAID
    reference_number = paying_draft.reference_number
    assert api.content.get_state(paying_draft) == "submitted" and reference_number
    assert paying_draft.payment["payment_reference"].startswith("PAY-")
    assert paying_draft.payment["method"] == "CREDITCARD"
    # the return opened again, in a second tab, by the settling job: nothing more happens
    assert settle(paying_draft) == PAID
    assert settle_pending() == {}
    assert paying_draft.reference_number == reference_number
    assert len(submissions(paying_draft)) == 1


@pytest.mark.parametrize("button, state", [("cancel", CANCELLED), ("fail", FAILED)])
def test_cancelled_or_failed_keeps_the_draft_and_it_can_be_paid_again(
    paying_draft, payment_service, button, state
):
    first = start_payment(paying_draft)
    payment_service.choose(first, button)
    assert settle(paying_draft) == state
    assert api.content.get_state(paying_draft) == "draft"
    assert not getattr(paying_draft, "reference_number", None)

    second = start_payment(paying_draft)
    assert second != first and paying_draft.payment["attempt"] == 2
    payment_service.choose(second, "pay")
    assert settle(paying_draft) == PAID
    assert api.content.get_state(paying_draft) == "submitted"


def test_a_payment_still_pending_is_settled_by_the_job(paying_draft, payment_service):
    payment_service.hooks(pending_polls=1, **{"return": "drop"})
    pay_url = start_payment(paying_draft)
    payment_service.choose(pay_url, "pay")
    assert settle(paying_draft) == PENDING
    path = "/".join(paying_draft.getPhysicalPath())
    assert settle_pending() == {path: PAID}
    assert api.content.get_state(paying_draft) == "submitted"
    assert len(submissions(paying_draft)) == 1


def test_the_job_settles_a_paid_draft_whose_process_died_before_cataloguing_it(
    demo, paying_draft, payment_service
):
    """Killed between the commit and the cataloguing, the draft waits in the pending index only."""
    payment_service.hooks(**{"return": "drop"})
    pay_url = start_payment(paying_draft)
    payment_service.choose(pay_url, "pay")
    portal = demo["portal"]
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(paying_draft.getPhysicalPath())
    catalog.uncatalog_object(path)
    get_pending_index(portal, create=True).add(paying_draft.UID(), path)
    assert not catalog.unrestrictedSearchResults(UID=paying_draft.UID())

    assert settle_pending() == {path: PAID}
    assert api.content.get_state(paying_draft) == "submitted"
    assert len(submissions(paying_draft)) == 1


def test_a_tampered_amount_is_refused_and_nothing_is_submitted(paying_draft, payment_service):
    pay_url = start_payment(paying_draft)
    payment_service.choose(pay_url, "pay")
    paying_draft.payment = {**paying_draft.payment, "amount": "2.60"}
    with pytest.raises(PaymentMismatch):
        settle(paying_draft)
    assert api.content.get_state(paying_draft) == "draft"


def test_a_failing_payment_service_changes_nothing(paying_draft, payment_service):
    pay_url = start_payment(paying_draft)
    payment_service.choose(pay_url, "pay")
    payment_service.hooks(fail_next="500")
    with pytest.raises(PaymentServiceError) as raised:
        settle(paying_draft)
    assert raised.value.message == UNREACHABLE
    assert api.content.get_state(paying_draft) == "draft"
    assert paying_draft.payment["state"] == PENDING
    assert settle(paying_draft) == PAID


def test_a_paid_draft_is_never_removed_as_stale(paying_draft, payment_service):
    start_payment(paying_draft)
    assert "/".join(paying_draft.getPhysicalPath()) not in remove_stale_drafts(days=-1)


def test_the_receipt_names_the_paid_fee_its_reference_and_method(paying_draft, payment_service):
    pay_url = start_payment(paying_draft)
    payment_service.choose(pay_url, "pay")
    settle(paying_draft)
    text = receipt_text(paying_draft)
    assert "Gebühr bezahlt 26,00 €" in text
    assert f"Zahlungsreferenz {paying_draft.payment['payment_reference']}" in text
    assert "Zahlungsart Kreditkarte" in text


def test_a_turkish_receipt_names_the_paid_fee_in_turkish(paying_draft, payment_service):
    paying_draft.citizen_language = "tr"
    pay_url = start_payment(paying_draft)
    payment_service.choose(pay_url, "pay")
    settle(paying_draft)
    text = receipt_text(paying_draft)
    assert "Ücret ödendi 26,00 €" in text
    assert f"Ödeme referansı {paying_draft.payment['payment_reference']}" in text
    assert "Ödeme yöntemi Kredi kartı" in text
    assert "Gebühr bezahlt" not in text


def test_a_settlement_lost_before_its_commit_is_made_again_once(paying_draft, payment_service):
    pay_url = start_payment(paying_draft)
    payment_service.choose(pay_url, "pay")
    before_commit = transaction.savepoint()
    assert settle(paying_draft) == PAID
    before_commit.rollback()  # the process was killed after the service's answer
    assert api.content.get_state(paying_draft) == "draft"
    assert paying_draft.payment["state"] == PENDING
    assert list(settle_pending().values()) == [PAID]
    assert len(submissions(paying_draft)) == 1


def test_a_paid_application_is_found_by_its_reference_and_submission_date(
    paying_draft, payment_service
):
    payment_service.choose(start_payment(paying_draft), "pay")
    settle(paying_draft)
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(reference_number=paying_draft.reference_number)
    assert brain.review_state == "submitted" and brain.submitted is not None


def test_an_open_payment_is_never_opened_a_second_time(paying_draft, payment_service):
    first = start_payment(paying_draft)
    assert start_payment(paying_draft) == first  # e.g. the draft resumed and sent again
    payment_service.choose(first, "pay")
    with pytest.raises(PaymentServiceError) as raised:
        start_payment(paying_draft)  # paid meanwhile: submitted, nothing opened
    assert raised.value.message == ALREADY_PAID
    assert api.content.get_state(paying_draft) == "submitted"
    opened = [
        tx
        for tx, answer in payment_service.transactions()["transactions"].items()
        if answer["paymentRequest"]["requestId"].startswith(f"{paying_draft.getId()}-")
    ]
    assert len(opened) == 1
