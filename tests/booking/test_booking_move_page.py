"""The page "Termin verschieben" behind the mail's link: day, time, confirm; the button's POST moves."""

from herne.portal.booking.day_list import mark
from herne.portal.booking.storage import utcnow
import lxml.html
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking_mail import CITIZEN
from tests.fixtures.booking_mail import at
from tests.fixtures.booking_mail import book_over_rest
from tests.fixtures.booking_mail import booking_mail
from tests.fixtures.booking_mail import mail_link
from tests.fixtures.booking_mail import mail_text
from tests.fixtures.booking_mail import page_session
from tests.fixtures.booking_mail import page_text
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import settle
import transaction


NOT_VALID = "Diese Buchung gibt es nicht, oder der Link ist nicht (mehr) gültig."
FULL = "Dieser Termin ist leider ausgebucht. Bitte wählen Sie eine andere Zeit."


def move_form(page):
    """The page's form that moves (POST, with the authenticator)."""
    forms = [form for form in lxml.html.fromstring(page.text).forms if form.method == "POST"]
    assert len(forms) == 1, page.text
    return dict(forms[0].form_values())


def state(session, booked):
    response = session.get(booked["cancel_url"].replace("/stornieren", ""))
    return response.json()["state"] if response.status_code == 200 else None


def test_the_citizen_moves_a_booking_by_keyboard_friendly_steps(
    booking_office, api_session, mailbox
):
    _portal, office, service = booking_office
    rest = api_session()
    old_day, new_day = next_weekday(1), next_weekday(3)
    booked = book_over_rest(rest, service, at(old_day, 9))
    link = mail_link(booking_mail(mailbox), "termin-verschieben")
    mailbox.clear()
    browser = page_session()

    page = browser.get(link)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    text = page_text(page)
    assert "Termin verschieben" in text
    assert "Schritt 1 von 3: neuen Tag wählen" in text
    assert "09:00 Uhr" in text and service.title in text and office.title in text
    assert "Bernd" not in text
    days = lxml.html.fromstring(page.text).xpath('//button[@name="day"]/@value')
    assert new_day.isoformat() in days

    times = browser.get(link + f"&day={new_day.isoformat()}")
    assert "Schritt 2 von 3" in page_text(times)
    starts = lxml.html.fromstring(times.text).xpath('//input[@name="start"]/@value')
    assert at(new_day, 10, 30).isoformat() in starts
    same_day = browser.get(link + f"&day={old_day.isoformat()}")
    own = lxml.html.fromstring(same_day.text).xpath('//input[@name="start"]/@value')
    assert at(old_day, 9).isoformat() not in own  # its own time is no choice
    assert state(rest, booked) == "gebucht"  # choosing changes nothing

    confirm = browser.get(link, params={"start": at(new_day, 10, 30).isoformat()})
    assert "Schritt 3 von 3" in page_text(confirm)
    done = browser.post(link.split("?")[0], data=move_form(confirm))
    assert done.status_code == 200
    done_text = page_text(done)
    assert "Ihr Termin ist verschoben" in done_text
    assert state(rest, booked) is None
    assert browser.get(link).status_code == 404

    settle(mailbox, 1)
    (message,) = mails_to(mailbox, CITIZEN)
    mail = mail_text(message)
    assert f"Wann: {new_day.strftime('%d.%m.%Y')} um 10:30 Uhr" in mail
    new_code = mail.split("Buchungscode: ")[1].split()[0]
    assert new_code in done_text and new_code != booked["code"]
    show = lxml.html.fromstring(done.text).xpath('//a[contains(@href, "@@termin-anzeigen")]/@href')
    assert len(show) == 1 and browser.get(show[0]).status_code == 200


def test_a_time_taken_meanwhile_shows_ausgebucht_and_the_old_booking_stays(
    booking_office, api_session, mailbox
):
    _portal, _office, service = booking_office
    rest = api_session()
    day = next_weekday(2)
    booked = book_over_rest(rest, service, at(day, 9))
    link = mail_link(booking_mail(mailbox), "termin-verschieben")
    browser = page_session()
    confirm = browser.get(link, params={"start": at(day, 11).isoformat()})
    form = move_form(confirm)
    for number in range(2):  # two others take both places first
        book_over_rest(rest, service, at(day, 11), email=f"andere{number}@example.org")
    settle(mailbox, 3)
    mailbox.clear()

    refused = browser.post(link.split("?")[0], data=form)
    assert refused.status_code == 200
    assert FULL in page_text(refused)
    assert "Schritt 2 von 3" in page_text(refused)  # the day's other times to choose from
    assert state(rest, booked) == "gebucht"
    assert browser.get(link).status_code == 200
    settle(mailbox, 1)
    assert mailbox == []


def test_a_wrong_link_or_a_forged_post_moves_nothing(booking_office, api_session, mailbox):
    _portal, _office, service = booking_office
    rest = api_session()
    day = next_weekday(1)
    booked = book_over_rest(rest, service, at(day, 9))
    link = mail_link(booking_mail(mailbox), "termin-verschieben")
    browser = page_session()
    for wrong in (link.split("&token=")[0], link.split("token=")[0] + "token=erraten"):
        page = browser.get(wrong)
        assert page.status_code == 404
        assert NOT_VALID in page_text(page)
        assert booked["code"] not in page.text
    forged = browser.post(link, data={"start": at(day, 11).isoformat()})
    assert forged.status_code == 403
    assert state(rest, booked) == "gebucht"


def test_a_visitor_checked_in_can_no_longer_move_or_cancel_from_the_links(
    booking_office, api_session, mailbox
):
    _portal, office, service = booking_office
    rest = api_session()
    day = next_weekday(1)
    booked = book_over_rest(rest, service, at(day, 9))
    message = booking_mail(mailbox)
    show, move = mail_link(message, "termin-anzeigen"), mail_link(message, "termin-verschieben")
    transaction.begin()
    mark(office, day, booked["code"], "erschienen", utcnow())
    transaction.commit()
    browser = page_session()

    page = browser.get(show)
    assert page.status_code == 200
    assert "erschienen" in page_text(page)
    tree = lxml.html.fromstring(page.text)
    assert not tree.xpath('//a[contains(@href, "@@termin-verschieben")]')
    assert not tree.xpath('//a[contains(@href, "@@termin-absagen")]')
    refused = browser.get(move)
    assert refused.status_code == 400
    assert "kann nicht mehr verschoben werden" in page_text(refused)
    over_rest = rest.post(booked["move_url"], json={"start": at(day, 11).isoformat()})
    assert over_rest.status_code == 400
    assert "kann nicht mehr verschoben werden" in over_rest.json()["error"]["message"]
