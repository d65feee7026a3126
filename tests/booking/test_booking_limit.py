"""A person holds at most one open booking per service, by e-mail address and by account."""

from datetime import timedelta
from herne.portal.booking.bookings import cancel
from herne.portal.booking.bookings import find
from herne.portal.booking.slots import grid_keys
from herne.portal.booking.storage import office_bookings
from plone import api
from tests.booking.test_termin_buchen_page import error_next_to
from tests.booking.test_termin_buchen_page import open_details
from tests.fixtures.applications import CITIZEN as CITIZEN_LOGIN
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking_mail import at
from tests.fixtures.booking_mail import book_over_rest
import transaction


LIMIT = (
    "Sie haben für diese Leistung bereits einen offenen Termin. Sie können ihn über den Link "
    "in Ihrer Bestätigungsmail verschieben oder absagen."
)


def codes(department):
    transaction.begin()  # see what the server committed
    tree = office_bookings(department)
    return {b["code"] for slot in (tree or {}).values() for b in slot.bookings}


def second_booking(session, service, start, email):
    return session.post(
        "@termine",
        json={
            "office": "buergerdienste-herne-mitte",
            "service": service.UID(),
            "start": start.isoformat(),
            "name": "Bernd Bergmann",
            "email": email,
        },
    )


def test_a_second_open_booking_with_the_same_address_is_refused_on_rest(
    booking_office, api_session
):
    _portal, department, service = booking_office
    day = next_weekday(1)
    book_over_rest(api_session(), service, at(day, 9), email="bernd@example.org")
    response = second_booking(api_session(), service, at(day, 10), "  Bernd@Example.ORG ")
    assert response.status_code == 400, response.text
    errors = {e["field"]: e["message"] for e in response.json()["error"]["errors"]}
    # an address alone proves nothing: whoever typed it learns no time or code
    assert errors == {"email": LIMIT}
    assert len(codes(department)) == 1
    # another person may book
    book_over_rest(api_session(), service, at(day, 10), email="berta@example.org")


def test_a_cancelled_booking_no_longer_counts(booking_office, api_session):
    _portal, department, service = booking_office
    day = next_weekday(1)
    booked = book_over_rest(api_session(), service, at(day, 9))
    token = booked["cancel_url"].split("token=")[1]
    transaction.begin()
    booking = find(department, grid_keys(at(day, 9), 15)[0], booked["code"], token)
    cancel(department, booking)
    transaction.commit()
    book_over_rest(api_session(), service, at(day, 10))


def test_a_logged_in_citizen_is_counted_by_account_whatever_address_is_given(
    booking_office, api_session
):
    _portal, department, service = booking_office
    day = next_weekday(1)
    citizen = api_session(*CITIZEN_LOGIN)
    first = book_over_rest(citizen, service, at(day, 9), email="erste@example.org")
    response = second_booking(citizen, service, at(day, 10), "zweite@example.org")
    assert response.status_code == 400, response.text
    # their own booking by account: its time and code, and where to move it
    own = (
        "Sie haben für diese Leistung bereits einen offenen Termin: "
        f"{day.strftime('%d.%m.%Y')} um 09:00 Uhr (Buchungscode {first['code']}). Sie können "
        "ihn über den Link in Ihrer Bestätigungsmail verschieben oder absagen."
    )
    assert response.json()["error"]["errors"] == [{"field": "email", "message": own}]
    assert len(codes(department)) == 1


def test_the_page_termin_buchen_shows_the_limit_next_to_the_address(
    booking_office, api_session, anon_browser
):
    _portal, department, service = booking_office
    day = next_weekday(1)
    book_over_rest(api_session(), service, at(day, 9) + timedelta(hours=2))
    open_details(anon_browser, service, day, 9)
    anon_browser.getControl("Name").value = "Bernd Bergmann"
    anon_browser.getControl("E-Mail-Adresse").value = "BERND@example.org"
    anon_browser.getControl("Termin verbindlich buchen").click()
    assert error_next_to(anon_browser.contents, "email") == LIMIT
    assert "Schritt 4 von 4: Ihre Angaben" in anon_browser.contents
    assert len(codes(department)) == 1


def test_the_limit_per_person_is_a_registry_setting(booking_office, api_session):
    _portal, department, service = booking_office
    api.portal.set_registry_record("herne.portal.booking.limit_per_person", 2)
    transaction.commit()
    day = next_weekday(1)
    book_over_rest(api_session(), service, at(day, 9))
    book_over_rest(api_session(), service, at(day, 10))
    response = second_booking(api_session(), service, at(day, 11), "bernd@example.org")
    assert response.status_code == 400, response.text
    assert len(codes(department)) == 2
