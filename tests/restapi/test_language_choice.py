"""REST answers in the language a call asks for (``language`` or Accept-Language), German by default."""

from herne.portal.i18n import accepted_language
from plone import api
import pytest
from tests.fixtures.applications import CITIZEN
from tests.fixtures.journeys import applications_of
from tests.fixtures.mail import parsed
from tests.fixtures.mail import receipts
from tests.fixtures.rest import DOG_TAX
import transaction
from zope.i18n import translate


FORM = "leistungen/hundesteuer/antrag/@antragsformular"
POSTCODE = {
    "de": "Bitte geben Sie eine Postleitzahl mit fünf Ziffern an, zum Beispiel 44623.",
    "en": "Please enter a postcode with five digits, for example 44623.",
    "tr": "Lütfen beş haneli bir posta kodu girin, örneğin 44623.",
    "uk": "Будь ласка, вкажіть поштовий індекс із п'яти цифр, наприклад 44623.",
    "ar": "يُرجى إدخال رمز بريدي من خمسة أرقام، مثلًا 44623.",
}


@pytest.fixture()
def offered(rest_portal):
    api.portal.set_registry_record("plone.available_languages", ["de", "en", "tr", "uk", "ar"])
    transaction.commit()


def postcode_error(response):
    assert response.status_code == 400, response.text
    return {item["field"]: item["message"] for item in response.json()["error"]["errors"]}[
        "postcode"
    ]


@pytest.mark.parametrize("language", ["en", "tr", "uk", "ar"])
def test_language_parameter_chooses_the_errors_language(offered, api_session, language):
    session = api_session(*CITIZEN)
    response = session.post(
        f"{FORM}?language={language}", json={"values": {**DOG_TAX, "postcode": "4462"}}
    )
    assert postcode_error(response) == POSTCODE[language]


def test_accept_language_chooses_by_weight(offered, api_session):
    session = api_session(*CITIZEN)
    session.headers["Accept-Language"] = "fr;q=1.0, uk;q=0.5, tr;q=0.8"
    response = session.post(FORM, json={"values": {**DOG_TAX, "postcode": "4462"}})
    assert postcode_error(response) == POSTCODE["tr"]


def test_german_by_default_and_for_languages_not_offered(rest_portal, api_session):
    api.portal.set_registry_record("plone.available_languages", ["de"])
    transaction.commit()
    session = api_session(*CITIZEN)
    response = session.post(FORM, json={"values": {**DOG_TAX, "postcode": "4462"}})
    assert postcode_error(response) == POSTCODE["de"]
    # Turkish has a catalogue, but the administrator offers German only.
    session.headers["Accept-Language"] = "tr"
    response = session.post(FORM, json={"values": {**DOG_TAX, "postcode": "4462"}})
    assert postcode_error(response) == POSTCODE["de"]


def test_labels_of_the_front_page_and_search(offered, api_session):
    session = api_session()
    situations = session.get("@startseite?language=uk").json()["life_situations"]
    assert "Сім'я та діти" in [item["title"] for item in situations]
    german = session.get("@startseite").json()["life_situations"]
    assert "Familie und Kinder" in [item["title"] for item in german]
    german = session.get("@leistungssuche?SearchableText=Hundesteuer").json()["items"][0]
    session.headers["Accept-Language"] = "ar"
    arabic = session.get("@leistungssuche?SearchableText=Hundesteuer").json()["items"][0]
    expected = translate(german["badge"]["title"], domain="herne.portal", target_language="ar")
    assert arabic["badge"]["title"] == expected != german["badge"]["title"]


def test_application_filed_in_a_language_records_it_and_its_receipt_follows(
    offered, api_session, mailbox
):
    session = api_session(*CITIZEN)
    response = session.post(f"{FORM}?language=tr", json={"values": DOG_TAX})
    assert response.status_code == 201, response.text
    transaction.abort()
    (brain,) = applications_of("buerger")
    application = brain._unrestrictedGetObject()
    assert application.citizen_language == "tr"
    (receipt,) = [parsed(envelope) for envelope in receipts(mailbox)]
    assert receipt["Subject"].startswith(f"Alındı belgesi {application.reference_number}: ")
    assert "Dosya numaranız: " + application.reference_number in receipt.get_content()


def test_accept_language_header_parsing(rest_portal, offered):
    assert accepted_language("tr-TR,tr;q=0.9,de;q=0.8") == "tr"
    assert accepted_language("en-GB;q=0, uk") == "uk"
    assert accepted_language("fr, es") is None
    assert accepted_language("") is None


def test_detail_says_the_next_step_in_the_chosen_language(
    offered, api_session, certificate_application
):
    session = api_session(*CITIZEN)
    url = f"{certificate_application.absolute_url()}/@antrag"
    german = session.get(url).json()["next_step"]
    english = session.get(f"{url}?language=en").json()["next_step"]
    assert english == translate(german, domain="herne.portal", target_language="en") != german
    session.headers["Accept-Language"] = "uk"
    ukrainian = session.get(url).json()["next_step"]
    assert ukrainian == translate(german, domain="herne.portal", target_language="uk")
