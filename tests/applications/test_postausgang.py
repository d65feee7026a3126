"""The Postausgang: a department's clerks print letters in batches, marked printed; late ones reach the worklist."""

from base64 import b64decode
from DateTime import DateTime
from datetime import datetime
from datetime import timedelta
from herne.portal.applications.letters import add_letter
from herne.portal.applications.letters import letters_of
from herne.portal.applications.letters import overdue_before
from herne.portal.applications.retention import anonymise
from io import BytesIO
from plone import api
from pypdf import PdfReader
import pytest
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import WOHNGELD_CLERK
from tests.fixtures.applications import build_application
import transaction
from zoneinfo import ZoneInfo


BERLIN = ZoneInfo("Europe/Berlin")
ADDRESS = "Bernd Bergmann\nBahnhofstraße 12\n44623 Herne"


def letter_application(portal, subjects=("Erster Brief",), service="fuehrungszeugnis", age=0):
    """A committed application by letter with a letter per subject, ``age`` days old."""
    application = build_application(portal, service)
    application.contact_method = "letter"
    application.postal_address = ADDRESS
    for subject in subjects:
        letter = add_letter(application, "message", subject, f"Text zu {subject}")
        letter["created"] = DateTime() - age
    application.reindexObject()
    transaction.commit()
    return application


def pdf_text(data):
    reader = PdfReader(BytesIO(data))
    return len(reader.pages), " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_clerk_prints_the_chosen_letters_as_one_pdf(demo_portal, browser_as, citizen):
    # two minutes older: the catalog keeps the letters' dates by the minute, and within one
    # minute the list follows the record ids, which start at a random number again whenever
    # the catalog's counter leaves the object cache (a new area's 514 tree objects push it out)
    first = letter_application(demo_portal, ("Erster Brief", "Zweiter Brief"), age=2 / 1440)
    second = letter_application(demo_portal, ("Dritter Brief",))
    clerk = browser_as(*CLERK)
    clerk.open(f"{demo_portal.absolute_url()}/@@postausgang")
    page = clerk.contents
    # newest last
    assert page.index("Erster Brief") < page.index("Zweiter Brief") < page.index("Dritter Brief")
    boxes = clerk.getControl(name="letters:list")
    assert len(boxes.options) == 3
    boxes.value = [key for key in boxes.options if key.startswith(first.UID())]
    clerk.getControl("Ausgewählte Briefe als ein PDF drucken und als gedruckt markieren").click()
    assert clerk.headers["Content-Type"] == "application/pdf"
    pages, text = pdf_text(clerk.contents)
    assert pages == 2
    assert "Erster Brief" in text and "Zweiter Brief" in text and "Dritter Brief" not in text

    transaction.abort()
    printed = [letter for letter in letters_of(first) if letter["printed"]]
    assert [letter["printed_by"] for letter in printed] == ["sachbearbeitung"] * 2
    assert not letters_of(second)[0]["printed"]
    clerk.open(f"{demo_portal.absolute_url()}/@@postausgang")
    assert "Erster Brief" not in clerk.contents and "Dritter Brief" in clerk.contents
    clerk.open(f"{demo_portal.absolute_url()}/@@postausgang?gedruckt=1")
    assert "Erster Brief" in clerk.contents and "(sachbearbeitung)" in clerk.contents
    # who and when, in the history: for the city, not for the applicant
    clerk.open(first.absolute_url())
    assert "Brief gedruckt" in clerk.contents
    owner = citizen()
    owner.open(first.absolute_url())
    assert "Brief gedruckt" not in owner.contents
    assert "Erster Brief" not in owner.contents


def test_nothing_chosen_is_refused_in_german(demo_portal, browser_as):
    letter_application(demo_portal)
    clerk = browser_as(*CLERK)
    clerk.open(f"{demo_portal.absolute_url()}/@@postausgang")
    clerk.getControl(name="letters:list").value = []
    clerk.getControl("Ausgewählte Briefe als ein PDF drucken und als gedruckt markieren").click()
    assert "Bitte wählen Sie die Briefe aus, die Sie drucken möchten." in clerk.contents


def test_a_tampered_key_of_another_department_prints_nothing(demo_portal, api_session):
    application = letter_application(demo_portal)
    key = f"{application.UID()}:{letters_of(application)[0]['id']}"
    other = api_session(*WOHNGELD_CLERK)
    response = other.post("@postausgang", json={"letters": [key]})
    assert response.status_code == 400
    assert "gehört nicht zu Ihrer Organisationseinheit" in response.json()["error"]["message"]
    transaction.abort()
    assert not letters_of(application)[0]["printed"]


def test_rest_lists_and_prints(demo_portal, api_session):
    application = letter_application(demo_portal, ("Erster Brief", "Zweiter Brief"))
    session = api_session(*CLERK)
    listing = session.get("@postausgang").json()
    assert [item["subject"] for item in listing["items"]] == ["Erster Brief", "Zweiter Brief"]
    keys = [item["key"] for item in listing["items"]]
    printed = session.post("@postausgang", json={"letters": keys})
    assert printed.status_code == 200, printed.text
    body = printed.json()
    assert body["printed"] == 2
    pages, text = pdf_text(b64decode(body["pdf"]["data"]))
    assert pages == 2 and "Zweiter Brief" in text
    assert session.get("@postausgang").json()["items"] == []
    done = session.get("@postausgang", params={"gedruckt": "1"}).json()["items"]
    assert {item["printed_by"] for item in done} == {"sachbearbeitung"}
    assert application.absolute_url() in done[0]["application_url"]
    assert session.post("@postausgang", json={"letters": []}).json()["error"]["errors"] == [
        {"field": "letters", "message": "Bitte wählen Sie die Briefe aus, die Sie drucken möchten."}
    ]


def test_a_letter_unprinted_for_two_working_days_shows_on_the_worklist(demo_portal, browser_as):
    letter_application(demo_portal, ("Frischer Brief",))
    clerk = browser_as(*CLERK)
    clerk.open(f"{demo_portal.absolute_url()}/@@arbeitskorb")
    assert "ungedruckt im Postausgang" not in clerk.contents
    late = letter_application(demo_portal, ("Liegengebliebener Brief",), age=6)
    clerk.open(f"{demo_portal.absolute_url()}/@@arbeitskorb")
    assert "Bei 1 Antrag/Anträgen liegt ein Brief seit mehr als zwei Arbeitstagen" in clerk.contents
    assert "Brief ungedruckt" in clerk.contents
    assert late.reference_number in clerk.contents
    other = browser_as(*WOHNGELD_CLERK)
    other.open(f"{demo_portal.absolute_url()}/@@arbeitskorb")
    assert "ungedruckt im Postausgang" not in other.contents


@pytest.mark.parametrize(
    "now, first_overdue_day",
    [
        ("2026-12-02 09:00", "2026-11-30"),  # Wednesday: Monday's letters are late
        ("2026-12-01 09:00", "2026-11-29"),  # Tuesday: Friday's and the weekend's
        ("2026-12-05 12:00", "2026-12-02"),  # Saturday: Wednesday's
        ("2026-12-28 09:00", "2026-12-23"),  # Monday after Christmas (25th, 26th holidays)
    ],
)
def test_two_working_days(now, first_overdue_day):
    """The last day whose letters are late: two working days have begun since."""
    limit = overdue_before(DateTime(datetime.fromisoformat(now).replace(tzinfo=BERLIN)))
    day = datetime.fromisoformat(first_overdue_day).replace(tzinfo=BERLIN)
    assert DateTime(day.replace(hour=23, minute=59)) < limit
    assert DateTime(day + timedelta(days=1)) >= limit


def test_retention_deletes_letters_and_address_with_the_application(demo_portal):
    application = letter_application(demo_portal)
    with api.env.adopt_roles(["Manager"]):
        anonymise(application)
    assert letters_of(application) == []
    assert application.postal_address is None
    catalog = api.portal.get_tool("portal_catalog")
    assert not catalog.unrestrictedSearchResults(
        UID=application.UID(), letters_open_since={"query": DateTime(0), "range": "min"}
    )


def test_clerk_prints_the_receipt_on_the_spot(demo_portal, browser_as):
    application = build_application(demo_portal, "fuehrungszeugnis")
    transaction.commit()
    clerk = browser_as(*CLERK)
    clerk.open(application.absolute_url())
    clerk.getLink("Eingangsbestätigung drucken").click()
    assert clerk.headers["Content-Type"] == "application/pdf"
    assert clerk.headers["Content-Disposition"].startswith("inline;")


def test_rest_pages_through_the_applications_with_letters(demo_portal, api_session):
    older = letter_application(demo_portal, ("Älterer Brief",), age=1)
    newer = letter_application(demo_portal, ("Neuerer Brief",))
    session = api_session(*CLERK)
    first = session.get("@postausgang", params={"b_size": "1"}).json()
    second = session.get("@postausgang", params={"b_size": "1", "b_start": "1"}).json()
    assert first["applications_total"] == second["applications_total"] == 2
    assert [item["reference"] for item in first["items"]] == [older.reference_number]
    assert [item["reference"] for item in second["items"]] == [newer.reference_number]


def test_rows_say_which_letter_waits_too_long_and_show_subjects_as_text(demo_portal, browser_as):
    letter_application(demo_portal, ("Frischer Brief",))
    late = letter_application(demo_portal, ("<b>Alter</b> Brief",), age=6)
    clerk = browser_as(*CLERK)
    clerk.open(f"{demo_portal.absolute_url()}/@@postausgang")
    rows = clerk.contents.split("<tr")[2:]
    assert ["Seit mehr als zwei Arbeitstagen nicht gedruckt" in row for row in rows] == [
        True,
        False,
    ]
    assert late.reference_number in rows[0]
    assert "Auswählen: &lt;b&gt;Alter&lt;/b&gt; Brief" in rows[0]
    assert "<b>Alter</b>" not in clerk.contents
    assert 'data-label="Empfänger/in">Bernd Bergmann<' in rows[0]
