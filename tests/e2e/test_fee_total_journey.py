"""The dog-tax form's running total follows the number of dogs and the choice as the citizen types."""

from playwright.sync_api import expect
import pytest
from tests.fixtures.payment import DEREGISTRATION
from tests.fixtures.payment import MORE_DOGS
from tests.fixtures.payment import ask_for_dogs
from tests.fixtures.payment import configure_payment
import transaction


pytestmark = pytest.mark.browser


@pytest.fixture()
def dogs_counted(site, payment_service):
    """The dog tax paid online (156,00 €), 60,00 € for every further dog, 5,00 € to deregister."""
    configure_payment(payment_service.url, endpoints=["steuern=steuern"])
    service = site["leistungen"]["hundesteuer"]
    form = service["antrag"]
    model = form.fields_model
    service.payment_enabled = True
    service.fee_rules = [MORE_DOGS, DEREGISTRATION]
    ask_for_dogs(form)
    transaction.commit()
    yield
    service.payment_enabled = False
    service.fee_rules = []
    form.fields_model = model
    transaction.commit()


class TestRunningTotal:
    def test_the_total_follows_the_number_of_dogs_and_the_choice(self, journey, dogs_counted):
        person = journey("laufender-gesamtbetrag")
        person.login("buerger", "demo-buerger-2026")
        page = person.goto("leistungen/hundesteuer/antrag")
        total = page.locator(".herne-fee-total")
        expect(total).to_be_visible()
        expect(total).to_have_attribute("aria-live", "polite")
        expect(total).to_have_text("Betrag nach Ihren bisherigen Angaben: 156,00 €")

        page.get_by_label("Anzahl der Hunde").fill("3")
        expect(total).to_have_text("Betrag nach Ihren bisherigen Angaben: 276,00 €")
        page.get_by_label("Was möchten Sie tun?").select_option("Hund abmelden")
        expect(total).to_have_text("Betrag nach Ihren bisherigen Angaben: 281,00 €")
        person.check("Antragsformular mit Gesamtbetrag")

        # one dog is in the first fee; nonsense counts nothing, as on the server
        page.get_by_label("Anzahl der Hunde").fill("1")
        expect(total).to_have_text("Betrag nach Ihren bisherigen Angaben: 161,00 €")
        page.get_by_label("Anzahl der Hunde").fill("zwei")
        expect(total).to_have_text("Betrag nach Ihren bisherigen Angaben: 161,00 €")
