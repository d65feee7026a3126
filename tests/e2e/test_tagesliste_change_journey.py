"""A clerk moves and cancels callers' bookings from the Tagesliste in Chromium, by keyboard, with the pages passing axe."""

from datetime import datetime
from datetime import timedelta
from herne.portal.booking.bookings import book
from herne.portal.booking.bookings import confirm
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import utcnow
import pytest
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking import set_up_booking
import transaction


pytestmark = pytest.mark.browser


class TestChangingBookingsAtTheCounter:
    @pytest.fixture(autouse=True)
    def bookings(self, site):
        office, service = set_up_booking(site)
        self.day = next_weekday(1)
        now = utcnow()
        for hour, name in ((9, "Maximiliane Mustermann-Schulze"), (10, "Bernd Bergmann")):
            start = datetime(self.day.year, self.day.month, self.day.day, hour, tzinfo=BERLIN)
            booking, _t, _c = book(office, service.UID(), start, 15, 2, now, name, "")
            confirm(office, booking, now)
        transaction.commit()
        self.path = f"{office.absolute_url()}/@@tagesliste?date={self.day.isoformat()}"

    def test_move_and_cancel_by_keyboard(self, journey):
        clerk = journey("tagesliste-aendern")
        clerk.login("sachbearbeitung", "demo-sachbearbeitung-2026")
        page = clerk.goto(self.path)

        page.locator("#termin-" + self.code(page, 0)).get_by_role(
            "button", name="Verschieben"
        ).focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "Termin verschieben" in page.inner_text("h1")
        clerk.check("Termin verschieben")
        later = self.day + timedelta(days=1)
        page.get_by_label("Neuer Tag").fill(later.isoformat())
        with page.expect_navigation():
            page.get_by_label("Neuer Tag").press("Enter")
        page.get_by_label("Neue Uhrzeit").select_option(
            datetime(later.year, later.month, later.day, 11, tzinfo=BERLIN).isoformat()
        )
        page.get_by_role("button", name="Verschieben bestätigen").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "ist verschoben auf" in page.inner_text("[role=status]")
        clerk.check("Verschoben")

        page.locator("#termin-" + self.code(page, 1)).get_by_role("button", name="Absagen").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "Soll dieser Termin wirklich abgesagt werden?" in page.inner_text("main")
        clerk.check("Termin absagen")
        page.get_by_role("button", name="Termin absagen").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "Bernd Bergmann ist abgesagt" in page.inner_text("[role=status]")
        clerk.check("Abgesagt")

    @staticmethod
    def code(page, index):
        return page.locator(".herne-daylist-table tbody tr code").nth(index).inner_text()
