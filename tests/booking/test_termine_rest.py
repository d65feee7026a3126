"""REST ``@termine``: free slots, booking, confirming, cancelling, and every refusal in German."""

from datetime import datetime
from datetime import timedelta
from herne.portal.booking.bookings import book
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.slots import nrw_holidays
from herne.portal.booking.storage import utcnow
import pytest
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import OTHER_OFFICE
from tests.fixtures.booking import berlin_today
from tests.fixtures.booking import later_today
from tests.fixtures.booking import next_weekday
import transaction


def free_slots(session, service, first, last=None):
    response = session.get(
        "@termine",
        params={
            "office": OFFICE,
            "service": service.UID(),
            "start": first.isoformat(),
            "end": (last or first).isoformat(),
        },
    )
    assert response.status_code == 200, response.text
    return response.json()["items"]


def booking_request(service_page, start, **changes):
    data = {
        "office": OFFICE,
        "service": service_page.UID(),
        "start": start,
        "name": "Bernd Bergmann",
        "email": "bernd@example.org",
    }
    data.update(changes)
    return data


def at(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN).isoformat()


def test_free_slots_of_a_tuesday_with_offset_and_capacity(booking_office, api_session):
    _portal, _office, service = booking_office
    tuesday = next_weekday(1)
    items = free_slots(api_session(), service, tuesday)
    assert len(items) == 16
    assert items[0] == {"start": at(tuesday, 8), "end": at(tuesday, 8, 15), "free": 2}
    assert [
        item["start"] for item in free_slots(api_session(), service, tuesday + timedelta(days=4))
    ] == []


def test_booking_takes_a_place_and_the_last_place_is_refused_as_ausgebucht(
    booking_office, api_session
):
    portal, _office, service = booking_office
    session = api_session()
    start = at(next_weekday(2), 9)
    first = session.post("@termine", json=booking_request(service, start))
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["state"] == "gebucht"
    assert len(body["code"]) == 8
    assert body["@id"].startswith(portal.absolute_url() + "/@termine/" + OFFICE + "/")
    assert "token=" in body["cancel_url"]
    slot = [
        item for item in free_slots(session, service, next_weekday(2)) if item["start"] == start
    ]
    assert slot[0]["free"] == 1

    second = session.post(
        "@termine",
        json=booking_request(service, start, name="Berta Brandt", email="berta@example.org"),
    )
    assert second.status_code == 201
    full = session.post(
        "@termine",
        json=booking_request(service, start, name="Carla Clausen", email="carla@example.org"),
    )
    assert full.status_code == 409
    assert "ausgebucht" in full.json()["error"]["message"]
    assert start not in [item["start"] for item in free_slots(session, service, next_weekday(2))]


def _refusal(session, data):
    response = session.post("@termine", json=data)
    assert response.status_code == 400, response.text
    return {error["field"]: error["message"] for error in response.json()["error"]["errors"]}


@pytest.mark.parametrize(
    "start, message",
    [
        (lambda: "2020-01-07T09:00:00+01:00", "Dieser Zeitpunkt liegt in der Vergangenheit."),
        (
            lambda: later_today().isoformat(),
            "Termine sind frühestens ab dem nächsten Werktag buchbar.",
        ),
        (lambda: at(next_weekday(5), 9), "An diesem Tag ist das Amt geschlossen."),
        (lambda: at(next_weekday(1), 14), "Zu dieser Uhrzeit gibt es keinen Termin"),
        (lambda: at(next_weekday(1), 9, 5), "Zu dieser Uhrzeit gibt es keinen Termin"),
        (
            lambda: at(next_weekday(1, weeks=9), 9),
            "Termine sind höchstens 8 Wochen im Voraus buchbar.",
        ),
        (lambda: "morgen früh", "Bitte geben Sie die Uhrzeit des Termins an"),
    ],
)
def test_times_that_cannot_be_booked_are_refused_in_german(
    booking_office, api_session, start, message
):
    _portal, office, service = booking_office
    errors = _refusal(api_session(), booking_request(service, start()))
    assert errors["start"].startswith(message)
    assert getattr(office, "__annotations__", {}).get("herne.portal.booking") is None


def test_a_closure_of_the_office_is_refused(booking_office, api_session):
    _portal, office, service = booking_office
    day = next_weekday(3)
    office.booking_closures = f"{day.isoformat()} bis {day.isoformat()}"
    transaction.commit()
    errors = _refusal(api_session(), booking_request(service, at(day, 9)))
    assert errors == {"start": "An diesem Tag ist das Amt geschlossen."}
    assert free_slots(api_session(), service, day) == []


def test_a_public_holiday_of_nrw_is_refused_and_has_no_slots(booking_office, api_session):
    _portal, office, service = booking_office
    office.booking_horizon_weeks = 52
    transaction.commit()
    day = berlin_today() + timedelta(days=3)
    while not (day.weekday() < 5 and day in nrw_holidays(day.year)):
        day += timedelta(days=1)
    errors = _refusal(api_session(), booking_request(service, at(day, 9)))
    assert errors == {"start": "An diesem Tag ist das Amt geschlossen."}
    assert free_slots(api_session(), service, day) == []


@pytest.mark.parametrize(
    "changes, field, message",
    [
        (
            {"office": OTHER_OFFICE},
            "office",
            "Dieses Amt bietet für diese Leistung keine Termine an.",
        ),
        ({"office": "gibt-es-nicht"}, "office", "Dieses Amt gibt es nicht."),
        ({"service": "0" * 32}, "service", "Diese Leistung gibt es nicht."),
        ({"email": "kein-at-zeichen"}, "email", "Bitte geben Sie eine gültige E-Mail-Adresse an"),
        ({"name": "  "}, "name", "Bitte geben Sie Ihren Namen an."),
        ({"application": "0" * 32}, "application", "Diesen Antrag gibt es nicht."),
    ],
)
def test_bad_input_is_refused_per_field_in_german(
    booking_office, api_session, changes, field, message
):
    _portal, _office, service = booking_office
    errors = _refusal(api_session(), booking_request(service, at(next_weekday(1), 9), **changes))
    assert errors[field].startswith(message)


def test_free_slots_need_a_readable_range(booking_office, api_session):
    _portal, _office, service = booking_office
    response = api_session().get(
        "@termine",
        params={"office": OFFICE, "service": service.UID(), "start": "heute", "end": "2027-13-01"},
    )
    assert response.status_code == 400
    fields = {error["field"]: error["message"] for error in response.json()["error"]["errors"]}
    assert fields == {
        "start": "Bitte geben Sie den ersten Tag als JJJJ-MM-TT an.",
        "end": "Bitte geben Sie den letzten Tag als JJJJ-MM-TT an.",
    }


def test_the_cancel_link_frees_the_place_once(booking_office, api_session):
    _portal, _office, service = booking_office
    session = api_session()
    start = at(next_weekday(4), 10)
    booked = session.post("@termine", json=booking_request(service, start)).json()
    cancelled = session.post(booked["cancel_url"])
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["state"] == "storniert"
    slot = [
        item for item in free_slots(session, service, next_weekday(4)) if item["start"] == start
    ]
    assert slot[0]["free"] == 2
    again = session.post(booked["cancel_url"])
    assert again.status_code == 404
    assert "nicht (mehr) gültig" in again.json()["error"]["message"]


def test_others_cannot_read_or_cancel_a_booking_without_its_token(booking_office, api_session):
    _portal, _office, service = booking_office
    owner, stranger = api_session(), api_session("buerger", "buerger")
    start = at(next_weekday(4), 11)
    booked = owner.post("@termine", json=booking_request(service, start)).json()
    tampered = booked["cancel_url"][:-4] + (
        "AAAA" if not booked["cancel_url"].endswith("AAAA") else "BBBB"
    )
    for session in (stranger, api_session()):
        assert session.get(booked["@id"]).status_code == 404
        assert session.get(booked["@id"] + "?token=erraten").status_code == 404
        response = session.post(tampered)
        assert response.status_code == 404
        assert "Diese Buchung gibt es nicht" in response.json()["error"]["message"]
        assert session.post(booked["@id"] + "/stornieren").status_code == 404
    mine = owner.get(booked["cancel_url"].replace("/stornieren", ""))
    assert mine.status_code == 200
    assert mine.json()["state"] == "gebucht"
    assert "Bernd" not in str(free_slots(stranger, service, next_weekday(4)))


def test_the_confirm_link_confirms_within_the_hold(booking_office, api_session):
    portal, office, service = booking_office
    start = datetime.fromisoformat(at(next_weekday(1), 10))
    booking, _cancel, confirm_token = book(
        office, service.UID(), start, 15, 2, utcnow(), "Bernd Bergmann", "bernd@example.org"
    )
    transaction.commit()
    url = f"{portal.absolute_url()}/@termine/{OFFICE}/{booking['keys'][0]}/{booking['code']}/bestaetigen"
    session = api_session()
    assert (
        session.get(url, params={"token": _cancel}).status_code == 404
    )  # the cancel token does not confirm
    confirmed = session.get(url, params={"token": confirm_token})
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["state"] == "bestaetigt"
    assert session.get(url, params={"token": confirm_token}).status_code == 404  # used once


def test_an_unconfirmed_booking_past_its_hold_frees_its_place(booking_office, api_session):
    _portal, office, service = booking_office
    day = next_weekday(0, weeks=1)
    start = datetime.fromisoformat(at(day, 8))
    long_ago = utcnow() - timedelta(hours=1)
    for name in ("Erste", "Zweite"):
        book(office, service.UID(), start, 15, 2, long_ago, name, "x@example.org")
    transaction.commit()
    assert [
        item["free"]
        for item in free_slots(api_session(), service, day)
        if item["start"] == start.isoformat()
    ] == [2]


def test_a_time_without_offset_is_read_as_berlin_time(booking_office, api_session):
    _portal, _office, service = booking_office
    day = next_weekday(0, weeks=2)
    response = api_session().post(
        "@termine", json=booking_request(service, f"{day.isoformat()}T09:30:00")
    )
    assert response.status_code == 201, response.text
    slot = [
        item for item in free_slots(api_session(), service, day) if item["start"] == at(day, 9, 30)
    ]
    assert slot[0]["free"] == 1


@pytest.mark.parametrize(
    "start",
    ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", 20270302, ["2027-03-02T09:00:00"]],
)
def test_malformed_times_are_a_bad_request_not_a_server_error(booking_office, api_session, start):
    _portal, _office, service = booking_office
    errors = _refusal(api_session(), booking_request(service, start))
    assert errors["start"] == "Bitte geben Sie die Uhrzeit des Termins an (ISO 8601)."


def test_a_token_given_twice_is_no_token(booking_office, api_session):
    _portal, _office, service = booking_office
    session = api_session()
    booked = session.post("@termine", json=booking_request(service, at(next_weekday(4), 9))).json()
    url, token = booked["cancel_url"].split("?token=")
    response = session.post(url, params=[("token", token), ("token", token)])
    assert response.status_code == 404
    assert "Diese Buchung gibt es nicht" in response.json()["error"]["message"]
    assert session.get(booked["@id"], params=[("token", token), ("token", "x")]).status_code == 404


def test_the_confirm_link_after_the_hold_asks_to_book_again(booking_office, api_session):
    portal, office, service = booking_office
    start = datetime.fromisoformat(at(next_weekday(3), 11))
    booking, _cancel, confirm_token = book(
        office,
        service.UID(),
        start,
        15,
        2,
        utcnow() - timedelta(minutes=31),
        "Bernd",
        "b@example.org",
    )
    transaction.commit()
    url = f"{portal.absolute_url()}/@termine/{OFFICE}/{booking['keys'][0]}/{booking['code']}/bestaetigen"
    response = api_session().get(url, params={"token": confirm_token})
    assert response.status_code == 409
    assert response.json()["error"]["message"] == (
        "Die Reservierung ist abgelaufen; bitte buchen Sie den Termin erneut."
    )
