"""Receipt and letters as PDF in the language the citizen applied in: Turkish and Ukrainian letters, Arabic joined and right to left."""

from DateTime import DateTime
from herne.portal.applications.letter_pdf import letters_pdf
from herne.portal.applications.receipt import receipt_pdf
from io import BytesIO
from pypdf import PdfReader
import pytest
from tests.fixtures.applications import build_application
import unicodedata


def pdf_of(portal, language):
    application = build_application(portal, "hundesteuer")
    application.citizen_language = language
    return application, PdfReader(BytesIO(receipt_pdf(application)))


def text_of(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


def fonts_of(reader):
    return {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }


@pytest.mark.parametrize(
    ("language", "title", "label"),
    [
        ("tr", "Alındı belgesi", "Dosya numarası"),
        ("uk", "Підтвердження отримання", "Номер справи"),
        ("en", "Confirmation of receipt", "Reference number"),
    ],
)
def test_receipt_speaks_the_citizens_language(demo_portal, language, title, label):
    application, reader = pdf_of(demo_portal, language)
    text = text_of(reader)
    assert title in text
    assert label in text
    assert application.reference_number in text
    assert "Eingangsbestätigung" not in text


def test_receipt_names_the_service_and_the_time_in_the_citizens_language(demo_portal):
    application, reader = pdf_of(demo_portal, "tr")
    text = " ".join(text_of(reader).split())
    assert "Köpek vergisi kaydı ve kaydın silinmesi" in text
    assert "Hundesteuer an- und abmelden" not in text
    assert ", saat " in text
    assert "Uhr" not in text
    application, reader = pdf_of(demo_portal, "de")
    text = " ".join(text_of(reader).split())
    assert "Hundesteuer an- und abmelden" in text
    assert " um " in text and "Uhr" in text


def test_turkish_and_ukrainian_letters_have_a_font_that_holds_them(demo_portal):
    _application, reader = pdf_of(demo_portal, "uk")
    assert any("DejaVuSans" in name for name in fonts_of(reader))
    _application, reader = pdf_of(demo_portal, "de")
    assert fonts_of(reader) <= {"/Helvetica", "/Helvetica-Bold", "/Helvetica-Oblique"}


def test_arabic_receipt_is_joined_and_right_to_left(demo_portal):
    application, reader = pdf_of(demo_portal, "ar")
    text = text_of(reader)
    # Drawn with the joined letter forms (presentation forms), which read back, in reading
    # order, as the Arabic words (a reader, like the PDF text layer tools, reorders the lines).
    assert any("\ufe70" <= char <= "\ufeff" for char in text)
    lines = [unicodedata.normalize("NFKC", line).strip() for line in text.splitlines()]
    assert "إشعار الاستلام" in lines
    assert "رقم الملف" in lines
    # A reference number inside Arabic keeps its left-to-right order.
    assert application.reference_number in text


LETTER = {
    "id": "abc",
    "created": DateTime("2026/12/04 10:00 Europe/Berlin"),
    "reference": "HER-2026-000042",
    "recipient": "Olena Koval\nBahnhofstraße 12\n44623 Herne",
    "sender": ("Stadt Herne", "Steuern und Abgaben", "Friedrich-Ebert-Platz 2", "44623 Herne"),
    "contact": "Steuern und Abgaben, Telefon 02323 16-0",
    "kind_title": "Neuer Stand: In Bearbeitung",
}


def letter_lines(letter):
    reader = PdfReader(BytesIO(letters_pdf([letter])))
    return [
        unicodedata.normalize("NFKC", line).strip()
        for page in reader.pages
        for line in page.extract_text().splitlines()
    ]


def test_letter_in_ukrainian_has_its_frame_in_ukrainian(demo_portal):
    lines = letter_lines(
        {
            **LETTER,
            "language": "uk",
            "subject": "Ваша заява HER-2026-000042: В опрацюванні",
            "body": "Доброго дня, Олено Коваль,\n\nВаша заява зараз опрацьовується.",
        }
    )
    text = " ".join(lines)
    assert "Ваша заява HER-2026-000042: В опрацюванні" in text
    assert "Ваша заява зараз опрацьовується." in text
    assert "Номер справи" in lines
    assert "Відправник" in lines
    assert "Aktenzeichen" not in lines


def test_letter_in_arabic_is_joined_and_right_to_left(demo_portal):
    body = " ".join(["تراجع الجهة المختصة طلبك."] * 12)  # several lines, wrapped in reading order
    lines = letter_lines(
        {**LETTER, "language": "ar", "subject": "طلبك: قيد المعالجة", "body": body}
    )
    assert "طلبك: قيد المعالجة" in lines
    assert "رقم الملف" in lines
    body_lines = [line for line in lines if "تراجع" in line]
    assert len(body_lines) > 1
    # Each line starts where the text continues: the first begins with the body's first words.
    assert body_lines[0].startswith("تراجع الجهة المختصة طلبك.")
    assert " ".join(body_lines) == body


def test_letters_kept_before_languages_stay_german(demo_portal):
    lines = letter_lines({**LETTER, "subject": "Ihr Antrag", "body": "Guten Tag"})
    assert "Aktenzeichen" in lines
