"""The application page offers "Termin buchen" while a visit is needed, books it for the applicant only, shows it."""

from herne.portal.booking.storage import office_bookings
import lxml.html
import pytest
from tests.booking.test_termin_buchen_page import long_date
from tests.fixtures.applications import bring_to
from tests.fixtures.applications import draft_application
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking_mail import at
import transaction


def _application(portal, office, state):
    application = draft_application(portal, service="fuehrungszeugnis")
    application.originals = [{"name": "Ehrenamtsnachweis", "shown_at": None, "checked_by": None}]
    bring_to(application, state)
    application.department_uid = office.UID()  # handed over to the booking office
    transaction.commit()
    return application


def _booking_links(browser):
    """The targets of the links "Termin buchen" on the page."""
    page = lxml.html.fromstring(browser.contents)
    return page.xpath('//a[normalize-space()="Termin buchen"]/@href')


def _codes(office):
    transaction.abort()
    tree = office_bookings(office)
    return {b["code"] for slot in (tree.values() if tree else []) for b in slot.bookings}


@pytest.mark.parametrize(
    "state, offered",
    [
        ("submitted", False),
        ("in_progress", False),
        ("originals_pending", True),
        ("ready_for_pickup", True),
        ("picked_up", False),
    ],
)
def test_termin_buchen_only_while_a_visit_is_needed(booking_office, citizen, state, offered):
    portal, office, _service = booking_office
    application = _application(portal, office, state)
    browser = citizen()
    browser.open(application.absolute_url())
    links = _booking_links(browser)
    assert bool(links) is offered
    if offered:
        assert f"office={office.getId()}" in links[0]
        assert f"application={application.UID()}" in links[0]


def test_the_applicant_books_on_the_page_and_sees_the_time_and_can_cancel(booking_office, citizen):
    portal, office, _service = booking_office
    application = _application(portal, office, "ready_for_pickup")
    browser = citizen()
    browser.open(application.absolute_url())
    browser.getLink("Termin buchen").click()
    day = next_weekday(1)
    browser.getControl(long_date(day)).click()
    browser.getControl(name="start").value = [at(day, 9, 5).isoformat()]  # 5-minute grid
    browser.getControl("Weiter").click()
    assert browser.getControl("Name").value  # prefilled from the account
    assert "@" in browser.getControl("E-Mail-Adresse").value
    browser.getControl("Termin verbindlich buchen").click()
    (code,) = _codes(office)

    browser.open(application.absolute_url())
    assert f"Ihr Termin: {day.strftime('%d.%m.%Y')} um 09:05 Uhr (Buchungscode {code})" in (
        browser.contents
    )
    assert _booking_links(browser) == []
    browser.getControl("Termin absagen").click()
    assert "Ihr Termin wurde abgesagt." in browser.contents
    assert browser.getLink("Termin buchen")


def test_another_citizen_cannot_book_for_the_application_on_the_page(booking_office, citizen):
    portal, office, service = booking_office
    application = _application(portal, office, "ready_for_pickup")
    browser = citizen("buergerin")
    browser.raiseHttpErrors = False
    page = portal["leistungen"]["fuehrungszeugnis"].absolute_url() + "/@@termin-buchen"
    browser.open(f"{page}?office={office.getId()}&application={application.UID()}")
    assert browser.headers["status"].startswith("403")
    assert (
        "Für diesen Antrag kann nur die Antragstellerin oder der Antragsteller einen Termin buchen."
        in browser.contents
    )
    day = next_weekday(1)
    browser.open(
        f"{page}?office={office.getId()}&application={application.UID()}&day={day.isoformat()}"
    )
    assert browser.headers["status"].startswith("403")
    assert "herne-time-" not in browser.contents
    assert _codes(office) == set()


def test_the_postkorb_offers_termin_buchen_until_the_visit_is_booked(booking_office, citizen):
    portal, office, _service = booking_office
    waiting = _application(portal, office, "in_progress")
    pickup = _application(portal, office, "ready_for_pickup")
    browser = citizen()
    browser.open(f"{portal.absolute_url()}/@@postkorb")
    (link,) = _booking_links(browser)
    assert f"application={pickup.UID()}" in link
    assert waiting.UID() not in browser.contents

    browser.open(link)
    day = next_weekday(2)
    browser.getControl(long_date(day)).click()
    browser.getControl(name="start").value = [at(day, 10).isoformat()]
    browser.getControl("Weiter").click()
    browser.getControl("Termin verbindlich buchen").click()
    browser.open(f"{portal.absolute_url()}/@@postkorb")
    assert _booking_links(browser) == []
