"""POST ``@tagesliste``: a clerk books for a caller over REST, with the same rules and answers as the page."""

from herne.portal.booking.bookings import book
from herne.portal.booking.day_list import day_bookings
from herne.portal.booking.storage import utcnow
import pytest
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking_mail import at
from tests.fixtures.booking_mail import book_over_rest
from tests.fixtures.booking_mail import booking_mail
from tests.fixtures.booking_mail import mail_text
from tests.fixtures.browsers import demo_password
import transaction


CLERK = "sachbearbeitung"  # Bürgerdienste Herne-Mitte


def clerk_session(api_session, username=CLERK):
    return api_session(username, demo_password(username)) if username else api_session()


def caller(service, start, **changes):
    return {
        "office": OFFICE,
        "service": service.UID(),
        "start": start.isoformat(),
        "name": "Dora Dahl",
        **changes,
    }


def errors_of(response):
    return {error["field"]: error["message"] for error in response.json()["error"]["errors"]}


def stored(office, day):
    transaction.begin()  # see what the server committed
    return day_bookings(office, day, utcnow())


def test_the_clerk_books_a_caller_confirmed_at_once_marked_and_mailed(
    booking_office, api_session, mailbox
):
    _portal, office, service = booking_office
    day = next_weekday(4)
    response = clerk_session(api_session).post(
        "@tagesliste", json=caller(service, at(day, 10), email="dora@example.org")
    )

    assert response.status_code == 201, response.text
    answer = response.json()
    assert answer["state"] == "bestaetigt"
    assert answer["booked_by_staff"] is True
    assert answer["start"] == at(day, 10).isoformat()
    (booking,) = stored(office, day)
    assert booking["code"] == answer["code"]
    assert booking["by_staff"] is True
    text = mail_text(booking_mail(mailbox, "dora@example.org"))
    assert "Die Stadt Herne hat diesen Termin für Sie gebucht; er ist bestätigt." in text


def test_a_caller_with_an_open_booking_is_refused_naming_it(booking_office, api_session):
    _portal, office, service = booking_office
    day = next_weekday(4)
    booked = book_over_rest(api_session(), service, at(day, 9), email="dora@example.org")

    response = clerk_session(api_session).post(
        "@tagesliste", json=caller(service, at(day, 11), email="dora@example.org")
    )

    assert response.status_code == 400, response.text
    assert errors_of(response) == {
        "email": "Für dora@example.org ist schon ein offener Termin für diese Leistung gebucht: "
        f"{day.strftime('%d.%m.%Y')} um 09:00 Uhr, Code {booked['code']}. "
        "Bitte sagen Sie ihn zuerst ab oder verlegen Sie ihn."
    }
    assert [booking["code"] for booking in stored(office, day)] == [booked["code"]]


def test_a_full_time_is_ausgebucht(booking_office, api_session):
    _portal, office, service = booking_office
    day = next_weekday(4)
    for number in range(2):  # capacity 2
        book(office, service.UID(), at(day, 10), 15, 2, utcnow(), "X", f"x{number}@example.org")
    transaction.commit()

    response = clerk_session(api_session).post("@tagesliste", json=caller(service, at(day, 10)))

    assert response.status_code == 409, response.text
    assert "ausgebucht" in response.json()["error"]["message"]
    assert len(stored(office, day)) == 2


def test_bad_input_gets_german_messages_per_field_and_stores_nothing(booking_office, api_session):
    _portal, office, service = booking_office
    day = next_weekday(4)
    response = clerk_session(api_session).post(
        "@tagesliste",
        json=caller(service, at(day, 10, 7), name=" ", email="keine-adresse"),
    )

    assert response.status_code == 400, response.text
    assert errors_of(response) == {
        "name": "Bitte geben Sie den Namen an.",
        "email": "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@example.org.",
        "start": "Bitte wählen Sie eine der freien Zeiten.",
    }
    assert stored(office, day) == []


@pytest.mark.parametrize(
    ("username", "status"),
    [("sachbearbeitung-wanne", 403), ("buerger", 403), ("redaktion", 403), (None, 401)],
    ids=["other-office-clerk", "citizen", "editor", "anonymous"],
)
def test_only_the_offices_clerks_book_for_callers(booking_office, api_session, username, status):
    _portal, office, service = booking_office
    day = next_weekday(4)
    response = clerk_session(api_session, username).post(
        "@tagesliste", json=caller(service, at(day, 10))
    )

    assert response.status_code == status, response.text
    assert response.json()["error"]["message"]
    assert stored(office, day) == []


def test_a_form_post_from_elsewhere_is_not_taken(booking_office, api_session):
    _portal, office, service = booking_office
    day = next_weekday(4)
    response = clerk_session(api_session).post(
        "@tagesliste",
        data=caller(service, at(day, 10)),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert response.status_code == 415, response.text
    assert stored(office, day) == []
