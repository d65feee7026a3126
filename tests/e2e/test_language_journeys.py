"""A Turkish-speaking citizen applies for the dog tax, an Arabic-speaking one finds the ID card; the clerk works in German."""

from io import BytesIO
from playwright.sync_api import expect
from pypdf import PdfReader
import pytest
import re
from tests.fixtures.applications import PDF
import unicodedata


pytestmark = pytest.mark.browser

REFERENCE = re.compile(r"HER-\d{4}-\d{6}")


def pdf_text(path):
    """The text of the PDF at ``path`` as a reader sees it, lines joined by spaces."""
    with open(path, "rb") as document:
        reader = PdfReader(BytesIO(document.read()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


class TestTurkishCitizenAppliesForTheDogTax:
    def test_apply_in_turkish_receipt_in_turkish_clerk_in_german(self, journey):
        person = journey("tuerkisch-hundesteuer")
        person.login("buerger", "demo-buerger-2026")
        page = person.goto("")
        page.locator("nav.herne-language-switch").get_by_role("link", name="Türkçe").click()
        expect(page.locator("html")).to_have_attribute("lang", "tr")
        person.check("Startseite auf Türkisch")

        page = person.goto("tr/leistungen/hundesteuer?set_language=tr")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Köpek vergisi kaydı ve kaydın silinmesi"
        )
        person.check("Leistung Hundesteuer auf Türkisch")

        page.locator("section.herne-cta a.btn-primary").click()
        expect(page).to_have_url(re.compile(r"/leistungen/hundesteuer/antrag"))
        expect(page.locator("html")).to_have_attribute("lang", "tr")
        person.check("Antragsformular auf Türkisch")

        page.get_by_label("Ne yapmak istiyorsunuz?").select_option("Hund abmelden")
        page.get_by_label("Adı", exact=True).fill("Ayşe")
        page.get_by_label("Soyadı").fill("Yılmaz")
        page.get_by_label("Doğum tarihi").fill("1980-03-15")
        page.get_by_label("Sokak ve kapı numarası").fill("Bahnhofstraße 12")
        page.get_by_label("Posta kodu").fill("446")
        page.get_by_label("Köpeğin adı").fill("Karabaş")
        page.get_by_label("Cinsi").fill("Kangal")
        page.get_by_label("Köpeğin beslenmeye başlandığı / verildiği tarih").fill("2026-10-01")
        page.get_by_label(re.compile("Köpeğin başkasına verildiğine")).set_input_files(
            files=[{"name": "devir.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
        page.locator("#form-widgets-privacy_consent-0").check()
        page.locator("#form-buttons-submit").click()
        # the wrong postcode: a Turkish message by the field, nothing saved
        expect(page.locator("#formfield-form-widgets-postcode")).to_contain_text("posta kodu")
        person.check("Fehler auf Türkisch")

        page.get_by_label("Posta kodu").fill("44623")
        page.get_by_label(re.compile("Köpeğin başkasına verildiğine")).set_input_files(
            files=[{"name": "devir.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
        page.locator("#form-buttons-submit").click()
        page.wait_for_load_state()
        reference = REFERENCE.search(page.content()).group(0)
        expect(page.locator("html")).to_have_attribute("lang", "tr")
        person.check("Eingangsbestätigung auf Türkisch")
        TestTurkishCitizenAppliesForTheDogTax.reference = reference

        # the receipt PDF the citizen keeps is Turkish too, with the reference number
        with page.expect_download() as download_info:
            page.get_by_role("link", name=re.compile("Alındı belgesini indir")).click()
        download = download_info.value
        assert download.suggested_filename.endswith(".pdf")
        receipt = pdf_text(download.path())
        assert "Alındı belgesi" in receipt
        assert reference in receipt
        assert "Eingangsbestätigung" not in receipt

        clerk = journey("tuerkisch-hundesteuer-sachbearbeitung")
        clerk.login("sachbearbeitung-steuern", "demo-sachbearbeitung-steuern-2026")
        # the clerk's own browser chose Turkish: the worklist and the application stay German
        clerk.goto("?set_language=tr")
        page = clerk.goto("arbeitskorb")
        expect(page.locator("html")).to_have_attribute("lang", "de")
        expect(page.locator("h1")).to_contain_text("Arbeitskorb")
        page.get_by_role("link", name=reference).click()
        expect(page.locator("html")).to_have_attribute("lang", "de")
        # German labels and the German value the Turkish form offered as "Köpeğin kaydını sildirmek"
        expect(page.get_by_text("Was möchten Sie tun?")).to_be_visible()
        expect(page.get_by_text("Hund abmelden")).to_be_visible()
        expect(page.get_by_text("Name des Hundes")).to_be_visible()
        clerk.check("Antrag auf Türkisch beim Sachbearbeiter")


class TestArabicCitizenFindsTheIdentityCard:
    def test_search_in_arabic_and_the_on_site_box_at_320_px(self, journey):
        person = journey("arabisch-personalausweis")
        page = person.goto("ar?set_language=ar")
        expect(page.locator("html")).to_have_attribute("lang", "ar")
        expect(page.locator("body")).to_have_attribute("dir", "rtl")
        person.check("Startseite auf Arabisch")

        page = person.goto("ar/@@leistungssuche?SearchableText=Personalausweis")
        result = page.get_by_role("link", name="طلب بطاقة الهوية الشخصية (Personalausweis)")
        expect(result).to_be_visible()
        person.check("Suche nach Personalausweis auf Arabisch")
        result.click()
        expect(page.locator("body")).to_have_attribute("dir", "rtl")
        page.set_viewport_size({"width": 320, "height": 800})
        box = page.locator("section.herne-on-site")
        expect(box).to_be_visible()
        expect(box).not_to_contain_text("Nur vor Ort")
        expect(box).to_contain_text("صورة بيومترية لجواز السفر")
        # mirrored: the box reads right to left, its list's bullets on the right
        assert box.evaluate("e => getComputedStyle(e).direction") == "rtl"
        bring = box.locator("ul.herne-bring")
        assert bring.evaluate("e => getComputedStyle(e).paddingRight") != "0px"
        assert bring.evaluate("e => getComputedStyle(e).paddingLeft") == "0px"
        person.check("Personalausweis auf Arabisch (320 px)")


class TestArabicCitizenAppliesAndFollowsTheApplication:
    def test_apply_in_arabic_postkorb_and_receipt_right_to_left_clerk_in_german(self, journey):
        person = journey("arabisch-hundesteuer")
        person.login("buerger", "demo-buerger-2026")
        page = person.goto("ar/leistungen/hundesteuer?set_language=ar")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "تسجيل الكلب لضريبة الكلاب وإلغاء تسجيله"
        )
        page.locator("section.herne-cta a.btn-primary").click()
        expect(page).to_have_url(re.compile(r"/leistungen/hundesteuer/antrag"))
        expect(page.locator("body")).to_have_attribute("dir", "rtl")
        # the form mirrors: labels and inputs read right to left
        label = page.locator("label[for='form-widgets-dog_name']")
        assert label.evaluate("e => getComputedStyle(e).direction") == "rtl"
        person.check("Antragsformular auf Arabisch")

        page.get_by_label("ماذا تريدون أن تفعلوا؟").select_option("Hund anmelden")
        page.get_by_label("الاسم الأول").fill("Amina")
        page.get_by_label("اسم العائلة").fill("Haddad")
        page.get_by_label("تاريخ الميلاد").fill("1985-06-01")
        page.get_by_label("الشارع ورقم المنزل").fill("Bahnhofstraße 12")
        page.get_by_label("الرمز البريدي").fill("44623")
        page.get_by_label("اسم الكلب").fill("Rex")
        page.get_by_label("السلالة").fill("Saluki")
        page.get_by_label("تاريخ اقتناء الكلب / تسليمه").fill("2026-10-01")
        page.locator("#form-widgets-privacy_consent-0").check()
        page.locator("#form-buttons-submit").click()
        page.wait_for_load_state()
        reference = REFERENCE.search(page.content()).group(0)
        expect(page.locator("html")).to_have_attribute("lang", "ar")
        person.check("Eingangsbestätigung auf Arabisch")

        with page.expect_download() as download_info:
            page.get_by_role("link", name=re.compile("تنزيل إشعار الاستلام")).click()
        receipt = PdfReader(download_info.value.path())
        lines = [
            unicodedata.normalize("NFKC", line).strip()
            for page_ in receipt.pages
            for line in page_.extract_text().splitlines()
        ]
        assert "إشعار الاستلام" in lines  # joined letters, read back in reading order
        assert any(reference in line for line in lines)

        page = person.goto("postkorb")
        expect(page.locator("body")).to_have_attribute("dir", "rtl")
        row = page.get_by_role("row", name=re.compile(reference))
        expect(row).to_contain_text("وارد")
        expect(row).to_contain_text("تسجيل الكلب لضريبة الكلاب وإلغاء تسجيله")
        assert row.evaluate("e => getComputedStyle(e).direction") == "rtl"
        person.check("Postkorb auf Arabisch")

        clerk = journey("arabisch-hundesteuer-sachbearbeitung")
        clerk.login("sachbearbeitung-steuern", "demo-sachbearbeitung-steuern-2026")
        page = clerk.goto("arbeitskorb")
        page.get_by_role("link", name=reference).click()
        expect(page.locator("html")).to_have_attribute("lang", "de")
        expect(page.get_by_text("Was möchten Sie tun?")).to_be_visible()
        expect(page.get_by_text("Hund anmelden")).to_be_visible()
        page.get_by_role("button", name="Bearbeitung beginnen", exact=True).click()
        page.wait_for_load_state()
        clerk.check("Arabischer Antrag in Bearbeitung (Deutsch)")

        page = person.goto("postkorb")
        expect(page.get_by_role("row", name=re.compile(reference))).to_contain_text("قيد المعالجة")
