"""The counter's day list: bookings of a day, check-in by code, done, no-show, booking for a caller, print view and REST."""

from datetime import datetime
from datetime import timedelta
from herne.portal.booking.bookings import book
from herne.portal.booking.bookings import confirm
from herne.portal.booking.day_list import day_bookings
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import utcnow
import pytest
from tests.fixtures.applications import build_application
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import next_weekday
from tests.fixtures.browsers import demo_password
import transaction
from urllib.parse import quote


CLERK = "sachbearbeitung"  # Bürgerdienste Herne-Mitte


def at(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def booked(office, service, start, name="Bernd Bergmann", application=None, confirmed=True):
    now = utcnow()
    booking, _token, _confirm = book(
        office, service.UID(), start, 15, 2, now, name, "bernd@example.org", application
    )
    if confirmed:
        booking = confirm(office, booking, now)
    transaction.commit()
    return booking


def state_in_storage(office, day, code):
    transaction.begin()
    return {b["code"]: b["state"] for b in day_bookings(office, day, utcnow())}.get(code)


def day_list_url(office, day, view="tagesliste"):
    return f"{office.absolute_url()}/@@{view}?date={day.isoformat()}"


def post_form(browser, office, day, **fields):
    browser.open(day_list_url(office, day))
    token = browser.getControl(name="_authenticator", index=0).value
    data = {"_authenticator": token, "date": day.isoformat(), **fields}
    browser.post(
        f"{office.absolute_url()}/@@tagesliste",
        "&".join(f"{key}={quote(str(value))}" for key, value in data.items()),
    )


def test_clerk_sees_the_day_with_time_code_service_name_application_and_state(
    booking_office, browser_as
):
    portal, office, service = booking_office
    day = next_weekday(1)
    application = build_application(portal)
    transaction.commit()
    first = booked(office, service, at(day, 9), application=application.UID())
    second = booked(office, service, at(day, 8, 30), name="Berta Brandt", confirmed=False)
    booked(office, service, at(day + timedelta(days=1), 9), name="Carla Clausen")
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(day_list_url(office, day))
    contents = browser.contents
    assert "Tagesliste" in contents
    assert contents.index(second["code"]) < contents.index(first["code"])  # in time order
    assert "08:30" in contents and "09:00" in contents
    assert "Personalausweis" in contents
    assert "Berta Brandt" in contents and "Bernd Bergmann" in contents
    assert "Carla Clausen" not in contents  # the next day
    assert application.absolute_url() in contents
    assert "bestätigt" in contents and "gebucht" in contents
    assert 'class="herne-daylist-table"' in contents
    assert day_list_url(office, day + timedelta(days=1)) in contents
    assert day_list_url(office, day - timedelta(days=1)) in contents


def test_check_in_by_code_opens_the_linked_application(booking_office, browser_as):
    portal, office, service = booking_office
    day = next_weekday(2)
    application = build_application(portal)
    transaction.commit()
    booking = booked(office, service, at(day, 10), application=application.UID())
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.followRedirects = False
    post_form(browser, office, day, code=f" {booking['code'].lower()} ", action="einchecken")
    assert browser.headers["Location"] == application.absolute_url()
    assert state_in_storage(office, day, booking["code"]) == "erschienen"


def test_check_in_without_application_shows_erschienen_in_the_list(booking_office, browser_as):
    _portal, office, service = booking_office
    day = next_weekday(2)
    booking = booked(office, service, at(day, 10))
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(day_list_url(office, day))
    browser.getControl(name="code", index=0).value = booking["code"]
    browser.getControl("Einchecken").click()
    assert "Bernd Bergmann ist erschienen." in browser.contents
    assert state_in_storage(office, day, booking["code"]) == "erschienen"


def test_unknown_code_is_refused_in_german_and_changes_nothing(booking_office, browser_as):
    _portal, office, service = booking_office
    day = next_weekday(2)
    booking = booked(office, service, at(day, 10))
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(day_list_url(office, day))
    browser.getControl(name="code", index=0).value = "ZZZZ2222"
    browser.getControl("Einchecken").click()
    assert "Für diesen Tag gibt es keinen Termin mit dem Code „ZZZZ2222“." in browser.contents
    # a code of another day is just as unknown on this one
    post_form(browser, office, day + timedelta(days=1), code=booking["code"], action="einchecken")
    assert f"keinen Termin mit dem Code „{booking['code']}“" in browser.contents
    assert state_in_storage(office, day, booking["code"]) == "bestaetigt"


def test_done_and_no_show_buttons_mark_the_booking(booking_office, browser_as):
    _portal, office, service = booking_office
    day = next_weekday(3)
    visitor = booked(office, service, at(day, 9))
    absent = booked(office, service, at(day, 9, 15), name="Berta Brandt")
    browser = browser_as(CLERK, demo_password(CLERK))
    post_form(browser, office, day, code=visitor["code"], action="einchecken")
    post_form(browser, office, day, code=visitor["code"], action="erledigt")
    assert f"Termin {visitor['code']}: erledigt." in browser.contents
    post_form(browser, office, day, code=absent["code"], action="nicht-erschienen")
    assert f"Termin {absent['code']}: nicht erschienen." in browser.contents
    assert state_in_storage(office, day, visitor["code"]) == "erledigt"
    assert state_in_storage(office, day, absent["code"]) == "nicht erschienen"
    # a no-show cannot be marked done afterwards
    post_form(browser, office, day, code=absent["code"], action="erledigt")
    assert "kann nicht mehr so markiert werden" in browser.contents
    assert state_in_storage(office, day, absent["code"]) == "nicht erschienen"


def test_a_state_change_needs_the_form_token(booking_office, browser_as):
    _portal, office, service = booking_office
    day = next_weekday(3)
    booking = booked(office, service, at(day, 9))
    browser = browser_as(CLERK, demo_password(CLERK))
    with pytest.raises(Exception) as error:
        browser.post(
            f"{office.absolute_url()}/@@tagesliste",
            f"date={day.isoformat()}&code={booking['code']}&action=nicht-erschienen",
        )
    assert "Forbidden" in type(error.value).__name__ or "403" in str(error.value)
    assert state_in_storage(office, day, booking["code"]) == "bestaetigt"


def test_clerk_books_for_a_caller_confirmed_at_once_and_marked_vom_amt(booking_office, browser_as):
    _portal, office, _service = booking_office
    day = next_weekday(4)
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(day_list_url(office, day))
    browser.getControl(name="start").value = [at(day, 11).isoformat()]
    browser.getControl(name="name").value = "Dora Dahl"
    browser.getControl("Termin buchen").click()
    assert "um 11:00 Uhr für Dora Dahl ist gebucht und bestätigt." in browser.contents
    assert "(vom Amt gebucht)" in browser.contents
    transaction.begin()
    [booking] = day_bookings(office, day, utcnow() + timedelta(hours=2))  # after any hold
    assert booking["state"] == "bestaetigt"
    assert booking["by_staff"] is True
    assert booking["email"] == ""


def test_booking_for_a_caller_without_name_is_refused(booking_office, browser_as):
    _portal, office, _service = booking_office
    day = next_weekday(4)
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(day_list_url(office, day))
    browser.getControl(name="start").value = [at(day, 11).isoformat()]
    browser.getControl("Termin buchen").click()
    assert "Bitte geben Sie den Namen an." in browser.contents
    transaction.begin()
    assert day_bookings(office, day, utcnow()) == []


def test_print_view_lists_the_day_without_navigation_or_forms(booking_office, browser_as):
    _portal, office, service = booking_office
    day = next_weekday(1)
    booking = booked(office, service, at(day, 9))
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(day_list_url(office, day, "tagesliste-drucken"))
    assert booking["code"] in browser.contents
    assert "@media print" in browser.contents
    assert "portal-globalnav" not in browser.contents
    assert "<form" not in browser.contents


def test_rest_day_list_for_the_offices_clerk(booking_office, api_session):
    portal, office, service = booking_office
    day = next_weekday(1)
    application = build_application(portal)
    transaction.commit()
    booking = booked(office, service, at(day, 9), application=application.UID())
    response = api_session(CLERK, demo_password(CLERK)).get(
        "@tagesliste", params={"office": OFFICE, "date": day.isoformat()}
    )
    assert response.status_code == 200, response.text
    [item] = response.json()["items"]
    assert item["code"] == booking["code"]
    assert item["start"] == at(day, 9).isoformat()
    assert item["name"] == "Bernd Bergmann"
    assert item["service"]["title"] == service.Title() == "Personalausweis beantragen"
    assert item["application"]["@id"] == application.absolute_url()
    assert item["state_title"] == "bestätigt"


OUTSIDERS = [
    ("sachbearbeitung-wanne", 403),
    ("buerger", 403),
    ("redaktion", 403),
    (None, 401),
]


@pytest.mark.parametrize(
    ("username", "status"), OUTSIDERS, ids=["other-office-clerk", "citizen", "editor", "anonymous"]
)
def test_others_get_no_day_list_over_rest(booking_office, api_session, username, status):
    _portal, office, service = booking_office
    day = next_weekday(1)
    booked(office, service, at(day, 9))
    session = api_session(username, demo_password(username)) if username else api_session()
    response = session.get("@tagesliste", params={"office": OFFICE, "date": day.isoformat()})
    assert response.status_code == status
    assert "Bernd Bergmann" not in response.text
    assert response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("username", "_status"), OUTSIDERS, ids=["other-office-clerk", "citizen", "editor", "anonymous"]
)
def test_others_get_no_day_list_page_print_view_or_state_change(
    booking_office, demo_functional, username, _status
):
    from tests.fixtures.browsers import make_browser

    _portal, office, service = booking_office
    day = next_weekday(1)
    booking = booked(office, service, at(day, 9), name="Carla Clausen")
    for view in ("tagesliste", "tagesliste-drucken"):
        browser = make_browser(
            demo_functional["app"], username, demo_password(username) if username else None
        )
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.open(day_list_url(office, day, view))
        assert (
            "/login" in browser.url
            or "insufficient-privileges" in browser.url
            or "Unzureichende Berechtigungen" in browser.contents
        )
        assert "Carla Clausen" not in browser.contents
        assert booking["code"] not in browser.contents
        browser.post(
            f"{office.absolute_url()}/@@{view}",
            f"date={day.isoformat()}&code={booking['code']}&action=nicht-erschienen",
        )
        assert booking["code"] not in browser.contents
    assert state_in_storage(office, day, booking["code"]) == "bestaetigt"


def test_without_a_date_the_list_shows_today(booking_office, browser_as):
    from herne.portal.browser.termin_buchen import long_date

    _portal, office, _service = booking_office
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(f"{office.absolute_url()}/@@tagesliste")
    today = utcnow().astimezone(BERLIN).date()
    assert long_date(today) in browser.contents
    assert day_list_url(office, today + timedelta(days=1)) in browser.contents


def test_a_full_time_is_not_offered_to_callers_and_refused_as_ausgebucht(
    booking_office, browser_as
):
    _portal, office, service = booking_office
    day = next_weekday(4)
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(day_list_url(office, day))
    token = browser.getControl(name="_authenticator", index=0).value
    booked(office, service, at(day, 11))
    booked(office, service, at(day, 11), name="Berta Brandt")  # capacity 2: 11:00 is full
    browser.open(day_list_url(office, day) + f"&service={service.UID()}")
    offered = browser.getControl(name="start").options
    assert at(day, 11).isoformat() not in offered
    assert at(day, 11, 15).isoformat() in offered
    browser.post(
        f"{office.absolute_url()}/@@tagesliste",
        "&".join(
            f"{key}={quote(value)}"
            for key, value in {
                "_authenticator": token,
                "date": day.isoformat(),
                "service": service.UID(),
                "start": at(day, 11).isoformat(),
                "name": "Dora Dahl",
                "action": "buchen",
            }.items()
        ),
    )
    assert "Dieser Termin ist leider ausgebucht." in browser.contents
    transaction.begin()
    assert "Dora Dahl" not in [b["name"] for b in day_bookings(office, day, utcnow())]


def test_the_other_offices_clerk_cannot_check_in_a_code_on_her_own_list(booking_office, browser_as):
    from tests.fixtures.booking import office as office_of

    portal, office, service = booking_office
    day = next_weekday(2)
    booking = booked(office, service, at(day, 10))
    wanne = office_of(portal, "buergerdienste-wanne")
    browser = browser_as("sachbearbeitung-wanne", demo_password("sachbearbeitung-wanne"))
    post_form(browser, wanne, day, code=booking["code"], action="einchecken")
    assert f"keinen Termin mit dem Code „{booking['code']}“" in browser.contents
    assert state_in_storage(office, day, booking["code"]) == "bestaetigt"


@pytest.mark.parametrize(
    ("username", "shown"),
    [(CLERK, True), ("sachbearbeitung-wanne", False), ("buerger", False), (None, False)],
    ids=["office-clerk", "other-office-clerk", "citizen", "anonymous"],
)
def test_the_office_page_links_the_day_list_for_its_clerks_only(
    booking_office, demo_functional, username, shown
):
    from tests.fixtures.browsers import make_browser

    _portal, office, _service = booking_office
    browser = make_browser(
        demo_functional["app"], username, demo_password(username) if username else None
    )
    browser.open(office.absolute_url())
    assert ("Tagesliste der Termine" in browser.contents) is shown
    assert (f"{office.absolute_url()}/@@tagesliste" in browser.contents) is shown


def test_unconfirmed_bookings_expired_by_the_booking_job_are_not_listed(booking_office, browser_as):
    from herne.portal.booking.upkeep import expire_bookings

    _portal, office, service = booking_office
    day = next_weekday(2)
    kept = booked(office, service, at(day, 9))
    lapsed = booked(office, service, at(day, 9, 15), name="Egon Ehrlich", confirmed=False)
    assert expire_bookings(utcnow() + timedelta(hours=1)) == 1
    transaction.commit()
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(day_list_url(office, day))
    assert kept["code"] in browser.contents
    assert lapsed["code"] not in browser.contents
    assert "Egon Ehrlich" not in browser.contents
    assert "abgelaufen" not in browser.contents


def test_a_caller_with_an_address_gets_the_mail_without_a_confirm_link(
    booking_office, browser_as, mailbox
):
    from tests.fixtures.booking_mail import booking_mail
    from tests.fixtures.booking_mail import mail_link
    from tests.fixtures.booking_mail import mail_text

    _portal, office, service = booking_office
    day = next_weekday(4)
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(day_list_url(office, day) + f"&service={service.UID()}")
    browser.getControl(name="start").value = [at(day, 10).isoformat()]
    browser.getControl(name="name").value = "Dora Dahl"
    browser.getControl(name="email").value = "dora@example.org"
    browser.getControl("Termin buchen").click()
    assert "für Dora Dahl ist gebucht und bestätigt." in browser.contents

    message = booking_mail(mailbox, "dora@example.org")
    text = mail_text(message)
    assert f"Wann: {day.strftime('%d.%m.%Y')} um 10:00 Uhr" in text
    assert "Die Stadt Herne hat diesen Termin für Sie gebucht; er ist bestätigt." in text
    assert "@@termin-bestaetigen" not in text
    assert "Bitte bestätigen Sie" not in text
    assert "@@termin-absagen?" in mail_link(message, "termin-absagen")
