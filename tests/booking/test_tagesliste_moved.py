"""A moved booking's old row in the Tagesliste says where it went: page, print view and REST."""

from herne.portal.booking.bookings import book
from herne.portal.booking.bookings import confirm
from herne.portal.booking.move import move
from herne.portal.booking.storage import utcnow
import lxml.html
import pytest
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking_mail import at
from tests.fixtures.browsers import demo_password
import transaction


CLERK = "sachbearbeitung"  # Bürgerdienste Herne-Mitte


def moved(office, service, start, new_start):
    """A confirmed booking at ``start`` moved to ``new_start``: (old code, new code). Committed."""
    now = utcnow()
    booking, _token, _confirm = book(
        office, service.UID(), start, 15, 2, now, "Bernd Bergmann", "bernd@example.org"
    )
    booking = confirm(office, booking, now)
    new, _token, _confirm = move(office, booking, new_start, 2, now)
    transaction.commit()
    return booking["code"], new["code"]


def state_cell(browser, code):
    page = lxml.html.fromstring(browser.contents)
    (cell,) = page.xpath(f'//tr[@id="termin-{code}"]/td[contains(@class, "herne-daylist-state")]')
    return cell.text_content().strip()


@pytest.mark.parametrize("view", ["tagesliste", "tagesliste-drucken"])
def test_the_old_row_says_moved_to_the_new_time_on_the_same_day(booking_office, browser_as, view):
    _portal, office, service = booking_office
    day = next_weekday(1)
    old, new = moved(office, service, at(day, 9), at(day, 10, 30))
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(f"{office.absolute_url()}/@@{view}?date={day.isoformat()}")
    assert state_cell(browser, old) == f"verschoben auf 10:30 Uhr (Code {new})"
    assert state_cell(browser, new) == "bestätigt"


def test_the_old_row_names_the_new_day_when_moved_to_another_day(booking_office, browser_as):
    _portal, office, service = booking_office
    day, other_day = next_weekday(1), next_weekday(3)
    old, new = moved(office, service, at(day, 9), at(other_day, 11))
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(f"{office.absolute_url()}/@@tagesliste?date={day.isoformat()}")
    assert state_cell(browser, old) == (
        f"verschoben auf {other_day.strftime('%d.%m.%Y')}, 11:00 Uhr (Code {new})"
    )


def test_rest_day_list_keeps_the_state_and_adds_where_it_moved(booking_office, api_session):
    _portal, office, service = booking_office
    day = next_weekday(1)
    old, new = moved(office, service, at(day, 9), at(day, 10, 30))
    response = api_session(CLERK, demo_password(CLERK)).get(
        "@tagesliste", params={"office": OFFICE, "date": day.isoformat()}
    )
    assert response.status_code == 200, response.text
    items = {item["code"]: item for item in response.json()["items"]}
    assert items[old]["state"] == "storniert"
    assert items[old]["state_title"] == f"verschoben auf 10:30 Uhr (Code {new})"
    assert items[old]["moved_to"] == {"code": new, "start": at(day, 10, 30).isoformat()}
    assert items[new]["moved_to"] is None
