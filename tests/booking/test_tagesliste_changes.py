"""The clerk cancels or moves a caller's booking from the Tagesliste (page and REST): asked first, mailed, refused when it is too late."""

from datetime import timedelta
from herne.portal.booking.bookings import book
from herne.portal.booking.bookings import confirm
from herne.portal.booking.caller_booking import CallerBookingRefused
from herne.portal.booking.counter_changes import cancel_for_caller
from herne.portal.booking.day_list import ARRIVED
from herne.portal.booking.day_list import day_bookings
from herne.portal.booking.day_list import mark
from herne.portal.booking.storage import utcnow
from herne.portal.i18n import in_german
import lxml.html
import pytest
from tests.booking.test_termin_buchen_page import error_next_to
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking import working_day_after
from tests.fixtures.booking_mail import at
from tests.fixtures.booking_mail import booking_mail
from tests.fixtures.booking_mail import mail_text
from tests.fixtures.browsers import demo_password
import time
import transaction
from zExceptions import Forbidden


CLERK = "sachbearbeitung"  # Bürgerdienste Herne-Mitte
CALLER = "dora@example.org"


def booked(office, service, start, email=CALLER, name="Dora Dahl"):
    """A confirmed booking of the caller, committed (no mail: it was booked before the test)."""
    now = utcnow()
    booking, _token, _confirm = book(office, service.UID(), start, 15, 2, now, name, email)
    booking = confirm(office, booking, now)
    transaction.commit()
    return booking


def states(office, day):
    transaction.begin()  # see what the server committed
    return {booking["code"]: booking["state"] for booking in day_bookings(office, day, utcnow())}


def clerk(api_session):
    return api_session(CLERK, demo_password(CLERK))


def change(session, action, booking, **fields):
    return session.post(
        "@tagesliste",
        json={
            "office": OFFICE,
            "action": action,
            "code": booking["code"],
            "date": booking["start"].date().isoformat(),
            **fields,
        },
    )


def errors_of(response):
    return {error["field"]: error["message"] for error in response.json()["error"]["errors"]}


def test_rest_cancel_frees_the_place_and_mails_the_caller(booking_office, api_session, mailbox):
    _portal, office, service = booking_office
    day = next_weekday(2)
    booking = booked(office, service, at(day, 9))

    response = change(clerk(api_session), "cancel", booking)

    assert response.status_code == 200, response.text
    assert response.json()["code"] == booking["code"]
    assert response.json()["state"] == "storniert"
    assert states(office, day) == {booking["code"]: "storniert"}
    message = booking_mail(mailbox, CALLER)
    assert message["Subject"] == f"Ihr Termin ist abgesagt: {day.strftime('%d.%m.%Y')} um 09:00 Uhr"
    text = mail_text(message)
    assert "wie gewünscht haben wir Ihren Termin abgesagt" in text
    assert "@@termin-buchen?office=buergerdienste-herne-mitte" in text


def test_rest_move_gives_a_new_code_and_mails_the_new_time(booking_office, api_session, mailbox):
    _portal, office, service = booking_office
    day = next_weekday(2)
    booking = booked(office, service, at(day, 9))
    later = working_day_after(day)

    response = change(clerk(api_session), "move", booking, start=at(later, 11).isoformat())

    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["moved_from"] == booking["code"]
    assert answer["code"] != booking["code"]
    assert answer["start"] == at(later, 11).isoformat()
    assert answer["state"] == "bestaetigt"
    assert states(office, day) == {booking["code"]: "storniert"}
    assert states(office, later) == {answer["code"]: "bestaetigt"}
    text = mail_text(booking_mail(mailbox, CALLER))
    assert answer["code"] in text
    assert "11:00" in text
    assert "Der neue Termin ist bestätigt." in text


def test_a_booking_without_an_address_is_cancelled_without_a_mail(
    booking_office, api_session, mailbox
):
    _portal, office, service = booking_office
    day = next_weekday(2)
    booking = booked(office, service, at(day, 9), email="")

    response = change(clerk(api_session), "cancel", booking)

    assert response.status_code == 200, response.text
    time.sleep(0.5)
    assert list(mailbox) == []


def test_a_checked_in_visit_is_neither_cancelled_nor_moved(booking_office, api_session):
    _portal, office, service = booking_office
    day = next_weekday(2)
    booking = booked(office, service, at(day, 9))
    mark(office, day, booking["code"], ARRIVED, utcnow())
    transaction.commit()
    session = clerk(api_session)

    cancelled = change(session, "cancel", booking)
    moved = change(session, "move", booking, start=at(day, 11).isoformat())

    message = (
        f"Der Termin {booking['code']} ist „erschienen“ und kann nicht mehr abgesagt oder "
        "verschoben werden."
    )
    assert cancelled.status_code == moved.status_code == 400
    assert errors_of(cancelled) == errors_of(moved) == {"code": message}
    assert states(office, day) == {booking["code"]: "erschienen"}


def test_a_visit_that_has_begun_is_not_cancelled(booking_office):
    _portal, office, service = booking_office
    day = next_weekday(2)
    booking = booked(office, service, at(day, 9))

    with pytest.raises(CallerBookingRefused) as refused:
        cancel_for_caller(office, day, booking["code"], at(day, 9, 5))

    assert {field: in_german(text) for field, text in refused.value.errors.items()} == {
        "code": f"Der Termin {booking['code']} hat schon begonnen oder ist vorbei und kann "
        "nicht mehr abgesagt oder verschoben werden."
    }
    assert states(office, day) == {booking["code"]: "bestaetigt"}


def test_a_move_to_a_full_unoffered_or_the_same_time_is_refused(booking_office, api_session):
    _portal, office, service = booking_office
    day = next_weekday(2)
    booking = booked(office, service, at(day, 9))
    full = [booked(office, service, at(day, 10), email=f"x{n}@example.org") for n in range(2)]
    session = clerk(api_session)

    to_full = change(session, "move", booking, start=at(day, 10).isoformat())
    to_evening = change(session, "move", booking, start=at(day, 18).isoformat())
    to_same = change(session, "move", booking, start=at(day, 9).isoformat())

    assert to_full.status_code == 400, to_full.text
    assert errors_of(to_full) == {"start": "Bitte wählen Sie eine der freien Zeiten."}
    assert errors_of(to_evening) == {"start": "Bitte wählen Sie eine der freien Zeiten."}
    assert errors_of(to_same) == {
        "start": "Der Termin ist schon zu dieser Zeit. Bitte wählen Sie eine andere Uhrzeit."
    }
    assert states(office, day) == {
        booking["code"]: "bestaetigt",
        **{other["code"]: "bestaetigt" for other in full},
    }


def test_a_code_of_another_day_or_office_is_unknown(booking_office, api_session):
    _portal, office, service = booking_office
    day = next_weekday(2)
    booking = booked(office, service, at(day, 9))

    response = clerk(api_session).post(
        "@tagesliste",
        json={
            "office": OFFICE,
            "action": "cancel",
            "code": booking["code"],
            "date": (day + timedelta(days=1)).isoformat(),
        },
    )

    assert response.status_code == 400
    assert errors_of(response) == {
        "code": f"Für diesen Tag gibt es keinen Termin mit dem Code „{booking['code']}“."
    }
    assert states(office, day) == {booking["code"]: "bestaetigt"}


def test_an_unknown_action_and_a_bad_day_are_named(booking_office, api_session):
    _portal, office, service = booking_office
    booking = booked(office, service, at(next_weekday(2), 9))
    session = clerk(api_session)

    assert errors_of(change(session, "delete", booking)) == {
        "action": "Bitte geben Sie als Aktion „cancel“ oder „move“ an, oder keine, um zu buchen."
    }
    assert errors_of(change(session, "cancel", booking, date="morgen")) == {
        "date": "Bitte geben Sie den Tag des Termins als JJJJ-MM-TT an, zum Beispiel 2027-03-02."
    }


# The page


def day_list(browser_as, office, day):
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(f"{office.absolute_url()}/@@tagesliste?date={day.isoformat()}")
    return browser


def row_button(browser, booking, label):
    form = browser.getForm(index=row_form_index(browser, booking))
    return form.getControl(label)


def row_form_index(browser, booking):
    """The index of the row form of ``booking`` among the page's forms."""
    forms = lxml.html.fromstring(browser.contents).forms
    for index, form in enumerate(forms):
        if form.fields.get("code") == booking["code"] and form.xpath(".//button[@value='absagen']"):
            return index
    raise AssertionError(f"no row form for {booking['code']}")


def test_the_page_asks_before_cancelling_then_cancels_and_mails(
    booking_office, browser_as, mailbox
):
    _portal, office, service = booking_office
    day = next_weekday(2)
    booking = booked(office, service, at(day, 9))
    browser = day_list(browser_as, office, day)

    row_button(browser, booking, "Absagen").click()

    assert "Soll dieser Termin wirklich abgesagt werden?" in browser.contents
    assert booking["code"] in browser.contents and "Dora Dahl" in browser.contents
    assert "Die Person bekommt eine E-Mail an die hinterlegte Adresse." in browser.contents
    assert states(office, day) == {booking["code"]: "bestaetigt"}  # only asked

    browser.getControl("Termin absagen").click()

    assert (
        f"Termin {booking['code']} von Dora Dahl ist abgesagt; die Absage geht per E-Mail an "
        "die hinterlegte Adresse."
    ) in browser.contents
    assert states(office, day) == {booking["code"]: "storniert"}
    assert "wie gewünscht" in mail_text(booking_mail(mailbox, CALLER))


def test_the_page_moves_to_a_time_of_another_day(booking_office, browser_as, mailbox):
    _portal, office, service = booking_office
    day = next_weekday(2)
    later = working_day_after(day)
    booking = booked(office, service, at(day, 9))
    browser = day_list(browser_as, office, day)

    row_button(browser, booking, "Verschieben").click()
    assert "Termin verschieben" in browser.contents
    browser.getControl(name="neuer_tag", index=0).value = later.isoformat()
    browser.getControl("Freie Zeiten zeigen").click()
    browser.getControl(name="start").value = [at(later, 10, 30).isoformat()]
    browser.getControl("Verschieben bestätigen").click()

    (new_code,) = states(office, later)
    assert (
        f"Termin {booking['code']} ist verschoben auf {later.strftime('%d.%m.%Y')} um 10:30 Uhr, "
        f"neuer Code {new_code}."
    ) in browser.contents
    assert states(office, day) == {booking["code"]: "storniert"}
    assert f"verschoben auf {later.strftime('%d.%m.%Y')}" in browser.contents  # the old row
    assert new_code in mail_text(booking_mail(mailbox, CALLER))


def test_the_page_offers_no_change_of_a_checked_in_visit_and_refuses_a_forged_one(
    booking_office, browser_as
):
    _portal, office, service = booking_office
    day = next_weekday(2)
    booking = booked(office, service, at(day, 9))
    mark(office, day, booking["code"], ARRIVED, utcnow())
    transaction.commit()
    browser = day_list(browser_as, office, day)
    assert 'value="absagen"' not in browser.contents
    token = browser.getControl(name="_authenticator", index=0).value

    browser.post(
        f"{office.absolute_url()}/@@tagesliste",
        f"_authenticator={token}&date={day.isoformat()}&code={booking['code']}"
        "&action=absagen-bestaetigen",
    )

    assert error_next_to(browser.contents, "code") == (
        f"Der Termin {booking['code']} ist „erschienen“ und kann nicht mehr abgesagt oder "
        "verschoben werden."
    )
    assert states(office, day) == {booking["code"]: "erschienen"}


def test_the_page_refuses_a_cancellation_without_the_form_token(booking_office, browser_as):
    _portal, office, service = booking_office
    day = next_weekday(2)
    booking = booked(office, service, at(day, 9))
    browser = day_list(browser_as, office, day)

    with pytest.raises(Forbidden):
        browser.post(
            f"{office.absolute_url()}/@@tagesliste",
            f"date={day.isoformat()}&code={booking['code']}&action=absagen-bestaetigen",
        )

    assert states(office, day) == {booking["code"]: "bestaetigt"}
