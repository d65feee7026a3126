"""Fees that depend on the form's values: declared on the service, computed on the server at every step."""

from decimal import Decimal
from herne.portal.applications.lookup import find_by_submission_token
from herne.portal.payment.amount import amount_due
from herne.portal.payment.flow import open_payment_conflict
from herne.portal.payment.flow import start_payment
from herne.portal.payment.provider import PENDING
from plone import api
import pytest
import requests
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import draft_application
from tests.fixtures.payment import DEREGISTRATION
from tests.fixtures.payment import configure_payment
from tests.fixtures.rest import DOG_TAX
import transaction
from zope.i18n import translate


COPIES = {
    "field": "copies",
    "choice": None,
    "amount": Decimal("6.00"),
    "included": 1,
    "label": "je weitere Ausfertigung",
}
SECOND_DOG = {
    "field": "second_dog",
    "choice": "Ja",
    "amount": Decimal("60.00"),
    "included": 0,
    "label": "für einen zweiten Hund",
}


@pytest.mark.parametrize(
    "values, amount",
    [
        (None, "156.00"),
        ({"copies": 1}, "156.00"),
        ({"copies": 3}, "168.00"),
        ({"copies": "3"}, "168.00"),
        ({"copies": -4}, "156.00"),
        ({"copies": "drei"}, "156.00"),
        ({"copies": True}, "156.00"),
        ({"copies": 10**9}, str(Decimal("156.00") + 998 * Decimal("6.00"))),
        ({"second_dog": "Ja"}, "216.00"),
        ({"second_dog": ["Ja"]}, "216.00"),
        ({"second_dog": "Nein"}, "156.00"),
        ({"copies": 2, "second_dog": "Ja"}, "222.00"),
    ],
)
def test_the_amount_is_the_first_fee_plus_the_rules_for_the_values(demo, values, amount):
    service = demo["portal"]["leistungen"]["hundesteuer"]
    service.fee_rules = [COPIES, SECOND_DOG]
    assert amount_due(service, values) == Decimal(amount)


def test_a_free_service_never_costs_whatever_its_rules_say(demo):
    service = demo["portal"]["leistungen"]["wohngeld"]
    service.fee_rules = [COPIES, SECOND_DOG]
    assert amount_due(service, {"copies": 5, "second_dog": "Ja"}) == Decimal("0.00")


def test_values_changed_while_a_payment_is_open_are_refused_if_the_fee_changes(
    demo, payment_service
):
    portal = demo["portal"]
    configure_payment(payment_service.url, endpoints=["ordnungsamt=ordnungsamt"])
    service = portal["leistungen"]["gewerbe-anmelden"]
    service.payment_enabled = True
    service.fee_rules = [COPIES]
    draft = draft_application(portal, "gewerbe-anmelden")
    draft.draft_values = {"copies": 2}
    pay_url = start_payment(draft)
    assert draft.payment["amount"] == "32.00" and draft.payment["state"] == PENDING
    assert "32,00 €" in requests.get(pay_url, timeout=5).text
    assert open_payment_conflict(draft, service, {"copies": 2}) is None
    refused = open_payment_conflict(draft, service, {"copies": 4})
    assert "Zahlung über 32,00 € offen" in translate(refused, target_language="de")


@pytest.fixture()
def paying_site(rest_portal, payment_service):
    configure_payment(payment_service.url, endpoints=["steuern=steuern"])
    service = rest_portal["leistungen"]["hundesteuer"]
    service.payment_enabled = True
    service.fee_rules = [DEREGISTRATION]
    transaction.commit()
    return rest_portal


def form_url(portal):
    return portal["leistungen"]["hundesteuer"]["antrag"].absolute_url()


def test_the_form_names_the_surcharges_before_the_citizen_starts(paying_site, api_session):
    citizen = api_session(*CITIZEN)
    fee = citizen.get(f"{form_url(paying_site)}/@antragsformular").json()["fee"]
    assert fee["amount"] == "156.00"
    assert fee["surcharges"] == [
        {
            "field": "registration_type",
            "choice": "Hund abmelden",
            "amount": "5.00",
            "included": 0,
            "label": "für die Abmeldebescheinigung",
        }
    ]
    page = citizen.get(form_url(paying_site), headers={"Accept": "text/html"}).text
    assert "Gebühr: 156,00 €" in page
    assert "zuzüglich 5,00 € für die Abmeldebescheinigung" in page


def test_the_payment_is_computed_from_the_values_and_shown_before_paying(
    paying_site, api_session, payment_service
):
    citizen = api_session(*CITIZEN)
    answer = citizen.post(
        f"{form_url(paying_site)}/@antragsformular",
        json={"values": DOG_TAX, "token": "rules-1"},
    )
    assert answer.status_code == 402, answer.text
    body = answer.json()
    assert body["amount"] == "161.00"
    assert body["lines"] == [
        {"label": "Hundesteuer pro Jahr für den ersten Hund", "quantity": 1, "amount": "156.00"},
        {"label": "für die Abmeldebescheinigung", "quantity": 1, "amount": "5.00"},
    ]
    assert "161,00 €" in requests.get(body["payment_url"], timeout=5).text
    page = citizen.get(body["@id"], headers={"Accept": "text/html"}).text
    assert "161,00 €" in page and "für die Abmeldebescheinigung: 5,00 €" in page
    assert "Zur Bezahlung" in page


@pytest.mark.parametrize("claimed", ["156.00", "0", "161,01", "viel"])
def test_a_tampered_amount_is_refused_and_nothing_is_filed(
    paying_site, api_session, payment_service, claimed
):
    earlier = set(payment_service.transactions()["transactions"])
    citizen = api_session(*CITIZEN)
    answer = citizen.post(
        f"{form_url(paying_site)}/@antragsformular",
        json={"values": DOG_TAX, "token": "rules-2", "amount": claimed},
    )
    assert answer.status_code == 409, answer.text
    (error,) = answer.json()["error"]["errors"]
    assert error["field"] == "amount"
    assert "161,00 €" in error["message"] or "als Zahl in Euro" in error["message"]
    transaction.abort()
    assert find_by_submission_token(CITIZEN[0], "rules-2") is None
    assert set(payment_service.transactions()["transactions"]) == earlier


def test_the_amount_the_client_confirms_is_accepted(paying_site, api_session):
    citizen = api_session(*CITIZEN)
    answer = citizen.post(
        f"{form_url(paying_site)}/@antragsformular",
        json={"values": DOG_TAX, "token": "rules-3", "amount": "161,00"},
    )
    assert answer.status_code == 402, answer.text
    assert answer.json()["amount"] == "161.00"
    transaction.abort()
    application = find_by_submission_token(CITIZEN[0], "rules-3")
    assert api.content.get_state(application) == "draft"
