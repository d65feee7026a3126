"""The page "Termin buchen" in Classic UI: office, day, time, name and e-mail as plain forms, for anonymous citizens."""

from datetime import datetime
from datetime import timedelta
from herne.portal.booking.bookings import book
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import office_bookings
from herne.portal.booking.storage import utcnow
import re
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import berlin_today
from tests.fixtures.booking import next_weekday
import transaction


def long_date(day):
    weekdays = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
    months = [
        "Januar", "Februar", "März", "April", "Mai", "Juni",
        "Juli", "August", "September", "Oktober", "November", "Dezember",
    ]  # fmt: skip
    return f"{weekdays[day.weekday()]}, {day.day}. {months[day.month - 1]} {day.year}"


def at(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def booked_codes(department):
    tree = office_bookings(department)
    return sorted({b["code"] for slot in (tree or {}).values() for b in slot.bookings})


def error_next_to(contents, field):
    """The German message shown next to a field (office, day, start, name, email), or None."""
    found = re.search(rf'id="herne-{field}-error"[^>]*>([^<]*)<', contents)
    return found.group(1).strip() if found else None


def open_details(browser, service, day, hour):
    """The form "Ihre Angaben" for ``day`` at ``hour``:00, reached through the steps."""
    browser.open(service.absolute_url() + "/@@termin-buchen")
    browser.getControl(name="office").value = [OFFICE]
    browser.getControl("Weiter").click()
    browser.getControl(long_date(day)).click()
    browser.getControl(name="start").value = [at(day, hour).isoformat()]
    browser.getControl("Weiter").click()
    assert "Schritt 4 von 4: Ihre Angaben" in browser.contents


def post_booking(browser, service, start, name="Bernd Bergmann", email="bernd@example.org"):
    """Books through the form with a ``start`` the page did not offer (a tampered request)."""
    open_details(browser, service, next_weekday(1), 9)
    browser.post(
        service.absolute_url() + "/@@termin-buchen",
        "&".join(
            f"{key}={value}"
            for key, value in {
                "office": OFFICE,
                "start": start.isoformat().replace("+", "%2B"),
                "name": name,
                "email": email,
                "_authenticator": browser.getControl(name="_authenticator").value,
            }.items()
        ),
    )
    return browser.contents


def test_link_only_on_service_pages_where_booking_is_possible(booking_office, anon_browser):
    portal, _office, service = booking_office
    anon_browser.open(service.absolute_url())
    link = anon_browser.getLink("Termin buchen")
    assert link.url == service.absolute_url() + "/@@termin-buchen"
    assert "herne-on-site" in anon_browser.contents  # in the "Nur vor Ort" box
    anon_browser.open(portal["leistungen"]["lebensbescheinigung"].absolute_url())
    assert anon_browser.getLink("Termin buchen")  # online form with originals: its own box
    for without in ("hundesteuer", "fuehrerschein"):
        anon_browser.open(portal["leistungen"][without].absolute_url())
        assert "Termin buchen" not in anon_browser.contents, without


def test_no_link_when_the_service_has_no_visit_length(booking_office, anon_browser):
    _portal, _office, service = booking_office
    service.visit_minutes = None
    transaction.commit()
    anon_browser.open(service.absolute_url())
    assert "Nur vor Ort" in anon_browser.contents
    assert "Termin buchen" not in anon_browser.contents


def test_anonymous_books_through_all_steps(booking_office, anon_browser):
    _portal, department, service = booking_office
    tuesday = next_weekday(1)
    anon_browser.open(service.absolute_url())
    anon_browser.getLink("Termin buchen").click()
    assert "Schritt 1 von 4: Amt wählen" in anon_browser.contents
    anon_browser.getControl("Bürgerdienste Herne-Mitte").selected = True
    anon_browser.getControl("Weiter").click()
    assert "Schritt 2 von 4: Tag wählen" in anon_browser.contents
    monday = tuesday - timedelta(days=1)
    assert f"Woche ab {long_date(monday)}" in anon_browser.contents
    anon_browser.getControl(long_date(tuesday)).click()
    assert f"Uhrzeit am {long_date(tuesday)}" in anon_browser.contents
    assert "08:00" in anon_browser.contents and "2 frei" in anon_browser.contents
    anon_browser.getControl(name="start").value = [at(tuesday, 9, 15).isoformat()]
    anon_browser.getControl("Weiter").click()
    anon_browser.getControl("Name").value = "Bernd Bergmann"
    anon_browser.getControl("E-Mail-Adresse").value = "bernd@example.org"
    anon_browser.getControl("Termin verbindlich buchen").click()
    assert (
        "Bitte bestätigen Sie Ihren Termin über den Link in der E-Mail (innerhalb von 30 Minuten)."
        in anon_browser.contents
    )
    codes = booked_codes(department)
    assert len(codes) == 1
    assert codes[0] in anon_browser.contents
    assert f"{long_date(tuesday)}, 09:15 Uhr" in anon_browser.contents
    anon_browser.open(
        service.absolute_url() + f"/@@termin-buchen?office={OFFICE}&day={tuesday.isoformat()}"
    )
    assert "1 frei" in anon_browser.contents


def test_a_slot_filled_meanwhile_is_ausgebucht_with_the_times_shown_again(
    booking_office, anon_browser
):
    _portal, department, service = booking_office
    tuesday = next_weekday(1)
    open_details(anon_browser, service, tuesday, 9)
    for name in ("Anna Arndt", "Berta Brandt"):  # capacity 2
        book(department, service.UID(), at(tuesday, 9), 15, 2, utcnow(), name, "a@example.org")
    transaction.commit()
    anon_browser.getControl("Name").value = "Bernd Bergmann"
    anon_browser.getControl("E-Mail-Adresse").value = "bernd@example.org"
    anon_browser.getControl("Termin verbindlich buchen").click()
    assert error_next_to(anon_browser.contents, "start") == (
        "Dieser Termin ist leider ausgebucht. Bitte wählen Sie eine andere Zeit."
    )
    assert f"Schritt 3 von 4: Uhrzeit am {long_date(tuesday)}" in anon_browser.contents
    assert at(tuesday, 9).isoformat() not in anon_browser.contents
    assert at(tuesday, 9, 15).isoformat() in anon_browser.contents
    assert len(booked_codes(department)) == 2


def test_missing_name_and_bad_email_are_named_next_to_the_fields(booking_office, anon_browser):
    _portal, department, service = booking_office
    open_details(anon_browser, service, next_weekday(1), 9)
    anon_browser.getControl("Name").value = "  "
    anon_browser.getControl("E-Mail-Adresse").value = "bernd@"
    anon_browser.getControl("Termin verbindlich buchen").click()
    contents = anon_browser.contents
    assert error_next_to(contents, "name") == "Bitte geben Sie Ihren Namen an."
    assert error_next_to(contents, "email") == (
        "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@example.org."
    )
    assert "Schritt 4 von 4: Ihre Angaben" in contents
    assert booked_codes(department) == []


def test_times_the_page_did_not_offer_are_refused_in_german(booking_office, anon_browser):
    _portal, department, service = booking_office
    today = berlin_today()
    cases = [
        (at(today - timedelta(days=1), 9), "day", "Dieser Zeitpunkt liegt in der Vergangenheit."),
        (at(next_weekday(5), 9), "day", "An diesem Tag ist das Amt geschlossen."),
        (
            at(next_weekday(1), 13),
            "start",
            "Zu dieser Uhrzeit gibt es keinen Termin; bitte wählen Sie eine der angebotenen Zeiten.",
        ),
        (
            at(next_weekday(1, weeks=10), 9),
            "day",
            "Termine sind höchstens 8 Wochen im Voraus buchbar.",
        ),
    ]
    for start, field, message in cases:
        contents = post_booking(anon_browser, service, start)
        assert error_next_to(contents, field) == message
        assert "Bitte bestätigen Sie" not in contents
    assert booked_codes(department) == []


def test_a_booking_without_the_authenticator_is_refused(booking_office, anon_browser):
    _portal, department, service = booking_office
    anon_browser.handleErrors = True
    anon_browser.raiseHttpErrors = False
    anon_browser.post(
        service.absolute_url() + "/@@termin-buchen",
        f"office={OFFICE}&start={at(next_weekday(1), 9).isoformat().replace('+', '%2B')}"
        "&name=Bernd&email=bernd%40example.org",
    )
    assert anon_browser.headers["status"].startswith("403")
    assert booked_codes(department) == []


def test_an_office_that_does_not_book_the_service_is_refused(booking_office, anon_browser):
    _portal, _department, service = booking_office
    anon_browser.open(service.absolute_url() + "/@@termin-buchen?office=buergerdienste-wanne")
    assert error_next_to(anon_browser.contents, "office") == (
        "Dieses Amt bietet für diese Leistung keine Termine an."
    )
    assert "Schritt 1 von 4: Amt wählen" in anon_browser.contents
