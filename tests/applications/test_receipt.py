"""The receipt PDF: the application's own office and originals, local times, long values."""

from herne.portal.applications.handover import hand_over
from herne.portal.applications.receipt import receipt_pdf
from io import BytesIO
from plone import api
from pypdf import PdfReader
from tests.fixtures.applications import build_application
import transaction


def receipt_text(application):
    """The receipt's text as a reader sees it, lines joined by spaces."""
    reader = PdfReader(BytesIO(receipt_pdf(application)))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split())


def test_receipt_names_the_office_the_application_was_handed_over_to(demo_portal):
    application = build_application(demo_portal, "lebensbescheinigung")
    before = api.content.get(UID=application.department_uid)
    wohngeld = demo_portal["organisation"]["wohngeld"]
    assert before.title != wohngeld.title
    assert before.title in receipt_text(application)
    with api.env.adopt_roles(["Manager"]):
        application = hand_over(application, wohngeld, "Gehört zum Wohngeld")

    text = receipt_text(application)
    assert f"Wo: {wohngeld.title}" in text
    assert before.title not in text


def test_receipt_lists_the_originals_of_the_application_not_of_the_edited_service(demo_portal):
    service = demo_portal["leistungen"]["lebensbescheinigung"]
    application = build_application(demo_portal, service)
    asked = [item["name"] for item in application.originals]
    assert asked
    service.required_documents = [
        {"name": "Geburtsurkunde", "provision": row["provision"]}
        for row in service.required_documents
        if row["name"] in asked
    ]

    text = receipt_text(application)
    for name in asked:
        assert name in text
    assert "Geburtsurkunde" not in text


def test_receipt_of_a_stored_over_long_value_is_a_pdf(demo_portal, citizen):
    """Applications filed before the limits may hold long values: their receipt still works."""
    long_line = "x" * 21000
    long_text = "Hund " * 3000
    application = build_application(
        demo_portal,
        "hundesteuer",
        rows=[
            {"name": "dog_breed", "title": "Rasse", "value": long_line},
            {"name": "dog_name", "title": "Name des Hundes", "value": long_text},
        ],
    )
    transaction.commit()

    browser = citizen()
    browser.open(application.absolute_url() + "/@@receipt")
    assert browser.headers["status"].startswith("200")
    assert browser.headers["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(browser.contents))
    text = "".join(page.extract_text() for page in reader.pages)
    assert text.count("x") >= len(long_line)
    assert text.count("Hund") >= 3000
