"""The confirm and cancel pages behind the links of the booking mail: a GET shows, the button's POST acts."""

from datetime import timedelta
from herne.portal.booking.bookings import book
from herne.portal.booking.storage import utcnow
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking_mail import at
from tests.fixtures.booking_mail import book_over_rest
from tests.fixtures.booking_mail import booking_forms
from tests.fixtures.booking_mail import booking_mail
from tests.fixtures.booking_mail import mail_link
from tests.fixtures.booking_mail import page_session
from tests.fixtures.booking_mail import page_text
from tests.fixtures.booking_mail import press_button
from tests.fixtures.browsers import demo_password
import transaction
from urllib.parse import urlencode


NOT_VALID = "Diese Buchung gibt es nicht, oder der Link ist nicht (mehr) gültig."


def rest_state(session, booked):
    """The booking's state as REST shows it to the holder of the cancel token."""
    response = session.get(booked["cancel_url"].replace("/stornieren", ""))
    assert response.status_code == 200, response.text
    return response.json()["state"]


def free_places(session, service, start):
    response = session.get(
        "@termine",
        params={
            "office": OFFICE,
            "service": service.UID(),
            "start": start.date().isoformat(),
            "end": start.date().isoformat(),
        },
    )
    return {item["start"]: item["free"] for item in response.json()["items"]}.get(
        start.isoformat(), 0
    )


def test_the_confirm_link_shows_the_booking_and_its_button_confirms(
    booking_office, api_session, mailbox
):
    _portal, office, service = booking_office
    rest = api_session()
    day = next_weekday(2)
    booked = book_over_rest(rest, service, at(day, 9, 30))
    link = mail_link(booking_mail(mailbox), "termin-bestaetigen")
    browser = page_session()

    page = browser.get(link)
    assert page.status_code == 200
    text = page_text(page)
    assert "Termin bestätigen" in text
    assert f"{day.strftime('%d.%m.%Y')} um 09:30 Uhr" in text
    assert office.title in text
    assert service.title in text
    assert booked["code"] in text
    assert "Bernd" not in text
    assert page.headers["Cache-Control"] == "no-store"
    assert (
        rest_state(rest, booked) == "gebucht"
    )  # opening the link (a mail scanner) changes nothing
    browser.get(link)
    assert rest_state(rest, booked) == "gebucht"

    done = press_button(browser, page)
    assert done.status_code == 200
    assert "Ihr Termin ist bestätigt." in page_text(done)
    assert rest_state(rest, booked) == "bestaetigt"

    again = browser.get(link)  # a confirm link works once
    assert again.status_code == 404
    assert NOT_VALID in page_text(again)


def test_the_cancel_link_frees_the_place_on_the_button_only(booking_office, api_session, mailbox):
    _portal, _office, service = booking_office
    rest = api_session()
    start = at(next_weekday(4), 10, 45)
    book_over_rest(rest, service, start)
    link = mail_link(booking_mail(mailbox), "termin-absagen")
    browser = page_session()
    assert free_places(rest, service, start) == 1

    page = browser.get(link)
    assert page.status_code == 200
    assert "Möchten Sie diesen Termin absagen?" in page_text(page)
    assert free_places(rest, service, start) == 1  # GET changes nothing

    done = press_button(browser, page)
    assert done.status_code == 200
    assert "Ihr Termin ist abgesagt." in page_text(done)
    assert free_places(rest, service, start) == 2
    used = browser.get(link)
    assert used.status_code == 404
    assert NOT_VALID in page_text(used)
    assert press_button(browser, page).status_code == 404  # the page loaded before the cancel


def test_tampered_or_missing_tokens_and_other_people_see_nothing(
    booking_office, api_session, mailbox
):
    _portal, _office, service = booking_office
    booked = book_over_rest(api_session(), service, at(next_weekday(1), 11))
    message = booking_mail(mailbox)
    confirm, cancel = mail_link(message, "termin-bestaetigen"), mail_link(message, "termin-absagen")
    cancel_token = cancel.split("token=")[1]
    other = page_session()
    other.auth = ("buerger", demo_password("buerger"))
    for session in (page_session(), other):
        for link in (
            confirm.split("&token=")[0],
            confirm[:-4] + ("AAAA" if not confirm.endswith("AAAA") else "BBBB"),
            cancel.split("token=")[0] + "token=erraten",
            confirm.split("token=")[0]
            + "token="
            + cancel_token,  # the cancel token does not confirm
            cancel + "&token=" + cancel_token,  # a token given twice is no token
        ):
            page = session.get(link)
            assert page.status_code == 404, link
            assert NOT_VALID in page_text(page)
            assert booked["code"] not in page.text
            assert booking_forms(page) == []
    assert rest_state(api_session(), booked) == "gebucht"


def test_a_post_without_the_authenticator_changes_nothing(booking_office, api_session, mailbox):
    _portal, _office, service = booking_office
    rest = api_session()
    booked = book_over_rest(rest, service, at(next_weekday(3), 8, 15))
    link = mail_link(booking_mail(mailbox), "termin-absagen")
    forged = page_session().post(link)
    assert forged.status_code == 403
    assert rest_state(rest, booked) == "gebucht"


def test_a_confirm_link_after_the_hold_asks_to_book_again(booking_office, api_session, mailbox):
    portal, office, service = booking_office
    start = at(next_weekday(0, weeks=1), 9)
    booking, _cancel, confirm_token = book(
        office, service.UID(), start, 15, 2, utcnow() - timedelta(minutes=31), "B", "b@example.org"
    )
    transaction.commit()
    query = urlencode(
        {"amt": OFFICE, "zeit": booking["keys"][0], "code": booking["code"], "token": confirm_token}
    )
    page = page_session().get(f"{portal.absolute_url()}/@@termin-bestaetigen?{query}")
    assert page.status_code == 400
    assert "Die Reservierung ist abgelaufen; bitte buchen Sie den Termin erneut." in page_text(page)
    assert booking_forms(page) == []
