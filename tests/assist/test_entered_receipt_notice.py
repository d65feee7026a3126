"""The receipt of an application entered for someone, and the offer to a matching account, say who entered it."""

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


def test_the_account_is_told_of_the_offer_and_who_entered_it(helpers, apply_for, mailbox):
    response = apply_for({**FOR_GERTRUD, "email": "buergerin@example.org"})
    assert response.status_code == 201, response.text

    settle(mailbox, 2)  # the department's notice and the offer
    (offer,) = mails_to(mailbox, "buergerin@example.org")
    assert offer["Subject"] == "Für Sie erfasster Antrag: Hundesteuer an- und abmelden"
    text = " ".join(offer.get_content().split())
    assert (
        "wurde für Sie der Antrag „Hundesteuer an- und abmelden“ erfasst: Erfasst von Digitallotse Hanna "
        "Hilfreich, Seniorentreff Wanne-Süd, mit Vollmacht."
    ) in text
    assert "annehmen oder ablehnen" in text
    assert "/@@postkorb" in text
    # nothing of the application itself before it is accepted: no reference number, no data
    assert response.json()["reference_number"] not in text
    assert "Bahnhofstraße" not in text and "Groß" not in text
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
