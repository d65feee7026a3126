"""Who entered an application reads in the reader's language: the helper's Turkish page and receipt, the clerk's German page."""

from plone import api
import pytest
import re
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import TAX_CLERK
from tests.fixtures.payment import receipt_text
import transaction


TURKISH = {"Accept": "text/html", "Accept-Language": "tr", "Cookie": "I18N_LANGUAGE=tr"}
GERMAN_LINE = "Erfasst von Digitallotse Hanna Hilfreich, Seniorentreff Wanne-Süd, mit Vollmacht"
TURKISH_LINE = (
    "Dijital rehber Hanna Hilfreich tarafından kaydedildi, Seniorentreff Wanne-Süd, vekâletnameyle"
)


def provenance_line(html):
    """The application page's line "Erfasst" (the history keeps the department's German comment)."""
    found = re.search(r'class="[^"]*herne-provenance[^"]*"[^>]*>(.*?)</dd>', html, re.S)
    return " ".join(found.group(1).split())


@pytest.fixture()
def entered(helpers, apply_for):
    response = apply_for()
    assert response.status_code == 201, response.text
    return response.json()


def test_the_helper_reads_who_entered_it_in_turkish(entered, api_session):
    page = api_session(*HELPER).get(entered["@id"], headers=TURKISH)
    assert provenance_line(page.text) == TURKISH_LINE


def test_the_clerk_reads_it_in_german_whatever_the_browser_asks(entered, api_session):
    page = api_session(*TAX_CLERK).get(entered["@id"], headers=TURKISH)
    assert provenance_line(page.text) == GERMAN_LINE


def test_a_turkish_receipt_names_the_helper_in_turkish(entered):
    transaction.begin()
    portal = api.portal.get()
    application = portal.unrestrictedTraverse(entered["@id"].split("/plone/", 1)[1])
    application.citizen_language = "tr"
    text = receipt_text(application)
    assert TURKISH_LINE in text
    assert "Erfasst von" not in text
