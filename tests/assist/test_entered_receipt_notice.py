"""The receipt of an application entered for someone says so: whoever's account gets it learns who applied."""

from herne.portal.applications.letters import letters_of
from plone import api
from tests.fixtures.assist import FOR_GERTRUD
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import vollmacht
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import settle
import transaction


NOTICE = (
    "Diesen Antrag hat jemand anderes für Sie gestellt: Erfasst von Digitallotse Hanna "
    "Hilfreich, Seniorentreff Wanne-Süd, mit Vollmacht."
)


def test_the_receipt_mail_to_the_account_says_a_helper_entered_it(helpers, apply_for, mailbox):
    response = apply_for({**FOR_GERTRUD, "email": "buergerin@example.org"})
    assert response.status_code == 201, response.text

    settle(mailbox, 2)  # the department's notice and the receipt
    (receipt,) = mails_to(mailbox, "buergerin@example.org")
    text = " ".join(receipt.get_content().split())
    assert NOTICE in text
    assert "widerrufen Sie bitte die Einwilligung auf der Seite des Antrags" in text
    assert mails_to(mailbox, "lotse@example.org") == []


def test_the_receipt_letter_says_so_too(helpers, api_session):
    response = api_session(*HELPER).post(
        "leistungen/hundesteuer/antrag/@antragsformular",
        json={
            "values": FOR_GERTRUD,
            "contact": "letter",
            "fuer_andere": {"einwilligung": "vollmacht", "vollmacht": vollmacht()},
        },
    )
    assert response.status_code == 201, response.text
    transaction.abort()
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(
        reference_number=response.json()["reference_number"]
    )
    (letter,) = letters_of(brain._unrestrictedGetObject())
    assert NOTICE in " ".join(letter["body"].split())
