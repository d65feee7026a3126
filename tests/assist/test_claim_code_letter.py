"""Someone without an account who chose "Brief" gets the claim code with the receipt letter."""

from base64 import b64decode
from herne.portal.applications.letter_pdf import letters_pdf
from herne.portal.applications.letters import letters_of
from herne.portal.applications.processing import perform
from herne.portal.applications.retention import anonymise
from io import BytesIO
from plone import api
from pypdf import PdfReader
from tests.fixtures.assist import FOR_GERTRUD
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import TAX_CLERK
from tests.fixtures.assist import vollmacht
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import settle
import transaction


def pdf_text(data):
    reader = PdfReader(BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def enter_for_gertrud_by_letter(api_session):
    response = api_session(*HELPER).post(
        "leistungen/hundesteuer/antrag/@antragsformular",
        json={
            "values": FOR_GERTRUD,
            "contact": "letter",
            "fuer_andere": {"einwilligung": "vollmacht", "vollmacht": vollmacht()},
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    transaction.abort()
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(reference_number=body["reference_number"])
    return body, brain._unrestrictedGetObject()


def test_the_receipt_letter_carries_the_claim_code_and_how_to_use_it(helpers, api_session):
    body, application = enter_for_gertrud_by_letter(api_session)
    code = body["zuordnungscode"]
    assert application.applicant == ""
    (letter,) = letters_of(application)
    assert letter["kind"] == "receipt"
    assert letter["recipient"].startswith("Gertrud Groß\nBahnhofstraße 12")
    text = pdf_text(letters_pdf([letter]))
    assert code in text
    assert f"{helpers.absolute_url()}/@@antrag-zuordnen" in text
    assert "Antrag zuordnen" in text
    assert f"das Aktenzeichen {application.reference_number}" in text
    assert "Ihr Geburtsdatum" in text
    assert code not in letter["subject"]


def test_the_code_stays_out_of_listings_search_and_the_clerks_record(helpers, api_session):
    body, application = enter_for_gertrud_by_letter(api_session)
    code = body["zuordnungscode"]
    raw = code.replace("-", "")
    clerk = api_session(*TAX_CLERK)
    for response in (clerk.get("@postausgang"), clerk.get(f"{body['@id']}/@antrag")):
        assert response.status_code == 200, response.text
        assert code not in response.text and raw not in response.text
    for query in (raw, code):
        found = clerk.get("@search", params={"SearchableText": query}).json()
        assert found["items_total"] == 0
    listing = clerk.get("@postausgang").json()["items"]
    assert [item["reference"] for item in listing] == [application.reference_number]
    catalog = api.portal.get_tool("portal_catalog")
    assert not catalog.unrestrictedSearchResults(SearchableText=raw)
    # The clerk who prints the letter sees the code on the printout, like any letter content.
    printed = clerk.post("@postausgang", json={"letters": [listing[0]["key"]]})
    assert printed.status_code == 200, printed.text
    assert code in pdf_text(b64decode(printed.json()["pdf"]["data"]))


def test_letters_for_an_application_without_owner_end_to_end(helpers, api_session, mailbox):
    api.portal.set_registry_record(
        "herne.portal.mail.in_progress", "Hallo ${name}, Ihr Antrag ${reference} ist in Arbeit."
    )
    transaction.commit()
    _body, application = enter_for_gertrud_by_letter(api_session)
    with api.env.adopt_user(username=TAX_CLERK[0]):
        perform(application, "accept")
    transaction.commit()
    receipt, status = letters_of(application)
    assert status["body"] == (
        f"Hallo Gertrud Groß, Ihr Antrag {application.reference_number} ist in Arbeit.\n"
    )
    assert status["recipient"] == receipt["recipient"]
    settle(mailbox, 1)
    assert mails_to(mailbox, "lotse@example.org") == []  # the helper gets no letters by mail
    clerk = api_session(*TAX_CLERK)
    keys = [item["key"] for item in clerk.get("@postausgang").json()["items"]]
    assert len(keys) == 2
    assert clerk.post("@postausgang", json={"letters": keys}).json()["printed"] == 2
    transaction.abort()
    with api.env.adopt_roles(["Manager"]):
        anonymise(application)
    assert letters_of(application) == []
    assert application.claim is None and application.postal_address is None
