"""The daily booking job: reminders exactly once, expiry of unconfirmed bookings, retention."""

from datetime import timedelta
from herne.portal.booking.bookings import book
from herne.portal.booking.bookings import confirm
from herne.portal.booking.reminders import send_reminders
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.upkeep import delete_old_bookings
from herne.portal.booking.upkeep import expire_bookings
from plone import api
import pytest
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking_mail import at
from tests.fixtures.booking_mail import mail_text
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import settle
import transaction


ADDRESSES = ("anna@example.org", "berta@example.org", "carla@example.org")


def confirmed_bookings(department, service, day, addresses=ADDRESSES):
    """One confirmed booking per address on ``day`` at 09:00, 09:30, ..., booked a week before."""
    booked = []
    for index, address in enumerate(addresses):
        start = at(day, 9) + timedelta(minutes=30 * index)
        made = start - timedelta(days=7)
        booking, _token, _confirm = book(
            department, service.UID(), start, 15, 2, made, "Zoraida Quastenberg", address
        )
        booked.append(confirm(department, booking, made))
    transaction.commit()
    return booked


def the_evening_before(day):
    return at(day - timedelta(days=1), 18)


def states(department):
    tree = office_bookings(department)
    return {b["code"]: b["state"] for slot in tree.values() for b in slot.bookings}


def test_a_second_run_sends_no_second_reminder(booking_office, mailbox):
    _portal, department, service = booking_office
    day = next_weekday(2)
    confirmed_bookings(department, service, day)
    assert send_reminders(the_evening_before(day)) == 3
    assert send_reminders(the_evening_before(day)) == 0
    settle(mailbox, 3)
    assert len(mailbox) == 3
    for index, address in enumerate(ADDRESSES):
        (message,) = mails_to(mailbox, address)
        time = ("09:00", "09:30", "10:00")[index]
        assert message["Subject"] == f"Erinnerung: Ihr Termin morgen um {time} Uhr"
        text = mail_text(message)
        assert f"Wann: {day.strftime('%d.%m.%Y')} um {time} Uhr" in text
        assert f"Leistung: {service.title}" in text
        assert department.title in text


def test_a_run_killed_halfway_is_finished_by_the_next_without_repeating(booking_office, mailbox):
    _portal, department, service = booking_office
    day = next_weekday(2)
    confirmed_bookings(department, service, day)
    commits = []

    def killed_at_the_second_commit():
        commits.append(1)
        if len(commits) == 2:
            transaction.abort()
            raise KeyboardInterrupt("killed")
        transaction.commit()

    with pytest.raises(KeyboardInterrupt):
        send_reminders(the_evening_before(day), commit=killed_at_the_second_commit)
    settle(mailbox, 1)
    assert len(mailbox) == 1
    assert send_reminders(the_evening_before(day)) == 2
    settle(mailbox, 3)
    for address in ADDRESSES:
        assert len(mails_to(mailbox, address)) == 1, address


def test_only_confirmed_bookings_of_tomorrow_are_reminded(booking_office, mailbox):
    _portal, department, service = booking_office
    day = next_weekday(2)
    confirmed_bookings(department, service, day, ADDRESSES[:1])
    confirmed_bookings(department, service, day + timedelta(days=1), ADDRESSES[1:2])
    book(department, service.UID(), at(day, 11), 15, 2, the_evening_before(day), "X", ADDRESSES[2])
    transaction.commit()
    assert send_reminders(the_evening_before(day)) == 1
    settle(mailbox, 1)
    assert [envelope.rcpt_tos for envelope in mailbox] == [[ADDRESSES[0]]]


def test_unconfirmed_bookings_past_their_hold_are_marked_abgelaufen(booking_office):
    _portal, department, service = booking_office
    day = next_weekday(2)
    made = at(day - timedelta(days=3), 10)
    (kept,) = confirmed_bookings(department, service, day, ADDRESSES[:1])
    held, _token, _confirm = book(
        department, service.UID(), at(day, 11), 30, 2, made, "X", "x@example.org"
    )
    transaction.commit()
    assert expire_bookings(made + timedelta(minutes=29)) == 0
    assert states(department)[held["code"]] == "gebucht"
    assert expire_bookings(made + timedelta(minutes=31)) == 1
    transaction.commit()
    assert states(department) == {kept["code"]: "bestaetigt", held["code"]: "abgelaufen"}
    assert confirm(department, {**held, "state": "abgelaufen"}, made) is None


def test_a_booking_is_deleted_with_its_name_and_address_after_the_retention_period(booking_office):
    _portal, department, service = booking_office
    day = next_weekday(2)
    confirmed_bookings(department, service, day, ADDRESSES[:1])
    later = confirmed_bookings(department, service, day + timedelta(days=1), ADDRESSES[1:2])
    assert delete_old_bookings(at(day + timedelta(days=30), 12)) == 0
    assert delete_old_bookings(at(day + timedelta(days=31), 12)) == 1
    transaction.commit()
    tree = office_bookings(department)
    stored = repr([slot.bookings for slot in tree.values()])
    assert ADDRESSES[0] not in stored
    assert ADDRESSES[1] in stored and later[0]["code"] in stored
    assert not [key for key in tree if key.startswith(day.isoformat())]
    assert delete_old_bookings(at(day + timedelta(days=32), 12)) == 1
    transaction.commit()
    assert "Zoraida Quastenberg" not in repr([slot.bookings for slot in tree.values()])


def test_the_retention_period_is_a_registry_setting(booking_office):
    _portal, department, service = booking_office
    day = next_weekday(2)
    confirmed_bookings(department, service, day, ADDRESSES[:1])
    api.portal.set_registry_record("herne.portal.booking.retention_days", 7)
    transaction.commit()
    assert delete_old_bookings(at(day + timedelta(days=7), 12)) == 0
    assert delete_old_bookings(at(day + timedelta(days=8), 12)) == 1


def test_the_cron_script_reminds_expires_and_deletes_in_one_run(booking_office, mailbox):
    from scripts.booking_reminders import run_booking_job

    _portal, department, service = booking_office
    day = next_weekday(2)
    evening = the_evening_before(day)
    (old,) = confirmed_bookings(department, service, day - timedelta(days=40), ADDRESSES[:1])
    (tomorrow,) = confirmed_bookings(department, service, day, ADDRESSES[1:2])
    held, _token, _confirm = book(
        department,
        service.UID(),
        at(day, 11),
        15,
        2,
        evening - timedelta(hours=1),
        "X",
        ADDRESSES[2],
    )
    transaction.commit()

    first = run_booking_job(evening)
    assert first.pop("recorded") >= 2  # the old day counted, today's wait measured
    assert first == {"reminded": 1, "expired": 1, "deleted": 1}
    assert run_booking_job(evening) == {"reminded": 0, "expired": 0, "recorded": 0, "deleted": 0}
    settle(mailbox, 1)
    assert [envelope.rcpt_tos for envelope in mailbox] == [[ADDRESSES[1]]]
    transaction.begin()
    assert states(department) == {tomorrow["code"]: "bestaetigt", held["code"]: "abgelaufen"}
    assert old["code"] not in states(department)


def test_a_booking_without_an_address_is_not_reminded_and_does_not_stop_the_job(
    booking_office, mailbox
):
    """A caller booked at the counter may have given no address: the others are still reminded."""
    _portal, department, service = booking_office
    day = next_weekday(2)
    confirmed_bookings(department, service, day, addresses=("", "anna@example.org"))
    assert send_reminders(the_evening_before(day)) == 1
    settle(mailbox, 1)
    assert [address for message in mailbox for address in message.rcpt_tos] == ["anna@example.org"]
