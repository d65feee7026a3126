"""The signed-in applicant moves or cancels the visit of their application on its page, in the Postkorb
and over REST, without the mail's token; nobody else can."""

from herne.portal.booking.bookings import book
from herne.portal.booking.own_visit import open_visit
from herne.portal.booking.storage import CANCELLED
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.storage import utcnow
import lxml.html
import pytest
from tests.booking.test_termin_buchen_page import long_date
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import OTHER_CITIZEN
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking import pickup_application
from tests.fixtures.booking_mail import at
from tests.fixtures.browsers import demo_password
import transaction


def booked_visit(portal, office, hour=9):
    """A ready-for-pickup application of ``buerger`` with a confirmed visit at ``hour`` on next
    Tuesday: (application, booking). Committed."""
    application = pickup_application(portal, office)
    booking, _token, _confirm = book(
        office,
        application.service_uid,
        at(next_weekday(1), hour),
        5,
        2,
        utcnow(),
        "Bernd Bergmann",
        "bernd@example.org",
        application.UID(),
        CITIZEN[0],
    )
    transaction.commit()
    return application, booking


def states(office):
    """Code → state of every stored booking, as committed."""
    transaction.begin()
    tree = office_bookings(office)
    return {b["code"]: b["state"] for slot in (tree or {}).values() for b in slot.bookings}


def current_visit(application):
    transaction.begin()
    return open_visit(application.UID(), utcnow())[1]


def move_through_the_page(browser, day, hour, minute=0):
    browser.getControl(long_date(day)).click()
    browser.getControl(name="start").value = [at(day, hour, minute).isoformat()]
    browser.getControl("Weiter").click()
    browser.getControl("Termin verschieben").click()


def test_the_applicant_moves_the_visit_from_the_application_page(booking_office, citizen, mailbox):
    portal, office, _service = booking_office
    application, old = booked_visit(portal, office)
    browser = citizen()
    browser.open(application.absolute_url())
    browser.getLink("Termin verschieben").click()
    assert "Bisheriger Termin" in browser.contents
    day = next_weekday(3)
    move_through_the_page(browser, day, 10, 5)
    assert "Ihr Termin ist verschoben" in browser.contents

    new = current_visit(application)
    assert new["code"] != old["code"]
    assert new["start"] == at(day, 10, 5)
    assert states(office)[old["code"]] == CANCELLED
    browser.open(application.absolute_url())
    assert f"Ihr Termin: {day.strftime('%d.%m.%Y')} um 10:05 Uhr (Buchungscode {new['code']})" in (
        browser.contents
    )


def test_the_postkorb_shows_the_visit_and_cancels_it(booking_office, citizen):
    portal, office, _service = booking_office
    application, booking = booked_visit(portal, office)
    browser = citizen()
    browser.open(f"{portal.absolute_url()}/@@postkorb")
    day = next_weekday(1).strftime("%d.%m.%Y")
    assert f"Ihr Termin: {day} um 09:00 Uhr (Buchungscode {booking['code']})" in browser.contents
    page = lxml.html.fromstring(browser.contents)
    assert page.xpath('//a[normalize-space()="Termin buchen"]') == []
    (move_link,) = page.xpath('//a[normalize-space()="Termin verschieben"]/@href')
    assert move_link == f"{application.absolute_url()}/@@antrag-termin-verschieben"

    browser.getControl("Termin absagen").click()
    assert browser.url.endswith("/@@postkorb")
    assert "Ihr Termin wurde abgesagt." in browser.contents
    assert states(office)[booking["code"]] == CANCELLED
    assert browser.getLink("Termin buchen")  # the visit is needed still


def test_the_postkorb_moves_the_visit(booking_office, citizen):
    portal, office, _service = booking_office
    application, old = booked_visit(portal, office)
    browser = citizen()
    browser.open(f"{portal.absolute_url()}/@@postkorb")
    browser.getLink("Termin verschieben").click()
    move_through_the_page(browser, next_weekday(2), 11)
    assert "Ihr Termin ist verschoben" in browser.contents
    assert current_visit(application)["start"] == at(next_weekday(2), 11)
    assert states(office)[old["code"]] == CANCELLED


def test_rest_lists_the_visit_and_moves_and_cancels_it(booking_office, api_session):
    portal, office, _service = booking_office
    application, old = booked_visit(portal, office)
    session = api_session(*CITIZEN)
    url = application.absolute_url()

    (row,) = [r for r in session.get("@postkorb").json()["items"] if r["@id"] == url]
    termin = row["termin"]
    assert termin == {
        "start": at(next_weekday(1), 9).isoformat(),
        "code": old["code"],
        "state": old["state"],
        "verschieben_url": f"{url}/@termin-verschieben",
        "absagen_url": f"{url}/@termin-absagen",
    }
    assert row["termin_buchen_url"] is None
    assert session.get(f"{url}/@antrag").json()["termin"] == termin

    day = next_weekday(3)
    times = session.get(
        termin["verschieben_url"], params={"start": day.isoformat(), "end": day.isoformat()}
    )
    assert times.status_code == 200, times.text
    assert at(day, 10).isoformat() in [item["start"] for item in times.json()["items"]]

    moved = session.post(termin["verschieben_url"], json={"start": at(day, 10).isoformat()})
    assert moved.status_code == 201, moved.text
    assert moved.json()["start"] == at(day, 10).isoformat()
    assert states(office)[old["code"]] == CANCELLED
    new_code = moved.json()["code"]
    assert current_visit(application)["code"] == new_code

    cancelled = session.post(termin["absagen_url"], json={})
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json() == {"code": new_code, "state": CANCELLED}
    assert current_visit(application) is None
    again = session.post(termin["absagen_url"], json={})
    assert again.status_code == 404
    assert again.json()["error"]["message"] == (
        "Für diesen Antrag ist kein Termin gebucht, der sich noch verschieben oder absagen lässt."
    )


def test_rest_refuses_bad_times_per_field_and_forms_of_other_sites(booking_office, api_session):
    portal, office, _service = booking_office
    application, old = booked_visit(portal, office)
    session = api_session(*CITIZEN)
    url = f"{application.absolute_url()}/@termin-verschieben"
    sunday = next_weekday(6)
    refused = session.post(url, json={"start": at(sunday, 10).isoformat()})
    assert refused.status_code == 400, refused.text
    assert [error["field"] for error in refused.json()["error"]["errors"]] == ["start"]
    form_post = session.post(
        f"{application.absolute_url()}/@termin-absagen",
        data="x=1",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert form_post.status_code == 415
    assert states(office) == {old["code"]: old["state"]}


@pytest.mark.parametrize(
    "who",
    [OTHER_CITIZEN, ("sachbearbeitung", demo_password("sachbearbeitung")), (None, None)],
    ids=["other citizen", "office clerk", "anonymous"],
)
def test_nobody_else_moves_or_cancels_the_visit(booking_office, api_session, browser_as, who):
    portal, office, _service = booking_office
    application, booking = booked_visit(portal, office)
    session = api_session(*who)
    url = application.absolute_url()
    day = next_weekday(3)
    answers = [
        session.get(f"{url}/@termin-verschieben", params={"start": day, "end": day}),
        session.post(f"{url}/@termin-verschieben", json={"start": at(day, 10).isoformat()}),
        session.post(f"{url}/@termin-absagen", json={}),
        session.get(f"{url}/@@antrag-termin-verschieben", headers={"Accept": "text/html"}),
    ]
    for answer in answers:
        refused = answer.status_code in (401, 403, 404)
        assert refused or "login" in answer.url or "insufficient-privileges" in answer.url, (
            answer.request.url
        )
        assert booking["code"] not in answer.text
    assert states(office) == {booking["code"]: booking["state"]}
