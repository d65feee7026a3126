"""A visit for an application: only its applicant books it, at its office, with the state's visit length."""

from herne.portal.booking.storage import office_bookings
import pytest
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import OTHER_CITIZEN
from tests.fixtures.applications import bring_to
from tests.fixtures.applications import draft_application
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking_mail import at
import transaction


def _application(portal, office, state="ready_for_pickup"):
    application = draft_application(portal, service="fuehrungszeugnis")
    application.originals = [{"name": "Ehrenamtsnachweis", "shown_at": None, "checked_by": None}]
    bring_to(application, state)
    application.department_uid = office.UID()  # handed over to the booking office
    transaction.commit()
    return application


def _request(application, start, **changes):
    return {
        "office": OFFICE,
        "service": application.service_uid,
        "start": start.isoformat(),
        "application": application.UID(),
        **changes,
    }


def _stored(office):
    transaction.abort()
    tree = office_bookings(office)
    found = {b["code"]: b for slot in (tree.values() if tree else []) for b in slot.bookings}
    return list(found.values())  # a visit longer than one grid step is in each of its slots


def test_the_applicant_books_a_pickup_of_five_minutes_prefilled_from_the_account(
    booking_office, api_session
):
    portal, office, _service = booking_office
    application = _application(portal, office)
    response = api_session(*CITIZEN).post(
        "@termine", json=_request(application, at(next_weekday(1), 10))
    )
    assert response.status_code == 201, response.text
    (booking,) = _stored(office)
    assert booking["application"] == application.UID()
    assert booking["minutes"] == 5
    assert booking["name"] and booking["email"]


def test_originals_take_ten_minutes_or_the_services_setting(booking_office, api_session):
    portal, office, _service = booking_office
    application = _application(portal, office, "originals_pending")
    response = api_session(*CITIZEN).post(
        "@termine", json=_request(application, at(next_weekday(1), 10))
    )
    assert response.status_code == 201, response.text
    (booking,) = _stored(office)
    assert booking["minutes"] == 10


@pytest.mark.parametrize("who", ["other citizen", "anonymous"])
def test_nobody_but_the_applicant_books_for_an_application(booking_office, api_session, who):
    portal, office, _service = booking_office
    application = _application(portal, office)
    session = api_session(*OTHER_CITIZEN) if who == "other citizen" else api_session()
    response = session.post(
        "@termine",
        json=_request(
            application, at(next_weekday(1), 10), name="Eva Fremd", email="eva@example.org"
        ),
    )
    assert response.status_code == 403, response.text
    assert response.json()["error"]["message"] == (
        "Für diesen Antrag kann nur die Antragstellerin oder der Antragsteller einen Termin buchen."
    )
    assert _stored(office) == []


def test_a_second_booking_while_one_is_open_is_refused(booking_office, api_session):
    portal, office, _service = booking_office
    application = _application(portal, office)
    citizen = api_session(*CITIZEN)
    first = citizen.post("@termine", json=_request(application, at(next_weekday(1), 10)))
    assert first.status_code == 201
    second = citizen.post("@termine", json=_request(application, at(next_weekday(2), 11)))
    assert second.status_code == 400
    (booking,) = _stored(office)
    assert second.json()["error"]["errors"] == [
        {
            "field": "application",
            "message": (
                f"Für diesen Antrag ist schon ein Termin gebucht: {next_weekday(1).strftime('%d.%m.%Y')} "
                f"um 10:00 Uhr (Buchungscode {booking['code']}). Sie können ihn in Ihrem Postkorb, auf "
                "der Seite des Antrags oder über den Link in der Bestätigungsmail verschieben oder absagen."
            ),
        }
    ]


def test_an_application_that_needs_no_visit_cannot_book(booking_office, api_session):
    portal, office, _service = booking_office
    application = _application(portal, office, "in_progress")
    response = api_session(*CITIZEN).post(
        "@termine", json=_request(application, at(next_weekday(1), 10))
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Für diesen Antrag ist zurzeit kein Termin nötig."
    assert _stored(office) == []


def test_only_the_applications_own_office(booking_office, api_session):
    portal, office, _service = booking_office
    application = _application(portal, office)
    response = api_session(*CITIZEN).post(
        "@termine",
        json=_request(application, at(next_weekday(1), 10), office="buergerdienste-wanne"),
    )
    assert response.status_code == 400
    assert "nur bei dem Amt, das ihn bearbeitet" in response.json()["error"]["message"]
    assert _stored(office) == []


def test_the_services_setting_for_originals_overrides_ten_minutes(booking_office, api_session):
    portal, office, _service = booking_office
    application = _application(portal, office, "originals_pending")
    portal["leistungen"]["fuehrungszeugnis"].originals_visit_minutes = 20
    transaction.commit()
    response = api_session(*CITIZEN).post(
        "@termine", json=_request(application, at(next_weekday(1), 10))
    )
    assert response.status_code == 201, response.text
    (booking,) = _stored(office)
    assert booking["minutes"] == 20


def test_free_slots_for_an_application_have_its_visit_length_and_only_for_its_applicant(
    booking_office, api_session
):
    portal, office, _service = booking_office
    application = _application(portal, office)
    day = next_weekday(1).isoformat()
    query = {
        "office": OFFICE,
        "service": application.service_uid,
        "application": application.UID(),
        "start": day,
        "end": day,
    }
    response = api_session(*CITIZEN).get("@termine", params=query)
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert items[0]["start"].startswith(f"{day}T08:00")
    assert items[0]["end"].startswith(f"{day}T08:05")  # a pick-up takes 5 minutes
    other = api_session(*OTHER_CITIZEN).get("@termine", params=query)
    assert other.status_code == 403
    assert "items" not in other.json()
