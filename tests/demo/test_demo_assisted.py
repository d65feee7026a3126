"""The created site has an application the Digitallotsin entered for someone without e-mail, by letter."""

from herne.portal.applications.letters import letters_of
from herne.portal.demo.assisted import create_demo_assisted_applications
from plone import api
from tests.demo.test_demo_mail import create_site_script
import transaction


TAX_CLERK = ("sachbearbeitung-steuern", "demo-sachbearbeitung-steuern-2026")


def entered_for_erna():
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Application", entered_by="digitallotse"
        )
    ]


def test_the_created_site_has_an_applicant_without_email(demo, capsys):
    create_site_script().create_demo_assisted_applications()
    assert "1 demo application(s) entered by the Digitallotsin" in capsys.readouterr().out
    (application,) = entered_for_erna()
    assert application.applicant == ""  # no account: she claims it with the code
    assert application.claim is not None
    assert application.contact_method == "letter"
    assert application.postal_address == "Erna Engel\nHauptstraße 230\n44649 Herne"
    (letter,) = letters_of(application)
    assert letter["kind"] == "receipt" and letter["printed"] is None
    assert application.entry["capacity"] == "helper"


def test_its_receipt_letter_waits_in_the_departments_postausgang(demo_functional, api_session):
    (reference,) = create_demo_assisted_applications()
    transaction.commit()
    listing = api_session(*TAX_CLERK).get("@postausgang").json()["items"]
    assert [(item["reference"], item["recipient"]) for item in listing] == [
        (reference, "Erna Engel")
    ]
    other = api_session("sachbearbeitung", "demo-sachbearbeitung-2026").get("@postausgang")
    assert other.json()["items"] == []


def test_running_it_again_enters_nothing_more(demo):
    create_demo_assisted_applications()
    assert create_demo_assisted_applications() == []
    assert len(entered_for_erna()) == 1
