"""Blocking counters: fewer free times, the latest bookings that no longer fit cancelled with a rebooking mail."""

from herne.portal.booking.blocks import list_blocks
from herne.portal.booking.counter_blocking import place_block
from herne.portal.booking.day_list import day_bookings
from herne.portal.booking.day_list import mark
from herne.portal.booking.storage import utcnow
import re
from tests.fixtures.applications import CITIZEN as CITIZEN_LOGIN
from tests.fixtures.applications import bring_to
from tests.fixtures.applications import draft_application
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking_mail import at
from tests.fixtures.booking_mail import book_over_rest
from tests.fixtures.booking_mail import mail_text
from tests.fixtures.browsers import demo_password
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import wait_for
import time
import transaction


CLERK = "sachbearbeitung"  # Bürgerdienste Herne-Mitte
CANCELLED_SUBJECT = "Ihr Termin muss leider entfallen"


def clerk_session(api_session):
    return api_session(CLERK, demo_password(CLERK))


def block_over_rest(session, office, start, end, counters, reason="krank"):
    return session.post(
        f"{office.absolute_url()}/@schaltersperren",
        json={
            "start": start.isoformat(),
            "end": end.isoformat(),
            "counters": counters,
            "reason": reason,
        },
    )


def free_times(session, service, day):
    response = session.get(
        "@termine",
        params={
            "office": OFFICE,
            "service": service.UID(),
            "start": day.isoformat(),
            "end": day.isoformat(),
        },
    )
    assert response.status_code == 200, response.text
    return {item["start"][11:16]: item["free"] for item in response.json()["items"]}


def states(office, day):
    transaction.begin()
    return {booking["name"]: booking["state"] for booking in day_bookings(office, day, utcnow())}


def cancellation_mails(mailbox, address, count=1):
    deadline = time.time() + 5
    while time.time() < deadline:
        found = [
            m for m in mails_to(mailbox, address) if m["Subject"].startswith(CANCELLED_SUBJECT)
        ]
        if len(found) >= count:
            break
        time.sleep(0.05)
    time.sleep(0.3)  # a mail sent twice would arrive now
    return [m for m in mails_to(mailbox, address) if m["Subject"].startswith(CANCELLED_SUBJECT)]


def test_a_blocked_counter_leaves_fewer_free_places_and_a_closure_none(booking_office, api_session):
    _portal, office, service = booking_office  # 2 counters, no walk-in share
    day = next_weekday(1)
    response = block_over_rest(clerk_session(api_session), office, at(day, 10), at(day, 11), 1)
    assert response.status_code == 201, response.text
    response = block_over_rest(
        clerk_session(api_session), office, at(day, 11), at(day, 11, 30), "alle"
    )
    assert response.status_code == 201, response.text
    free = free_times(api_session(), service, day)
    assert free["09:45"] == 2
    assert [free[t] for t in ("10:00", "10:15", "10:30", "10:45")] == [1, 1, 1, 1]
    assert "11:00" not in free and "11:15" not in free  # the office is closed then
    assert free["11:30"] == 2


def test_bookings_that_no_longer_fit_are_cancelled_latest_first_with_a_rebooking_mail(
    booking_office, api_session, mailbox
):
    portal, office, service = booking_office
    day = next_weekday(2)
    first = book_over_rest(
        api_session(), service, at(day, 10), email="anna@example.org", name="Anna Arndt"
    )
    second = book_over_rest(
        api_session(), service, at(day, 10), email="berta@example.org", name="Berta Brandt"
    )
    book_over_rest(
        api_session(), service, at(day, 10, 15), email="carla@example.org", name="Carla Clausen"
    )
    wait_for(mailbox, 3)

    response = block_over_rest(clerk_session(api_session), office, at(day, 10), at(day, 10, 30), 1)

    assert response.status_code == 201, response.text
    assert response.json()["cancelled_bookings"] == [second["code"]]
    assert states(office, day) == {
        "Anna Arndt": "gebucht",
        "Berta Brandt": "storniert",
        "Carla Clausen": "gebucht",
    }
    (message,) = cancellation_mails(mailbox, "berta@example.org")
    assert not cancellation_mails(mailbox, "anna@example.org")
    text = mail_text(message)
    assert (
        message["Subject"]
        == f"Ihr Termin muss leider entfallen: {day.strftime('%d.%m.%Y')} um 10:00 Uhr"
    )
    link = re.search(r"https?://\S+", text).group(0)  # the first link, before the details
    assert link == f"{service.absolute_url()}/@@termin-buchen?office={OFFICE}"
    assert (
        text.index(link) < text.index("Leistung:") < text.index(f"Buchungscode: {second['code']}")
    )
    assert "Guten Tag Berta Brandt," in text
    assert "krank" not in text  # the reason stays inside the office
    assert first["code"] not in text


def test_a_visit_that_happened_is_never_cancelled(booking_office, api_session):
    _portal, office, service = booking_office
    day = next_weekday(3)
    book_over_rest(api_session(), service, at(day, 9), email="anna@example.org", name="Anna Arndt")
    arrived = book_over_rest(
        api_session(), service, at(day, 9), email="berta@example.org", name="Berta Brandt"
    )
    transaction.begin()
    mark(office, day, arrived["code"], "erschienen", utcnow())
    transaction.commit()
    response = block_over_rest(clerk_session(api_session), office, at(day, 9), at(day, 10), "alle")
    assert response.status_code == 201, response.text
    assert states(office, day) == {"Anna Arndt": "storniert", "Berta Brandt": "erschienen"}


def test_a_cancelled_visit_for_an_application_links_the_applications_booking_page(
    booking_office, api_session, mailbox
):
    portal, office, _service = booking_office
    application = draft_application(portal, service="fuehrungszeugnis")
    application.originals = [{"name": "Ehrenamtsnachweis", "shown_at": None, "checked_by": None}]
    bring_to(application, "ready_for_pickup")
    application.department_uid = office.UID()
    transaction.commit()
    day = next_weekday(4)
    response = api_session(*CITIZEN_LOGIN).post(
        "@termine",
        json={
            "office": OFFICE,
            "service": application.service_uid,
            "start": at(day, 10).isoformat(),
            "application": application.UID(),
        },
    )
    assert response.status_code == 201, response.text
    booked = response.json()
    response = block_over_rest(clerk_session(api_session), office, at(day, 8), at(day, 12), "alle")
    assert response.json()["cancelled_bookings"] == [booked["code"]]
    (message,) = cancellation_mails(mailbox, "buerger@example.org")
    link = re.search(r"https?://\S+", mail_text(message)).group(0)
    assert link.startswith(
        f"{portal['leistungen']['fuehrungszeugnis'].absolute_url()}/@@termin-buchen?"
    )
    assert f"application={application.UID()}" in link


def test_a_booking_made_after_the_block_cannot_take_the_blocked_place(booking_office, api_session):
    _portal, office, service = booking_office
    day = next_weekday(1, weeks=1)
    transaction.begin()
    place_block(office, at(day, 8), at(day, 12), 1, "", utcnow(), CLERK)
    transaction.commit()
    book_over_rest(api_session(), service, at(day, 8), email="anna@example.org")
    response = api_session().post(
        "@termine",
        json={
            "office": OFFICE,
            "service": service.UID(),
            "start": at(day, 8).isoformat(),
            "name": "Berta Brandt",
            "email": "berta@example.org",
        },
    )
    assert response.status_code == 409
    assert "ausgebucht" in response.json()["error"]["message"]


def test_lifting_a_block_makes_its_times_bookable_again(booking_office, api_session):
    _portal, office, service = booking_office
    day = next_weekday(2, weeks=1)
    session = clerk_session(api_session)
    created = block_over_rest(session, office, at(day, 8), at(day, 12), "alle").json()
    assert free_times(api_session(), service, day) == {}
    listing = session.get(f"{office.absolute_url()}/@schaltersperren").json()
    assert [item["@id"] for item in listing["items"]] == [created["@id"]]
    assert listing["items"][0]["all"] is True and listing["items"][0]["reason"] == "krank"
    assert session.delete(created["@id"]).status_code == 204
    assert free_times(api_session(), service, day)["08:00"] == 2
    transaction.begin()
    assert list_blocks(office) == []
    assert session.delete(created["@id"]).status_code == 404


def test_a_block_and_its_reason_are_deleted_with_the_old_bookings(booking_office):
    from datetime import timedelta
    from herne.portal.booking.upkeep import delete_old_bookings

    _portal, office, _service = booking_office
    day = next_weekday(1)
    transaction.begin()
    place_block(office, at(day, 8), at(day, 12), 1, "Frau K. krank", utcnow(), CLERK)
    place_block(
        office,
        at(day, 8) + timedelta(days=1),
        at(day, 12) + timedelta(days=1),
        1,
        "",
        utcnow(),
        CLERK,
    )
    transaction.commit()
    delete_old_bookings(at(day + timedelta(days=30), 12))
    assert len(list_blocks(office)) == 2  # kept for the retention period after its end
    delete_old_bookings(at(day + timedelta(days=31), 12))
    transaction.commit()
    assert "Frau K. krank" not in repr(list_blocks(office))
    assert len(list_blocks(office)) == 1
