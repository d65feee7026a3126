"""Booking mails in the language the citizen booked in (or their application's); German otherwise."""

from plone import api
import pytest
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking_mail import at
from tests.fixtures.booking_mail import book_over_rest
from tests.fixtures.booking_mail import booking_mail
from tests.fixtures.booking_mail import mail_text
import transaction


@pytest.fixture()
def offered(booking_office):
    api.portal.set_registry_record("plone.available_languages", ["de", "en", "tr", "uk", "ar"])
    transaction.commit()
    return booking_office


def html_part(message):
    return message.get_body(("html",)).get_content()


def test_booking_in_turkish_is_confirmed_in_turkish(offered, api_session, mailbox):
    _portal, office, service = offered
    day = next_weekday(2)
    session = api_session()
    session.headers["Accept-Language"] = "tr"
    booked = book_over_rest(session, service, at(day, 10))
    message = booking_mail(mailbox)
    local_date = day.strftime("%d.%m.%Y")
    assert message["Subject"] == f"{local_date}, saat 10:00 randevunuz: {service.title}"
    text = mail_text(message)
    assert text.startswith("Merhaba Bernd Bergmann,")
    assert f"Randevu kodu: {booked['code']}" in text
    assert "Saygılarımızla" in text
    assert "Termin" not in text.replace("termin", "")  # German only in names and links
    html = html_part(message)
    assert '<html lang="tr" dir="ltr">' in html
    assert "Bu kodu gişede gösterin." in html


def test_booking_in_arabic_has_a_right_to_left_html_part(offered, api_session, mailbox):
    _portal, _office, service = offered
    session = api_session()
    session.params = {"language": "ar"}
    book_over_rest(session, service, at(next_weekday(2), 11))
    message = booking_mail(mailbox)
    assert '<html lang="ar" dir="rtl">' in html_part(message)
    assert "مع أطيب التحيات" in mail_text(message)


def test_booking_without_a_language_stays_german(offered, api_session, mailbox):
    _portal, _office, service = offered
    book_over_rest(api_session(), service, at(next_weekday(2), 9))
    message = booking_mail(mailbox)
    assert mail_text(message).startswith("Guten Tag Bernd Bergmann,")
    assert '<html lang="de" dir="ltr">' in html_part(message)
