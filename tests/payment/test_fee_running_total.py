"""The application form's running total: the first fee and the surcharge rules the script reads."""

import json
from lxml import html
import pytest
from tests.fixtures.applications import CITIZEN
from tests.fixtures.payment import DEREGISTRATION
from tests.fixtures.payment import MORE_DOGS
from tests.fixtures.payment import ask_for_dogs
from tests.fixtures.payment import configure_payment
import transaction


@pytest.fixture()
def dog_tax_form(rest_portal, payment_service):
    """The dog tax paid online, its form asking for the number of dogs; returns the form's address."""
    configure_payment(payment_service.url, endpoints=["steuern=steuern"])
    service = rest_portal["leistungen"]["hundesteuer"]
    service.payment_enabled = True
    form = service["antrag"]
    ask_for_dogs(form)
    transaction.commit()
    return service, form.absolute_url()


def form_page(api_session, url):
    citizen = api_session(*CITIZEN)
    answer = citizen.get(url, headers={"Accept": "text/html"})
    assert answer.status_code == 200
    return html.fromstring(answer.text)


def total_of(page):
    (total,) = page.cssselect(".herne-fee .herne-fee-total")
    return total


def scripts_of(page):
    return page.xpath("//script/@src")


def test_the_form_carries_the_first_fee_and_the_rules_of_its_running_total(
    dog_tax_form, api_session
):
    service, url = dog_tax_form
    service.fee_rules = [MORE_DOGS, DEREGISTRATION]
    transaction.commit()

    page = form_page(api_session, url)

    total = total_of(page)
    assert (
        " ".join(total.text_content().split()) == "Betrag nach Ihren bisherigen Angaben: 156,00 €"
    )
    # announced politely when it changes; shown by the script only (without it: the surcharges)
    assert total.get("aria-live") == "polite" and total.get("aria-atomic") == "true"
    assert total.get("hidden") is not None
    assert json.loads(total.get("data-herne-fee")) == {
        "amount": "156.00",
        "surcharges": [
            {"field": "dogs", "amount": "60.00", "included": 1, "choice": None},
            # a choice by the value its option sends
            {
                "field": "registration_type",
                "amount": "5.00",
                "included": 0,
                "choice": ["Hund abmelden"],
            },
        ],
    }
    assert page.xpath(
        '//select[@name="form.widgets.registration_type:list"]/option[@value="Hund abmelden"]'
    )
    assert page.xpath('//input[@name="form.widgets.dogs"]')
    assert [item.text_content() for item in page.cssselect(".herne-fee-surcharges li")] == [
        "zuzüglich 60,00 € je weiteren Hund",
        "zuzüglich 5,00 € für die Abmeldebescheinigung",
    ]
    assert any(src.split("?")[0].endswith("/herne-fee-total.js") for src in scripts_of(page))


def test_a_form_whose_values_change_nothing_has_no_running_total(dog_tax_form, api_session):
    service, url = dog_tax_form
    service.fee_rules = []
    transaction.commit()

    page = form_page(api_session, url)

    assert "Gebühr: 156,00 €" in page.cssselect(".herne-fee")[0].text_content()
    assert not page.cssselect(".herne-fee-total")
    assert not any("herne-fee-total" in src for src in scripts_of(page))


def test_the_running_total_speaks_the_citizens_language(dog_tax_form, api_session):
    service, url = dog_tax_form
    service.fee_rules = [MORE_DOGS]
    transaction.commit()

    page = form_page(api_session, f"{url}?set_language=en")

    text = " ".join(total_of(page).text_content().split())
    assert text == "Amount based on your details so far: 156,00 €"
