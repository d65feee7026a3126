"""Moving a booking over REST with the token of its link: one transaction, 409 when full, 400 per field."""

from datetime import timedelta
from herne.portal.booking.application_visit import open_booking
from herne.portal.booking.offices import each_booking
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.storage import utcnow
from tests.fixtures.applications import CITIZEN as APPLICANT
from tests.fixtures.applications import bring_to
from tests.fixtures.applications import draft_application
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking_mail import CITIZEN
from tests.fixtures.booking_mail import at
from tests.fixtures.booking_mail import book_over_rest
from tests.fixtures.booking_mail import mail_calendar
from tests.fixtures.booking_mail import mail_link
from tests.fixtures.booking_mail import mail_text
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import settle
import transaction


FULL = "Dieser Termin ist leider ausgebucht. Bitte wählen Sie eine andere Zeit."


def free_at(session, service, start):
    response = session.get(
        "@termine",
        params={
            "office": "buergerdienste-herne-mitte",
            "service": service.UID(),
            "start": start.date().isoformat(),
            "end": start.date().isoformat(),
        },
    )
    assert response.status_code == 200, response.text
    return {item["start"]: item["free"] for item in response.json()["items"]}.get(
        start.isoformat(), 0
    )


def state(session, answer):
    """The booking's state as its token holder sees it; None when the token no longer works."""
    response = session.get(answer["cancel_url"].replace("/stornieren", ""))
    return response.json()["state"] if response.status_code == 200 else None


def stored(office, code):
    transaction.begin()
    return next(b for b in each_booking(office_bookings(office)) if b["code"] == code)


def fill(session, service, start, count=2):
    for number in range(count):
        book_over_rest(session, service, start, email=f"andere{number}@example.org")


def test_a_move_books_the_new_time_frees_the_old_one_and_mails_a_new_code(
    booking_office, api_session, mailbox
):
    _portal, office, service = booking_office
    rest = api_session()
    old_start, new_start = at(next_weekday(1), 9), at(next_weekday(3), 10, 30)
    booked = book_over_rest(rest, service, old_start)
    assert booked["move_url"] == booked["cancel_url"].replace("/stornieren", "/verschieben")
    settle(mailbox, 1)
    mailbox.clear()

    # the person holds one open booking of the service, the limit: a move is no second one
    response = rest.post(booked["move_url"], json={"start": new_start.isoformat()})
    assert response.status_code == 201, response.text
    moved = response.json()
    assert moved["code"] != booked["code"]
    assert moved["state"] == "gebucht"
    assert {"@id", "cancel_url", "move_url"} <= set(moved)
    assert free_at(rest, service, old_start) == 2
    assert free_at(rest, service, new_start) == 1
    assert state(rest, booked) is None  # the old token stops working
    assert state(rest, moved) == "gebucht"
    assert rest.post(booked["move_url"], json={"start": new_start.isoformat()}).status_code == 404

    settle(mailbox, 1)
    (message,) = mails_to(mailbox, CITIZEN)
    text = mail_text(message)
    assert "Sie haben Ihren Termin verschoben." in text
    assert f"{old_start.strftime('%d.%m.%Y')} um 09:00 Uhr" in text
    assert f"Wann: {new_start.strftime('%d.%m.%Y')} um 10:30 Uhr" in text
    assert f"Buchungscode: {moved['code']}" in text
    assert booked["code"] not in text
    assert "@@termin-bestaetigen?" in mail_link(message, "termin-bestaetigen")
    assert mail_link(message, "termin-verschieben").endswith(moved["move_url"].split("token=")[1])
    (event,) = mail_calendar(message).walk("VEVENT")
    assert event.decoded("dtstart").astimezone(BERLIN) == new_start
    assert str(event["uid"]).startswith(f"termin-{moved['code']}@")


def test_a_confirmed_booking_moves_confirmed_and_keeps_its_application(
    booking_office, api_session, mailbox
):
    _portal, office, service = booking_office
    rest = api_session()
    booked = book_over_rest(rest, service, at(next_weekday(2), 8))
    confirm = mail_link(mails_to(settle(mailbox, 1), CITIZEN)[0], "termin-bestaetigen")
    token = confirm.split("token=")[1]
    assert rest.get(f"{booked['@id']}/bestaetigen", params={"token": token}).status_code == 200
    mailbox.clear()
    keys = stored(office, booked["code"])["keys"]
    with transaction.manager:  # as a booking for an application has it
        for key in keys:
            office_bookings(office)[key].replace(
                booked["code"], application="uid-of-an-application"
            )

    response = rest.post(booked["move_url"], json={"start": at(next_weekday(2), 11).isoformat()})
    assert response.status_code == 201, response.text
    moved = response.json()
    assert moved["state"] == "bestaetigt"
    new = stored(office, moved["code"])
    assert new["application"] == "uid-of-an-application"
    assert new["moved_from"] == booked["code"]
    assert stored(office, booked["code"])["state"] == "storniert"
    text = mail_text(mails_to(settle(mailbox, 1), CITIZEN)[0])
    assert "Der neue Termin ist bestätigt." in text
    assert "termin-bestaetigen" not in text


def test_a_full_time_answers_409_and_the_old_booking_stays(booking_office, api_session, mailbox):
    _portal, _office, service = booking_office
    rest = api_session()
    old_start, full_start = at(next_weekday(1), 9), at(next_weekday(1), 9, 15)
    booked = book_over_rest(rest, service, old_start)
    fill(rest, service, full_start)
    settle(mailbox, 3)
    mailbox.clear()

    response = rest.post(booked["move_url"], json={"start": full_start.isoformat()})
    assert response.status_code == 409
    assert response.json()["error"]["message"] == FULL
    assert state(rest, booked) == "gebucht"
    assert free_at(rest, service, old_start) == 1
    settle(mailbox, 1)
    assert mailbox == []


def test_a_move_onto_its_own_places_counts_them_free(booking_office, api_session):
    """Capacity 1: a 30-minute visit moved by 15 minutes overlaps itself and still moves."""
    _portal, office, service = booking_office
    office.booking_counters = 1
    service.visit_minutes = 30
    transaction.commit()
    rest = api_session()
    booked = book_over_rest(rest, service, at(next_weekday(4), 10))
    response = rest.post(
        booked["move_url"], json={"start": at(next_weekday(4), 10, 30).isoformat()}
    )
    assert response.status_code == 201, response.text


def test_bad_times_are_refused_per_field_and_change_nothing(booking_office, api_session, mailbox):
    _portal, _office, service = booking_office
    rest = api_session()
    start = at(next_weekday(1), 9)
    booked = book_over_rest(rest, service, start)
    saturday = next_weekday(5)
    for value, message in (
        (None, "Bitte geben Sie die Uhrzeit des Termins an (ISO 8601)."),
        ("morgen früh", "Bitte geben Sie die Uhrzeit des Termins an (ISO 8601)."),
        ("2020-01-07T09:00:00+01:00", "Dieser Zeitpunkt liegt in der Vergangenheit."),
        (at(saturday, 9).isoformat(), "An diesem Tag ist das Amt geschlossen."),
        (at(next_weekday(1), 9, 5).isoformat(), "Zu dieser Uhrzeit gibt es keinen Termin"),
        (start.isoformat(), "Ihr Termin ist schon zu dieser Zeit."),
        (
            (start + timedelta(weeks=12)).isoformat(),
            "Termine sind höchstens 8 Wochen im Voraus buchbar.",
        ),
    ):
        response = rest.post(booked["move_url"], json={"start": value})
        assert response.status_code == 400, (value, response.text)
        (error,) = response.json()["error"]["errors"]
        assert error["field"] == "start"
        assert error["message"].startswith(message), (value, error)
    assert state(rest, booked) == "gebucht"
    assert free_at(rest, service, start) == 1


def test_a_wrong_token_or_a_cancelled_booking_moves_nothing(booking_office, api_session):
    _portal, _office, service = booking_office
    rest = api_session()
    booked = book_over_rest(rest, service, at(next_weekday(1), 9))
    other = book_over_rest(rest, service, at(next_weekday(1), 9, 30), email="o@example.org")
    new_start = {"start": at(next_weekday(2), 9).isoformat()}
    other_token = other["move_url"].split("token=")[1]
    for url in (
        booked["move_url"].split("?")[0],
        booked["move_url"].split("token=")[0] + "token=erraten",
        booked["move_url"].split("token=")[0] + "token=" + other_token,
    ):
        response = rest.post(url, json=new_start)
        assert response.status_code == 404, url
        assert booked["code"] not in response.text
    assert rest.post(booked["cancel_url"]).status_code == 200
    assert rest.post(booked["move_url"], json=new_start).status_code == 404
    assert state(rest, other) == "gebucht"


def test_the_move_url_lists_the_free_times_but_its_own(booking_office, api_session):
    _portal, _office, service = booking_office
    rest = api_session()
    day = next_weekday(2)
    booked = book_over_rest(rest, service, at(day, 9))
    fill(rest, service, at(day, 9, 30))
    params = {"start": day.isoformat(), "end": day.isoformat()}

    response = rest.get(booked["move_url"], params=params)
    assert response.status_code == 200, response.text
    starts = {item["start"]: item["free"] for item in response.json()["items"]}
    assert at(day, 9).isoformat() not in starts  # its own time
    assert at(day, 9, 30).isoformat() not in starts  # full
    assert starts[at(day, 9, 15).isoformat()] == 2
    assert starts == {
        item["start"]: item["free"]
        for item in rest.get(
            "@termine",
            params={"office": "buergerdienste-herne-mitte", "service": service.UID(), **params},
        ).json()["items"]
        if item["start"] != at(day, 9).isoformat()
    }
    missing = rest.get(booked["move_url"])
    assert missing.status_code == 400
    assert {error["field"] for error in missing.json()["error"]["errors"]} == {"start", "end"}
    wrong = rest.get(booked["move_url"].split("token=")[0] + "token=erraten", params=params)
    assert wrong.status_code == 404


def test_the_per_person_limit_refuses_a_second_booking_but_not_a_move(booking_office, api_session):
    _portal, _office, service = booking_office
    rest = api_session()
    booked = book_over_rest(rest, service, at(next_weekday(1), 9))
    target = at(next_weekday(2), 9).isoformat()
    second = rest.post(
        "@termine",
        json={
            "office": "buergerdienste-herne-mitte",
            "service": service.UID(),
            "start": target,
            "name": "Bernd Bergmann",
            "email": CITIZEN.upper(),
        },
    )
    assert second.status_code == 400
    assert second.json()["error"]["errors"][0]["field"] == "email"
    moved = rest.post(booked["move_url"], json={"start": target})
    assert moved.status_code == 201, moved.text


def test_a_moved_visit_for_an_application_stays_its_booking(booking_office, api_session, mailbox):
    portal, office, _service = booking_office
    application = draft_application(portal, service="fuehrungszeugnis")
    application.originals = [{"name": "Ehrenamtsnachweis", "shown_at": None, "checked_by": None}]
    bring_to(application, "originals_pending")
    application.department_uid = office.UID()
    transaction.commit()
    applicant = api_session(*APPLICANT)
    booked = applicant.post(
        "@termine",
        json={
            "office": "buergerdienste-herne-mitte",
            "service": application.service_uid,
            "start": at(next_weekday(1), 10).isoformat(),
            "application": application.UID(),
            "name": "Bernd Bergmann",
            "email": CITIZEN,
        },
    ).json()
    settle(mailbox, 1)
    mailbox.clear()

    # the link of the mail, without logging in
    new_start = at(next_weekday(2), 11)
    moved = api_session().post(booked["move_url"], json={"start": new_start.isoformat()})
    assert moved.status_code == 201, moved.text
    transaction.begin()
    visit = open_booking(application, utcnow())
    assert visit["code"] == moved.json()["code"]
    assert visit["minutes"] == 10  # the visit for showing originals keeps its length
    assert stored(office, moved.json()["code"])["application"] == application.UID()
    text = mail_text(mails_to(settle(mailbox, 1), CITIZEN)[0])
    assert "- Ehrenamtsnachweis" in text  # the originals still to show, as in the first mail
    # one visit per application: a new booking for it is still refused, the moved one counts
    again = applicant.post(
        "@termine",
        json={
            "office": "buergerdienste-herne-mitte",
            "service": application.service_uid,
            "start": at(next_weekday(3), 9).isoformat(),
            "application": application.UID(),
        },
    )
    assert again.status_code == 400
