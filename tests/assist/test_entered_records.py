"""What an entered application keeps: the offer to the eID member, the code on the receipt, and retention."""

from datetime import date
from herne.portal.applications.retention import anonymise
from herne.portal.assist.provenance import provenance_text
from herne.portal.eid.identity import ANNOTATION_KEY
from herne.portal.portal_storage import portal_btree
from io import BytesIO
from plone import api
from pypdf import PdfReader
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import TAX_CLERK
from tests.fixtures.assist import accept_offers
from tests.fixtures.assist import application_of
import transaction


def pdf_text(response):
    assert response.content.startswith(b"%PDF"), response.status_code
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)


def test_the_eid_member_with_the_applicants_verified_name_and_birth_date_is_offered_it(
    helpers, apply_for, api_session
):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username="eid-gertrud", password="eid-gertrud-2026", email="gertrud@example.org"
        )
    portal_btree(ANNOTATION_KEY, create=True)["eid-gertrud"] = {
        "given_name": "Gertrud",
        "family_name": "Groß",
        "birthdate": date(1941, 2, 3),
        "trust_level": "substantial",
    }
    transaction.commit()
    response = apply_for()
    assert response.status_code == 201, response.text
    assert response.json()["zuordnungscode"]
    application = application_of(response.json())
    assert application.applicant == ""
    (accepted,) = accept_offers(api_session("eid-gertrud", "eid-gertrud-2026"))
    assert accepted["reference_number"] == application.reference_number
    assert application_of(response.json()).applicant == "eid-gertrud"


def test_receipt_carries_the_code_for_the_helper_only(helpers, apply_for, api_session):
    body = apply_for().json()
    helper_receipt = pdf_text(api_session(*HELPER).get(body["receipt"]))
    assert body["zuordnungscode"] in helper_receipt
    assert "Antrag zuordnen" in helper_receipt
    assert "Seniorentreff Wanne-Süd" in helper_receipt
    clerk_receipt = pdf_text(api_session(*TAX_CLERK).get(body["receipt"]))
    assert body["zuordnungscode"] not in clerk_receipt


def test_retention_deletes_the_vollmacht_the_claim_and_who_entered_it(helpers, apply_for):
    body = apply_for().json()
    application = application_of(body)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=application, transition="reject", comment="Kein Hund.")
        anonymise(application)
    assert application.objectIds() == []  # the Vollmacht with every other file
    assert application.claim is None
    assert application.entered_by is None
    assert application.entry == {
        "capacity": "helper",
        "consent": "vollmacht",
        "time": application.entry["time"],
    }
    assert provenance_text(application.entry) == (
        "Von einer Digitallotsin oder einem Digitallotsen erfasst"
    )
    assert "lotse" not in dict(application.get_local_roles())
