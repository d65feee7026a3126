"""The confirmation mail of a booking: German, local time, place, what to bring, code, links, ``.ics``."""

from DateTime import DateTime
from datetime import timedelta
from herne.portal.booking.slots import BERLIN
from tests.fixtures.applications import CITIZEN as CITIZEN_LOGIN
from tests.fixtures.applications import bring_to
from tests.fixtures.applications import draft_application
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking_mail import CITIZEN
from tests.fixtures.booking_mail import at
from tests.fixtures.booking_mail import book_over_rest
from tests.fixtures.booking_mail import booking_mail
from tests.fixtures.booking_mail import mail_calendar
from tests.fixtures.booking_mail import mail_link
from tests.fixtures.booking_mail import mail_text
from tests.fixtures.mail import settle
import transaction


def test_a_booking_sends_one_german_mail_with_local_time_place_code_and_links(
    booking_office, api_session, mailbox
):
    portal, office, service = booking_office
    service.required_documents = [
        {"name": "Altes Ausweisdokument", "note": "", "provision": "original"},
        {"name": "Biometrisches Passfoto", "note": "", "provision": "original"},
    ]
    transaction.commit()
    day = next_weekday(1)
    start = at(day, 10)  # 09:00 UTC in winter, 08:00 UTC in summer
    booked = book_over_rest(api_session(), service, start)

    message = booking_mail(mailbox)
    text = mail_text(message)
    local_date = day.strftime("%d.%m.%Y")
    assert message["Subject"] == f"Ihr Termin am {local_date} um 10:00 Uhr: {service.title}"
    assert message["To"] == CITIZEN
    assert "Guten Tag Bernd Bergmann," in text
    assert f"Wann: {local_date} um 10:00 Uhr" in text
    assert f"Leistung: {service.title}" in text
    assert office.title in text
    assert office.address.splitlines()[0].strip() in text
    assert f"Buchungscode: {booked['code']}" in text
    assert "Bitte bestätigen Sie den Termin bis " in text
    assert "- Altes Ausweisdokument\n- Biometrisches Passfoto" in text
    confirm = mail_link(message, "termin-bestaetigen")
    cancel = mail_link(message, "termin-absagen")
    assert confirm.startswith(portal.absolute_url() + "/@@termin-bestaetigen?")
    assert f"code={booked['code']}" in confirm and "token=" in confirm
    # the cancel link carries the same token as the REST answer; the confirm token is only here
    assert cancel.endswith("token=" + booked["cancel_url"].split("token=")[1])
    assert confirm.split("token=")[1] not in str(booked)


def test_the_ics_file_starts_at_the_booked_time_in_herne(booking_office, api_session, mailbox):
    _portal, office, service = booking_office
    start = at(next_weekday(3, weeks=1), 11, 15)
    booked = book_over_rest(api_session(), service, start)

    calendar = mail_calendar(booking_mail(mailbox))
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart").astimezone(BERLIN) == start
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=15)
    assert str(event["uid"]).startswith(f"termin-{booked['code']}@")
    assert str(event["summary"]) == f"Termin: {service.title}"
    assert str(event["location"]).startswith(office.title)


def test_a_refused_booking_sends_no_mail(booking_office, api_session, mailbox):
    _portal, _office, service = booking_office
    session = api_session()
    response = session.post(
        "@termine",
        json={
            "office": "buergerdienste-herne-mitte",
            "service": service.UID(),
            "start": "2020-01-07T09:00:00+01:00",
            "name": "Bernd Bergmann",
            "email": CITIZEN,
        },
    )
    assert response.status_code == 400
    settle(mailbox, 1)
    assert mailbox == []


def test_a_booking_on_the_page_termin_buchen_sends_the_mail_too(
    booking_office, anon_browser, mailbox
):
    _portal, _office, service = booking_office
    day = next_weekday(1)
    anon_browser.open(
        service.absolute_url()
        + f"/@@termin-buchen?office=buergerdienste-herne-mitte&day={day.isoformat()}"
    )
    anon_browser.getControl(name="start").value = [at(day, 9, 15).isoformat()]
    anon_browser.getControl("Weiter").click()
    anon_browser.getControl("Name").value = "Bernd Bergmann"
    anon_browser.getControl("E-Mail-Adresse").value = CITIZEN
    anon_browser.getControl("Termin verbindlich buchen").click()

    message = booking_mail(mailbox)
    assert f"Wann: {day.strftime('%d.%m.%Y')} um 09:15 Uhr" in mail_text(message)
    assert "@@termin-bestaetigen?" in mail_link(message, "termin-bestaetigen")


def test_a_booking_for_an_application_lists_its_originals_still_to_show(
    booking_office, api_session, mailbox
):
    portal, office, _service = booking_office
    application = draft_application(portal, service="fuehrungszeugnis")
    application.originals = [
        {"name": "Ehrenamtsnachweis", "shown_at": None, "checked_by": None},
        {"name": "Mietvertrag", "shown_at": None, "checked_by": None},
    ]
    bring_to(application, "originals_pending")
    application.originals[1] = {
        "name": "Mietvertrag",
        "shown_at": DateTime(),
        "checked_by": "sachbearbeitung",
    }
    application.originals = list(application.originals)
    application.department_uid = office.UID()
    transaction.commit()
    citizen = api_session(*CITIZEN_LOGIN)
    book_over_rest(
        citizen,
        portal["leistungen"]["fuehrungszeugnis"],
        at(next_weekday(2), 11),
        application=application.UID(),
    )

    text = mail_text(booking_mail(mailbox))
    assert "- Ehrenamtsnachweis\n" in text.split("Bitte bringen Sie mit:")[1]
    assert "Mietvertrag" not in text
