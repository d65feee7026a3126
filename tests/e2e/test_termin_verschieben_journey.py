"""A citizen moves a booking from the mail's link with the keyboard alone, then shows its QR code."""

from datetime import date
from datetime import timedelta
from email import message_from_bytes
from email import policy
from playwright.sync_api import expect
import pytest
import re
import requests
from tests.fixtures.mail import wait_for


pytestmark = pytest.mark.browser

OFFICE = "buergerdienste-wanne"


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


def book_first_free_time(portal):
    """POST @termine for the Personalausweis at Wanne, as a REST client would; the JSON answer."""
    rest = requests.Session()
    rest.headers.update({"Accept": "application/json"})
    base = portal.absolute_url()
    service = rest.get(f"{base}/leistungen/personalausweis").json()["UID"]
    today = date.today()
    free = rest.get(
        f"{base}/@termine",
        params={
            "office": OFFICE,
            "service": service,
            "start": today.isoformat(),
            "end": (today + timedelta(days=20)).isoformat(),
        },
    ).json()["items"]
    answer = rest.post(
        f"{base}/@termine",
        json={
            "office": OFFICE,
            "service": service,
            "start": free[0]["start"],
            "name": "Bernd Bergmann",
            "email": "bernd@example.org",
        },
    )
    assert answer.status_code == 201, answer.text
    return answer.json()


def move_link(messages):
    wait_for(messages, 1)
    message = message_from_bytes(messages[-1].content, policy=policy.default)
    text = message.get_body(("plain",)).get_content()
    (link,) = [word for word in text.split() if "@@termin-verschieben?" in word]
    return link


class TestMoveAVisit:
    def test_moved_by_keyboard_and_shown_with_its_qr_code(self, journey, site, sent_mail):
        booked = book_first_free_time(site)
        person = journey("termin-verschieben")
        page = person.goto(move_link(sent_mail))

        expect(page.get_by_role("group", name="Schritt 1 von 3: neuen Tag wählen")).to_be_visible()
        expect(page.locator("main")).to_contain_text("Bisheriger Termin")
        person.check("Neuen Tag wählen")
        page.locator("body").focus()
        tab_to(page, "el.name === 'day'")
        page.keyboard.press("Tab")  # the second day offered
        chosen_day = page.evaluate("() => document.activeElement.textContent.trim()")
        page.keyboard.press("Enter")
        page.wait_for_load_state()

        times = page.get_by_role("group", name=re.compile("Schritt 2 von 3: neue Uhrzeit am"))
        expect(times).to_contain_text(chosen_day)
        person.check("Neue Uhrzeit wählen")
        page.locator("body").focus()
        tab_to(page, "el.name === 'start'")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")
        chosen = page.evaluate("() => document.activeElement.labels[0].textContent")
        chosen = re.search(r"\d\d:\d\d", chosen).group(0)
        press_on(page, "Enter", "el.textContent.trim() === 'Weiter'")

        expect(
            page.get_by_role("heading", name="Schritt 3 von 3: Verschieben bestätigen")
        ).to_be_visible()
        expect(page.locator("main")).to_contain_text(f"{chosen_day}, {chosen} Uhr")
        person.check("Verschieben bestätigen")
        page.locator("body").focus()
        press_on(page, "Enter", "el.textContent.trim() === 'Termin verschieben'")

        expect(page.get_by_role("status")).to_contain_text("Der bisherige Link gilt nicht mehr.")
        code = page.locator(".herne-booking-code")
        expect(code).to_have_text(re.compile(r"^[A-Z2-7]{8}$"))
        expect(code).not_to_have_text(booked["code"])
        person.check("Termin verschoben")
        page.locator("body").focus()
        press_on(page, "Enter", "el.textContent.trim() === 'Termin mit QR-Code anzeigen'")

        expect(page.get_by_role("heading", name="Ihr Termin")).to_be_visible()
        image = page.get_by_role("img", name=re.compile("QR-Code des Buchungscodes"))
        expect(image).to_be_visible()
        page.wait_for_function(  # the QR image loads (same token as the page)
            "() => { const img = document.querySelector('.herne-booking-qr img');"
            " return img.complete && img.naturalWidth > 0; }",
            timeout=10000,
        )
        person.check("Termin anzeigen")
