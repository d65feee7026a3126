"""A booking the counter makes for a caller follows the citizen's rules: one open booking per person and service."""

from herne.portal.booking.bookings import book
from herne.portal.booking.day_list import day_bookings
from herne.portal.booking.storage import utcnow
from tests.booking.test_termin_buchen_page import error_next_to
from tests.fixtures.booking import OTHER_OFFICE
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking import office as office_named
from tests.fixtures.booking_mail import at
from tests.fixtures.booking_mail import book_over_rest
from tests.fixtures.browsers import demo_password
import transaction


CLERK = "sachbearbeitung"  # Bürgerdienste Herne-Mitte
LIMIT = (
    "Sie haben für diese Leistung bereits einen offenen Termin. Sie können ihn über den Link "
    "in Ihrer Bestätigungsmail verschieben oder absagen."
)


def book_for_caller(browser_as, office, service, day, hour, name, email=""):
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(
        f"{office.absolute_url()}/@@tagesliste?date={day.isoformat()}&service={service.UID()}"
    )
    browser.getControl(name="start").value = [at(day, hour).isoformat()]
    browser.getControl(name="name").value = name
    browser.getControl(name="email").value = email
    browser.getControl("Termin buchen").click()
    return browser


def codes_of_day(office, day):
    transaction.begin()  # see what the server committed
    return [booking["code"] for booking in day_bookings(office, day, utcnow())]


def test_a_caller_with_an_open_booking_here_is_refused_with_its_time_and_code(
    booking_office, api_session, browser_as
):
    _portal, office, service = booking_office
    day = next_weekday(4)
    booked = book_over_rest(api_session(), service, at(day, 9), email="bernd@example.org")

    browser = book_for_caller(browser_as, office, service, day, 11, "Bernd", "Bernd@Example.org")

    assert error_next_to(browser.contents, "email") == (
        "Für Bernd@Example.org ist schon ein offener Termin für diese Leistung gebucht: "
        f"{day.strftime('%d.%m.%Y')} um 09:00 Uhr, Code {booked['code']}. "
        "Bitte sagen Sie ihn zuerst ab oder verlegen Sie ihn."
    )
    assert "ist gebucht und bestätigt" not in browser.contents
    assert codes_of_day(office, day) == [booked["code"]]


def test_a_callers_booking_at_another_office_is_named_without_its_details(
    booking_office, browser_as
):
    portal, office, service = booking_office
    day = next_weekday(4)
    other = office_named(portal, OTHER_OFFICE)
    elsewhere, _token, _confirm = book(
        other, service.UID(), at(day, 9), 15, 2, utcnow(), "Bernd", "bernd@example.org"
    )
    transaction.commit()

    browser = book_for_caller(browser_as, office, service, day, 11, "Bernd", "bernd@example.org")

    assert error_next_to(browser.contents, "email") == (
        "Für bernd@example.org ist bei einem anderen Amt schon ein offener Termin für diese "
        "Leistung gebucht. Er kann über den Link in der Bestätigungsmail abgesagt werden."
    )
    assert elsewhere["code"] not in browser.contents
    assert codes_of_day(office, day) == []


def test_a_booking_the_counter_made_counts_for_the_citizen_too(
    booking_office, api_session, browser_as
):
    _portal, office, service = booking_office
    day = next_weekday(4)
    book_for_caller(browser_as, office, service, day, 11, "Dora Dahl", "dora@example.org")

    response = api_session().post(
        "@termine",
        json={
            "office": office.getId(),
            "service": service.UID(),
            "start": at(day, 9).isoformat(),
            "name": "Dora Dahl",
            "email": "dora@example.org",
        },
    )

    assert response.status_code == 400, response.text
    assert response.json()["error"]["errors"] == [{"field": "email", "message": LIMIT}]
    assert len(codes_of_day(office, day)) == 1


def test_callers_without_an_address_are_not_limited(booking_office, browser_as):
    _portal, office, service = booking_office
    day = next_weekday(4)
    first = book_for_caller(browser_as, office, service, day, 10, "Dora Dahl")
    second = book_for_caller(browser_as, office, service, day, 11, "Dora Dahl")

    assert "ist gebucht und bestätigt" in first.contents
    assert "ist gebucht und bestätigt" in second.contents
    assert len(codes_of_day(office, day)) == 2
