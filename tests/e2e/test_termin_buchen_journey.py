"""A citizen books a visit for the identity card with the keyboard alone, without an account."""

from email import message_from_bytes
from email import policy
from playwright.sync_api import expect
import pytest
import re
from tests.fixtures.mail import wait_for


pytestmark = pytest.mark.browser

#: WCAG 1.4.10: the journey works at 320 CSS px without scrolling sideways.
NARROW = {"width": 320, "height": 800}
FULL_DATE = re.compile(r"^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag), \d{1,2}\. \w+ \d{4}$")


def tab_to(page, condition, limit=200):
    """Press Tab until ``condition`` (JavaScript on ``el``, the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({condition}); }}"):
            return
    pytest.fail(f"Tab never reached an element where {condition}")


def press_on(page, key, condition):
    tab_to(page, condition)
    page.keyboard.press(key)
    page.wait_for_load_state()


class TestBookAVisit:
    def test_identity_card_booked_by_keyboard(self, journey):
        person = journey("termin-buchen")
        page = person.goto("leistungen/personalausweis")
        person.check("Leistung mit Termin buchen")
        page.locator("body").focus()
        press_on(page, "Enter", "el.textContent.trim() === 'Termin buchen'")

        expect(page.get_by_role("group", name="Schritt 1 von 4: Amt wählen")).to_be_visible()
        person.check("Amt wählen")
        page.locator("body").focus()
        tab_to(page, "el.name === 'office'")
        page.keyboard.press("ArrowDown")  # the second office: Wanne
        office = page.evaluate("() => document.activeElement.labels[0].textContent.trim()")
        press_on(page, "Enter", "el.textContent.trim() === 'Weiter'")

        expect(page.get_by_role("group", name="Schritt 2 von 4: Tag wählen")).to_be_visible()
        expect(page.locator("main")).to_contain_text(office)
        days = page.locator("button[name=day]")
        expect(days.first).to_have_accessible_name(FULL_DATE)
        first_day = days.first.inner_text()
        person.check("Tag wählen")
        page.locator("body").focus()
        press_on(page, "Enter", "el.name === 'day'")

        times = page.get_by_role("group", name=re.compile("Schritt 3 von 4: Uhrzeit am"))
        expect(times).to_contain_text(first_day)
        expect(times).to_contain_text(re.compile(r"\d+ frei"))
        person.check("Uhrzeit wählen")
        page.locator("body").focus()
        tab_to(page, "el.name === 'start'")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")
        chosen = page.evaluate("() => document.activeElement.labels[0].textContent")
        chosen = re.search(r"\d\d:\d\d", chosen).group(0)
        press_on(page, "Enter", "el.textContent.trim() === 'Weiter'")

        expect(page.get_by_role("group", name="Schritt 4 von 4: Ihre Angaben")).to_be_visible()
        expect(page.locator("main")).to_contain_text(chosen)
        person.check("Ihre Angaben")
        page.locator("body").focus()
        tab_to(page, "el.id === 'herne-booking-name'")
        page.keyboard.type("Bernd Bergmann")
        page.keyboard.press("Tab")
        page.keyboard.type("bernd@example.org")
        press_on(page, "Enter", "el.textContent.trim() === 'Termin verbindlich buchen'")

        expect(page.get_by_role("status")).to_contain_text(
            "Bitte bestätigen Sie Ihren Termin über den Link in der E-Mail (innerhalb von 30 Minuten)."
        )
        expect(page.locator(".herne-booking-code")).to_have_text(re.compile(r"^[A-Z2-7]{8}$"))
        expect(page.locator("main")).to_contain_text(f"{first_day}, {chosen} Uhr")
        person.check("Termin vorgemerkt")


def confirm_link(messages):
    """The confirm link of the confirmation mail."""
    wait_for(messages, 1)
    message = message_from_bytes(messages[-1].content, policy=policy.default)
    text = message.get_body(("plain",)).get_content()
    (link,) = [word for word in text.split() if "@@termin-bestaetigen?" in word]
    return link


class TestBookAVisitOnAPhone:
    def test_booked_and_confirmed_by_keyboard_at_320_px(self, journey, sent_mail):
        """The whole journey at 320 px: office, day, time, name and e-mail, then the mail's confirm link.

        ``check`` looks at each step at desktop width and at 320 px (axe, reflow); the
        keyboard works at 320 px throughout.
        """
        person = journey("termin-buchen-320")
        page = person.goto("leistungen/personalausweis")
        page.set_viewport_size(NARROW)
        page.locator("body").focus()
        press_on(page, "Enter", "el.textContent.trim() === 'Termin buchen'")

        expect(page.get_by_role("group", name="Schritt 1 von 4: Amt wählen")).to_be_visible()
        person.check("Amt wählen")
        page.set_viewport_size(NARROW)
        page.locator("body").focus()
        tab_to(page, "el.name === 'office'")
        office = page.evaluate("() => document.activeElement.labels[0].textContent.trim()")
        page.keyboard.press("Space")
        press_on(page, "Enter", "el.textContent.trim() === 'Weiter'")

        expect(page.get_by_role("group", name="Schritt 2 von 4: Tag wählen")).to_be_visible()
        expect(page.locator("main")).to_contain_text(office)
        person.check("Tag wählen")
        page.set_viewport_size(NARROW)
        page.locator("body").focus()
        tab_to(page, "el.name === 'day'")
        page.keyboard.press("Tab")  # the second day offered
        chosen_day = page.evaluate("() => document.activeElement.textContent.trim()")
        page.keyboard.press("Enter")
        page.wait_for_load_state()

        times = page.get_by_role("group", name=re.compile("Schritt 3 von 4: Uhrzeit am"))
        expect(times).to_contain_text(chosen_day)
        person.check("Uhrzeit wählen")
        page.set_viewport_size(NARROW)
        page.locator("body").focus()
        tab_to(page, "el.name === 'start'")
        page.keyboard.press("Space")
        chosen = page.evaluate("() => document.activeElement.labels[0].textContent")
        chosen = re.search(r"\d\d:\d\d", chosen).group(0)
        press_on(page, "Enter", "el.textContent.trim() === 'Weiter'")

        expect(page.get_by_role("group", name="Schritt 4 von 4: Ihre Angaben")).to_be_visible()
        person.check("Ihre Angaben")
        page.set_viewport_size(NARROW)
        page.locator("body").focus()
        tab_to(page, "el.id === 'herne-booking-name'")
        page.keyboard.type("Hatice Aydın")
        page.keyboard.press("Tab")
        page.keyboard.type("hatice@example.org")
        press_on(page, "Enter", "el.textContent.trim() === 'Termin verbindlich buchen'")

        expect(page.get_by_role("status")).to_contain_text("Bitte bestätigen Sie Ihren Termin")
        expect(page.locator("main")).to_contain_text(f"{chosen_day}, {chosen} Uhr")
        person.check("Termin vorgemerkt")

        page = person.goto(confirm_link(sent_mail))
        page.set_viewport_size(NARROW)
        expect(page.get_by_role("heading", name="Termin bestätigen")).to_be_visible()
        expect(page.locator("main")).to_contain_text(chosen)
        person.check("Termin bestätigen")
        page.set_viewport_size(NARROW)
        page.locator("body").focus()
        press_on(page, "Enter", "el.textContent.trim() === 'Termin bestätigen'")

        expect(page.get_by_role("status")).to_contain_text("Ihr Termin ist bestätigt.")
        person.check("Termin bestätigt")
