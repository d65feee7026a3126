"""The page Schalter sperren in Chromium: filled in with the keyboard, accessible, on a phone without sideways scrolling."""

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


class TestSchalterSperren:
    @pytest.fixture(autouse=True)
    def office(self, site):
        self.office, self.service = set_up_booking(site)
        self.path = f"{self.office.absolute_url()}/@@schalter-sperren"

    def book_two(self, day):
        now = utcnow()
        start = datetime(day.year, day.month, day.day, 9, tzinfo=BERLIN)
        for name in ("Maximiliane Mustermann-Schulze", "Bernd Bergmann"):
            booking, _t, _c = book(
                self.office, self.service.UID(), start, 15, 2, now, name, "x@example.org"
            )
            confirm(self.office, booking, now)
        transaction.commit()

    def test_a_clerk_blocks_a_counter_with_the_keyboard(self, journey):
        self.book_two(next_weekday(1))
        clerk = journey("schalter-sperren")
        clerk.login("sachbearbeitung", "demo-sachbearbeitung-2026")
        page = clerk.goto(self.path)
        clerk.check("Schalter sperren")
        day = next_weekday(1).isoformat()
        page.get_by_label("Von (Datum und Uhrzeit)").fill(f"{day}T09:00")
        page.get_by_label("Bis (Datum und Uhrzeit)").fill(f"{day}T10:00")
        page.get_by_label("Wie viele Schalter").fill("1")
        page.get_by_label("Grund (nur intern sichtbar)").fill("krank")
        with page.expect_navigation():
            page.keyboard.press("Enter")  # submits with the form's first button, Schalter sperren
        assert "Abgesagte Termine: 1, davon per E-Mail benachrichtigt: 1." in page.inner_text(
            "#content"
        )
        assert "krank" in page.inner_text(".herne-blocks-table")
        clerk.check("Sperre eingetragen")
        page.get_by_role("button", name="Sperre aufheben").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "Keine Sperren eingetragen." in page.inner_text("#content")

    def test_bad_input_is_announced_by_its_field(self, journey):
        clerk = journey("schalter-sperren-fehler")
        clerk.login("sachbearbeitung", "demo-sachbearbeitung-2026")
        page = clerk.goto(self.path)
        day = next_weekday(2).isoformat()
        page.get_by_label("Von (Datum und Uhrzeit)").fill(f"{day}T10:00")
        page.get_by_label("Bis (Datum und Uhrzeit)").fill(f"{day}T09:00")
        page.get_by_label("Wie viele Schalter").fill("9")
        with page.expect_navigation():
            page.get_by_role("button", name="Schalter sperren").click()
        end = page.get_by_label("Bis (Datum und Uhrzeit)")
        assert end.get_attribute("aria-invalid") == "true"
        assert page.inner_text("#herne-block-end-error") == "Das Ende muss nach dem Beginn liegen."
        assert page.inner_text("#herne-block-counters-error") == "Das Amt hat nur 2 Schalter."
        clerk.check("Schalter sperren mit Fehlern")
