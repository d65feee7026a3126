"""A clerk books a caller's visit for an application by its reference number (page and REST), and sees the booking on the application."""

from herne.portal.applications.areas import application_root
from herne.portal.applications.reference import next_reference_number
from herne.portal.booking.application_visit import open_booking
from herne.portal.booking.day_list import day_bookings
from herne.portal.booking.storage import utcnow
import pytest
from tests.booking.test_termin_buchen_page import error_next_to
from tests.fixtures.applications import bring_to
from tests.fixtures.applications import draft_application
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import OTHER_OFFICE
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking import office as office_named
from tests.fixtures.booking import pickup_application as unnumbered_pickup
from tests.fixtures.booking_mail import at
from tests.fixtures.browsers import demo_password
import transaction


CLERK = "sachbearbeitung"  # Bürgerdienste Herne-Mitte
UNKNOWN = (
    "Einen Antrag mit diesem Aktenzeichen gibt es bei diesem Amt nicht. Bitte prüfen Sie die "
    "Eingabe."
)


def visit(service, start, reference, **changes):
    return {
        "office": OFFICE,
        "service": service.UID(),
        "start": start.isoformat(),
        "name": "Bernd Bergmann",
        "application": reference,
        **changes,
    }


def pickup_application(portal, department):
    """A Führungszeugnis ready for pick-up at ``department``, with its reference number (not committed)."""
    application = unnumbered_pickup(portal, department)
    application.reference_number = next_reference_number(application_root())
    application.reindexObject()
    return application


def errors_of(response):
    return {error["field"]: error["message"] for error in response.json()["error"]["errors"]}


def stored(office, day):
    transaction.begin()  # see what the server committed
    return day_bookings(office, day, utcnow())


def clerk(api_session):
    return api_session(CLERK, demo_password(CLERK))


def test_rest_links_the_booking_with_the_applications_service_and_visit_length(
    booking_office, api_session
):
    portal, office, service = booking_office
    application = pickup_application(portal, office)
    transaction.commit()
    day = next_weekday(3)

    response = clerk(api_session).post(
        "@tagesliste", json=visit(service, at(day, 10), f" {application.reference_number} ")
    )

    assert response.status_code == 201, response.text
    answer = response.json()
    assert answer["application"]["@id"] == application.absolute_url()
    assert answer["service"]["title"] == "Führungszeugnis beantragen"
    assert answer["end"] == at(day, 10, 5).isoformat()  # the pick-up's 5 minutes
    (booking,) = stored(office, day)
    assert booking["application"] == application.UID()
    assert booking["by_staff"] is True
    assert open_booking(application, utcnow())["code"] == answer["code"]


def test_another_departments_application_is_answered_like_an_unknown_number(
    booking_office, api_session
):
    portal, office, service = booking_office
    theirs = pickup_application(portal, office_named(portal, OTHER_OFFICE))
    transaction.commit()
    day = next_weekday(3)
    session = clerk(api_session)

    other = session.post("@tagesliste", json=visit(service, at(day, 10), theirs.reference_number))
    unknown = session.post("@tagesliste", json=visit(service, at(day, 10), "HER-0000-999999"))

    assert other.status_code == unknown.status_code == 400
    assert errors_of(other) == errors_of(unknown) == {"application": UNKNOWN}
    assert "Führungszeugnis" not in other.text
    assert stored(office, day) == []


def test_an_application_needing_no_visit_or_booked_already_is_refused(booking_office, api_session):
    portal, office, service = booking_office
    waiting = draft_application(portal, service="fuehrungszeugnis")
    bring_to(waiting, "submitted")
    waiting.department_uid = office.UID()
    waiting.reference_number = next_reference_number(application_root())
    waiting.reindexObject()
    ready = pickup_application(portal, office)
    transaction.commit()
    day = next_weekday(3)
    session = clerk(api_session)
    first = session.post("@tagesliste", json=visit(service, at(day, 9), ready.reference_number))
    assert first.status_code == 201, first.text

    no_visit = session.post(
        "@tagesliste", json=visit(service, at(day, 10), waiting.reference_number)
    )
    again = session.post(
        "@tagesliste",
        json=visit(service, at(day, 11), ready.reference_number, email="neu@example.org"),
    )

    assert errors_of(no_visit) == {
        "application": "Dieser Antrag wartet nicht auf einen Besuch (Originale vorlegen oder "
        "Abholung); ein Termin dafür ist zurzeit nicht nötig."
    }
    assert errors_of(again) == {
        "application": f"Für diesen Antrag ist schon ein Termin gebucht: {day.strftime('%d.%m.%Y')} "
        f"um 09:00 Uhr, Code {first.json()['code']}. Bitte sagen Sie ihn zuerst in der "
        "Tagesliste ab oder verschieben Sie ihn."
    }
    assert [booking["code"] for booking in stored(office, day)] == [first.json()["code"]]


def test_the_page_offers_the_applications_times_and_links_the_booking(booking_office, browser_as):
    portal, office, service = booking_office
    application = pickup_application(portal, office)
    transaction.commit()
    day = next_weekday(3)
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(f"{office.absolute_url()}/@@tagesliste?date={day.isoformat()}")

    browser.getControl(name="application", index=0).value = application.reference_number
    browser.getControl("Freie Zeiten zeigen").click()
    assert "(5 Minuten); er wird mit dem Antrag verknüpft." in browser.contents
    # the pick-up takes 5 minutes: 08:05 is a time of its own grid
    browser.getControl(name="start").value = [at(day, 8, 5).isoformat()]
    browser.getControl(name="name").value = "Bernd Bergmann"
    browser.getControl("Termin buchen").click()

    assert "um 08:05 Uhr für Bernd Bergmann ist gebucht und bestätigt." in browser.contents
    (booking,) = stored(office, day)
    assert booking["application"] == application.UID()


def test_the_page_names_an_unknown_reference_by_its_field(booking_office, browser_as):
    portal, office, service = booking_office
    theirs = pickup_application(portal, office_named(portal, OTHER_OFFICE))
    transaction.commit()
    day = next_weekday(3)
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(
        f"{office.absolute_url()}/@@tagesliste?date={day.isoformat()}"
        f"&application={theirs.reference_number}"
    )

    assert error_next_to(browser.contents, "application") == UNKNOWN
    assert "Führungszeugnis beantragen" not in browser.contents
    assert "(5 Minuten)" not in browser.contents


@pytest.mark.parametrize("booked", [True, False], ids=["booked", "not-booked"])
def test_the_processing_panel_shows_the_open_booking(
    booking_office, api_session, browser_as, booked
):
    portal, office, service = booking_office
    application = pickup_application(portal, office)
    transaction.commit()
    day = next_weekday(3)
    code = None
    if booked:
        response = clerk(api_session).post(
            "@tagesliste", json=visit(service, at(day, 10), application.reference_number)
        )
        code = response.json()["code"]
    browser = browser_as(CLERK, demo_password(CLERK))

    browser.open(application.absolute_url())

    assert "Bearbeitung" in browser.contents  # the clerk's panel
    if booked:
        assert (
            f"Termin vor Ort: {day.strftime('%d.%m.%Y')} um 10:00 Uhr, Code <code>{code}</code>, "
            "bestätigt"
        ) in browser.contents
        assert f"@@tagesliste?date={day.isoformat()}" in browser.contents
    else:
        assert "Termin vor Ort:" not in browser.contents
