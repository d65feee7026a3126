"""A citizen pays the Bewohnerparkausweis online on the test payment service: paid, and cancelled then paid again."""

from io import BytesIO
from playwright.sync_api import expect
from pypdf import PdfReader
import pytest
import re
from tests.fixtures.applications import PDF
from tests.fixtures.payment import configure_payment
import transaction


pytestmark = pytest.mark.browser

REFERENCE = re.compile(r"HER-\d{4}-\d{6}")
SERVICE = "bewohnerparkausweis"  # 30,00 €


@pytest.fixture()
def paying(site, payment_service):
    configure_payment(payment_service.url, default="stadtkasse")
    site["leistungen"][SERVICE].payment_enabled = True
    transaction.commit()
    yield payment_service
    site["leistungen"][SERVICE].payment_enabled = False
    transaction.commit()


def apply(person, plate):
    """Log in (once), fill the Bewohnerparkausweis form and send it; the draft's page follows."""
    page = person.goto(f"leistungen/{SERVICE}/antrag")
    if page.get_by_role("link", name="Anmelden und Antrag stellen").count():
        page.get_by_role("link", name="Anmelden und Antrag stellen").click()
        page.get_by_label("Benutzername").fill("buerger")
        page.get_by_label("Passwort").fill("demo-buerger-2026")
        page.get_by_role("button", name="Anmelden").click()
        expect(page).to_have_url(re.compile(rf"/leistungen/{SERVICE}/antrag"))
    expect(page.locator(".herne-fee")).to_contain_text("Gebühr: 30,00 €")
    page.get_by_label("Vorname").fill("Bernd")
    page.get_by_label("Nachname").fill("Bergmann")
    page.get_by_label("Geburtsdatum").fill("1961-04-12")
    page.get_by_label("Straße und Hausnummer").fill("Bahnhofstraße 12")
    page.get_by_label("Postleitzahl").fill("44623")
    page.get_by_label("Bewohnerparkzone").select_option("Zone A – Herne-Mitte")
    page.get_by_label("Amtliches Kennzeichen").fill(plate)
    page.get_by_label("Fahrzeugschein").set_input_files(
        files=[{"name": "fahrzeugschein.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_label(re.compile("Ich willige ein")).check()
    return page


class TestPayOnline:
    def test_apply_pay_on_the_test_page_and_get_the_receipt(self, journey, paying):
        person = journey("bezahlen")
        page = apply(person, "HER-AB 123")
        person.check("Antragsformular mit Gebühr")
        page.get_by_role("button", name="Antrag absenden").click()

        # the draft's page: the amount to confirm, then the way to the pay page
        expect(page.get_by_text("Bitte prüfen Sie die Gebühr von 30,00 €")).to_be_visible()
        expect(page.locator(".herne-payment")).to_contain_text("30,00 €")
        person.check("Gebühr bestätigen")
        page.get_by_role("link", name="Zur Bezahlung").click()
        expect(page).to_have_url(re.compile(re.escape(paying.url) + r"/pay/TX\d+"))
        expect(page.get_by_text("30,00 €")).to_be_visible()
        person.check("Bezahlseite des Test-Bezahldienstes")

        page.get_by_role("button", name="Bezahlen").click()
        expect(page.get_by_text("Ihre Zahlung ist eingegangen")).to_be_visible()
        reference = REFERENCE.search(page.content()).group(0)
        expect(page.locator(".herne-payment")).to_contain_text("Bezahlt.")
        expect(page.locator(".herne-payment")).to_contain_text("Kreditkarte")
        person.check("Bezahlt und eingegangen")

        with page.expect_download() as download_info:
            page.get_by_role("link", name=re.compile("Eingangsbestätigung herunterladen")).click()
        with open(download_info.value.path(), "rb") as receipt:
            reader = PdfReader(BytesIO(receipt.read()))
        text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
        assert reference in text and "Gebühr bezahlt 30,00 €" in text

        page = person.goto("postkorb")
        expect(
            page.locator("section.herne-postkorb-open").get_by_role(
                "row", name=re.compile(reference)
            )
        ).to_be_visible()
        person.check("Postkorb nach der Zahlung")

    def test_cancel_on_the_pay_page_then_pay_again(self, journey, paying):
        person = journey("abbrechen-und-erneut-bezahlen")
        earlier = set(paying.transactions()["transactions"])
        page = apply(person, "HER-CD 45")
        page.get_by_role("button", name="Antrag absenden").click()
        page.get_by_role("link", name="Zur Bezahlung").click()
        page.get_by_role("button", name="Abbrechen").click()

        expect(page.get_by_role("heading", level=1)).to_have_text("Zahlung abgebrochen")
        expect(page.get_by_text("noch nicht abgeschickt")).to_be_visible()
        person.check("Zahlung abgebrochen")
        page.get_by_role("button", name="Erneut bezahlen").click()
        expect(page).to_have_url(re.compile(re.escape(paying.url) + r"/pay/TX\d+"))
        page.get_by_role("button", name="Bezahlen").click()

        expect(page.get_by_text("Ihre Zahlung ist eingegangen")).to_be_visible()
        expect(page.locator(".herne-payment")).to_contain_text("Bezahlt.")
        person.check("Nach erneuter Zahlung eingegangen")
        statuses = [
            answer["paymentInformation"]["status"]
            for tx, answer in paying.transactions()["transactions"].items()
            if tx not in earlier
        ]
        assert statuses.count("CANCELED") == 1 and statuses.count("PAYED") == 1
