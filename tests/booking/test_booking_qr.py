"""The booking code as a QR code: in the mail, on "Termin anzeigen", and read into the day list's check-in."""

from datetime import timedelta
from herne.portal.booking.bookings import book
from herne.portal.booking.bookings import confirm
from herne.portal.booking.reminders import send_reminders
from herne.portal.booking.slots import BERLIN
from icalendar import Calendar
from io import BytesIO
import lxml.html
from PIL import Image
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking_mail import at
from tests.fixtures.booking_mail import book_over_rest
from tests.fixtures.booking_mail import booking_mail
from tests.fixtures.booking_mail import mail_link
from tests.fixtures.booking_mail import page_session
from tests.fixtures.booking_mail import page_text
from tests.fixtures.browsers import demo_password
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import settle
import transaction
import zxingcpp


NOT_VALID = "Diese Buchung gibt es nicht, oder der Link ist nicht (mehr) gültig."


def decode(png):
    return [result.text for result in zxingcpp.read_barcodes(Image.open(BytesIO(png)))]


def test_the_mail_shows_the_code_as_a_qr_image_holding_only_the_code(
    booking_office, api_session, mailbox
):
    _portal, _office, service = booking_office
    booked = book_over_rest(api_session(), service, at(next_weekday(1), 9))
    message = booking_mail(mailbox)

    html = message.get_body(("html",))
    assert html is not None
    (image,) = [part for part in message.walk() if part.get_content_type() == "image/png"]
    cid = image["Content-ID"].strip("<>")
    markup = html.get_content()
    assert f'src="cid:{cid}"' in markup
    assert f'alt="QR-Code des Buchungscodes {booked["code"]}"' in markup
    assert decode(image.get_content()) == [booked["code"]]
    assert "Bernd" not in decode(image.get_content())[0]
    # the plain text and the calendar file are still there for every mail program
    assert f"Buchungscode: {booked['code']}" in message.get_body(("plain",)).get_content()
    assert [part.get_filename() for part in message.iter_attachments()] == ["termin.ics"]


def test_termin_anzeigen_shows_the_booking_its_qr_code_and_its_calendar_file(
    booking_office, api_session, mailbox
):
    _portal, office, service = booking_office
    start = at(next_weekday(2), 10, 15)
    booked = book_over_rest(api_session(), service, start)
    link = mail_link(booking_mail(mailbox), "termin-anzeigen")
    browser = page_session()

    page = browser.get(link)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    text = page_text(page)
    assert booked["code"] in text and office.title in text and service.title in text
    assert "10:15 Uhr" in text and "gebucht" in text
    assert "Bernd" not in text and "bernd@example.org" not in page.text
    tree = lxml.html.fromstring(page.text)
    (image,) = tree.xpath('//img[contains(@src, "@@termin-qr.png")]')
    assert image.get("alt") == f"QR-Code des Buchungscodes {booked['code']}"
    qr = browser.get(image.get("src"))
    assert qr.headers["Content-Type"] == "image/png"
    assert decode(qr.content) == [booked["code"]]
    (calendar_link,) = tree.xpath('//a[contains(@href, "@@termin.ics")]/@href')
    calendar = browser.get(calendar_link)
    assert calendar.headers["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(calendar.content).walk("VEVENT")
    assert event.decoded("dtstart").astimezone(BERLIN) == start
    assert tree.xpath('//a[contains(@href, "@@termin-verschieben")]')
    assert tree.xpath('//a[contains(@href, "@@termin-absagen")]')


def test_a_wrong_or_other_bookings_token_shows_no_booking_qr_or_calendar(
    booking_office, api_session, mailbox
):
    _portal, _office, service = booking_office
    rest = api_session()
    booked = book_over_rest(rest, service, at(next_weekday(1), 9))
    other = book_over_rest(rest, service, at(next_weekday(1), 9, 30), email="o@example.org")
    link = mail_link(booking_mail(mailbox), "termin-anzeigen")
    other_token = other["cancel_url"].split("token=")[1]
    browser = page_session()
    for page in ("termin-anzeigen", "termin-qr.png", "termin.ics"):
        base = link.replace("@@termin-anzeigen", f"@@{page}")
        for wrong in (
            base.split("&token=")[0],
            base.split("token=")[0] + "token=erraten",
            base.split("token=")[0] + "token=" + other_token,
        ):
            response = browser.get(wrong)
            assert response.status_code == 404, wrong
            assert NOT_VALID in page_text(response) if page == "termin-anzeigen" else True
            assert booked["code"] not in response.text
            assert not response.headers["Content-Type"].startswith(("image/", "text/calendar"))
    assert rest.post(booked["cancel_url"]).status_code == 200
    assert browser.get(link).status_code == 404  # a cancelled booking's link shows nothing


def test_the_scanned_code_checks_the_visitor_in_at_the_day_list(
    booking_office, api_session, mailbox, browser_as
):
    _portal, office, service = booking_office
    day = next_weekday(1)
    booked = book_over_rest(api_session(), service, at(day, 9))
    message = booking_mail(mailbox)
    (image,) = [part for part in message.walk() if part.get_content_type() == "image/png"]
    (scanned,) = decode(image.get_content())

    clerk = browser_as("sachbearbeitung", demo_password("sachbearbeitung"))
    clerk.open(f"{office.absolute_url()}/@@tagesliste?date={day.isoformat()}")
    clerk.getControl(name="code", index=0).value = scanned
    clerk.getControl("Einchecken").click()
    assert "Bernd Bergmann ist erschienen." in clerk.contents
    assert scanned == booked["code"]


def test_the_reminder_the_day_before_shows_the_qr_code_too(booking_office, mailbox):
    _portal, office, service = booking_office
    day = next_weekday(2)
    made = at(day, 9) - timedelta(days=7)
    booking, _token, _confirm = book(
        office, service.UID(), at(day, 9), 15, 2, made, "Zoraida Quastenberg", "z@example.org"
    )
    confirm(office, booking, made)
    transaction.commit()
    assert send_reminders(at(day - timedelta(days=1), 18)) == 1

    settle(mailbox, 1)
    (message,) = mails_to(mailbox, "z@example.org")
    (image,) = [part for part in message.walk() if part.get_content_type() == "image/png"]
    assert decode(image.get_content()) == [booking["code"]]
    assert f"cid:{image['Content-ID'].strip('<>')}" in message.get_body(("html",)).get_content()
