"""The counter's day list in Chromium: accessible, and on a phone each booking a labelled card."""

from datetime import datetime
from herne.portal.booking.bookings import book
from herne.portal.booking.bookings import confirm
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import utcnow
import pytest
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking import set_up_booking
import transaction


pytestmark = pytest.mark.browser

CELLS = """() => [...document.querySelectorAll('.herne-daylist-table tbody td')].map(cell => ({
    label: cell.dataset.label, width: cell.getBoundingClientRect().width,
    label_shown: getComputedStyle(cell, '::before').content}))"""


class TestDayListOnAPhone:
    @pytest.fixture(autouse=True)
    def bookings(self, site):
        office, service = set_up_booking(site)
        day = next_weekday(1)
        now = utcnow()
        for hour, name in ((9, "Maximiliane Mustermann-Schulze"), (10, "Bernd Bergmann")):
            start = datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN)
            booking, _t, _c = book(office, service.UID(), start, 15, 2, now, name, "x@example.org")
            confirm(office, booking, now)
        transaction.commit()
        self.path = f"{office.absolute_url()}/@@tagesliste?date={day.isoformat()}"

    def test_rows_are_labelled_cards_and_the_page_passes_axe(self, journey):
        clerk = journey("tagesliste-telefon")
        clerk.login("sachbearbeitung", "demo-sachbearbeitung-2026")
        page = clerk.goto(self.path)
        assert "Maximiliane Mustermann-Schulze" in page.inner_text(".herne-daylist-table")
        clerk.check("Tagesliste")
        for width in (320, 375):
            assert clerk.overflowing(width) == [], width
            cells = page.evaluate(CELLS)
            assert len(cells) == 14, cells
            for cell in cells:
                assert cell["label"] in cell["label_shown"], (width, cell)
                assert cell["width"] >= 200, (width, cell)
        clerk.goto(self.path.replace("@@tagesliste", "@@tagesliste-drucken"))
        assert clerk.violations() == []
