"""Zahlungseingänge for the finance office: the day's paid fees of a department, as CSV and JSON."""

from datetime import date
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest
from tests.fixtures.applications import CITIZEN
from tests.fixtures.payment import configure_payment
from tests.fixtures.rest import DOG_TAX
import transaction


@pytest.fixture()
def paid_dog_tax(rest_portal, api_session, payment_service):
    """A dog tax application paid online today (its service with a cost object)."""
    configure_payment(payment_service.url, endpoints=["steuern=steuern"])
    service = rest_portal["leistungen"]["hundesteuer"]
    service.payment_enabled = True
    service.cost_object = "1.06.01 Hundesteuer"
    transaction.commit()
    citizen = api_session(*CITIZEN)
    answer = citizen.post(
        f"{service['antrag'].absolute_url()}/@antragsformular",
        json={"values": DOG_TAX, "token": "paid-1"},
    )
    back = payment_service.choose(answer.json()["payment_url"], "pay")
    citizen.get(back.headers["Location"], headers={"Accept": "text/html"})
    return citizen.get(f"{answer.json()['@id']}/@zahlung").json()


def test_the_finance_office_gets_the_days_payments_as_json_and_csv(paid_dog_tax, api_session):
    manager = api_session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    today = date.today().isoformat()
    listing = manager.get("@zahlungseingaenge", params={"tag": today, "abteilung": "steuern"})
    assert listing.status_code == 200, listing.text
    (row,) = listing.json()["items"]
    assert row == {
        "date": today,
        "reference_number": paid_dog_tax["reference_number"],
        "service": "Hundesteuer an- und abmelden",
        "amount": "156.00",
        "payment_reference": paid_dog_tax["payment_reference"],
        "method": "Kreditkarte",
        "cost_object": "1.06.01 Hundesteuer",
    }
    other = manager.get("@zahlungseingaenge", params={"tag": today, "abteilung": "standesamt"})
    assert other.json()["items"] == []

    csv = manager.get(
        "@@zahlungseingaenge",
        params={"tag": today, "abteilung": "steuern"},
        headers={"Accept": "text/csv"},
    )
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert (
        lines[0]
        == "Datum;Aktenzeichen;Leistung;Betrag;Zahlungsreferenz;Zahlungsart;Kostenträger/Produktkonto"
    )
    assert lines[1].endswith(
        f";156,00;{paid_dog_tax['payment_reference']};Kreditkarte;1.06.01 Hundesteuer"
    )


@pytest.mark.parametrize(
    "params, field, message",
    [
        ({"tag": "04.12.2026", "abteilung": "steuern"}, "tag", "JJJJ-MM-TT"),
        ({"tag": "2026-12-04", "abteilung": "gibt-es-nicht"}, "abteilung", "gibt es nicht"),
    ],
)
def test_bad_values_are_refused_per_field_in_german(
    rest_portal, api_session, params, field, message
):
    manager = api_session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    answer = manager.get("@zahlungseingaenge", params=params)
    assert answer.status_code == 400
    (error,) = answer.json()["error"]["errors"]
    assert error["field"] == field and message in error["message"]
    page = manager.get("@@zahlungseingaenge", params=params, headers={"Accept": "text/html"})
    assert page.status_code == 400 and message in page.text


@pytest.mark.parametrize("username", ["buerger", "sachbearbeitung", "redaktion", None])
def test_nobody_else_reads_them(paid_dog_tax, api_session, username):
    from tests.fixtures.browsers import demo_password

    session = api_session(username, demo_password(username)) if username else api_session()
    params = {"tag": date.today().isoformat(), "abteilung": "steuern"}
    answer = session.get("@zahlungseingaenge", params=params)
    assert answer.status_code in (401, 403)
    assert paid_dog_tax["payment_reference"] not in answer.text
    page = session.get("@@zahlungseingaenge", params=params, headers={"Accept": "text/html"})
    assert paid_dog_tax["payment_reference"] not in page.text
