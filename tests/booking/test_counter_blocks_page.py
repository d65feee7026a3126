"""The page "Schalter sperren": a clerk blocks counters, sees what was cancelled, lifts the block; bad input refused."""

from datetime import timedelta
from herne.portal.booking.blocks import list_blocks
from herne.portal.booking.slots import BERLIN
from herne.portal.booking.storage import utcnow
import pytest
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking_mail import at
from tests.fixtures.booking_mail import book_over_rest
from tests.fixtures.browsers import demo_password
import transaction
from urllib.parse import urlencode


CLERK = "sachbearbeitung"  # Bürgerdienste Herne-Mitte


def page_url(office):
    return f"{office.absolute_url()}/@@schalter-sperren"


def local(moment):
    return moment.astimezone(BERLIN).strftime("%Y-%m-%dT%H:%M")


def fill(browser, office, start, end, counters, reason="Grippewelle"):
    browser.open(page_url(office))
    browser.getControl(name="start").value = start
    browser.getControl(name="end").value = end
    browser.getControl(name="counters").value = counters
    browser.getControl(name="reason").value = reason
    browser.getControl("Schalter sperren").click()


def stored(office):
    transaction.begin()
    return list_blocks(office)


def test_the_clerk_blocks_a_counter_sees_the_cancelled_bookings_and_lifts_the_block(
    booking_office, browser_as, api_session
):
    _portal, office, service = booking_office
    day = next_weekday(1)
    booked = [
        book_over_rest(
            api_session(), service, at(day, 9), email=f"{name[:4].lower()}@example.org", name=name
        )
        for name in ("Anna Arndt", "Berta Brandt")
    ]
    browser = browser_as(CLERK, demo_password(CLERK))
    fill(browser, office, local(at(day, 9)), local(at(day, 10)), "1")
    assert "Abgesagte Termine: 1, davon per E-Mail benachrichtigt: 1." in browser.contents
    assert f"Code {booked[1]['code']}" in browser.contents  # the latest made, with its time
    assert booked[0]["code"] not in browser.contents
    assert "Berta Brandt" not in browser.contents  # no names: the editors may block too
    assert "Grippewelle" in browser.contents
    (block,) = stored(office)
    assert block["counters"] == 1 and block["cancelled"] == 1
    browser.getControl("Sperre aufheben").click()
    assert "Die Sperre ist aufgehoben" in browser.contents
    assert "Keine Sperren eingetragen." in browser.contents
    assert stored(office) == []


def test_the_office_is_closed_with_alle(booking_office, browser_as):
    _portal, office, _service = booking_office
    day = next_weekday(2)
    browser = browser_as(CLERK, demo_password(CLERK))
    fill(browser, office, local(at(day, 8)), local(at(day, 12)), "alle")
    assert "alle (geschlossen)" in browser.contents
    assert stored(office)[0]["counters"] is None


def _in_an_hour():
    return utcnow() + timedelta(hours=1)


@pytest.mark.parametrize(
    ("field", "start", "end", "counters", "message"),
    [
        (
            "end",
            lambda: _in_an_hour(),
            lambda: _in_an_hour() - timedelta(hours=2),
            "1",
            "Das Ende muss nach dem Beginn liegen.",
        ),
        (
            "start",
            lambda: utcnow() - timedelta(days=1),
            lambda: _in_an_hour(),
            "1",
            "Der Beginn liegt in der Vergangenheit.",
        ),
        (
            "counters",
            lambda: _in_an_hour(),
            lambda: _in_an_hour() + timedelta(hours=1),
            "3",
            "Das Amt hat nur 2 Schalter.",
        ),
        (
            "counters",
            lambda: _in_an_hour(),
            lambda: _in_an_hour() + timedelta(hours=1),
            "zwei",
            "Bitte geben Sie an, wie viele Schalter gesperrt werden (1 bis 2) oder „alle“.",
        ),
        (
            "start",
            lambda: None,
            lambda: _in_an_hour(),
            "1",
            "Bitte geben Sie den Beginn mit Datum und Uhrzeit an",
        ),
    ],
    ids=[
        "end-before-start",
        "past",
        "more-counters-than-the-office-has",
        "not-a-number",
        "no-start",
    ],
)
def test_bad_input_is_refused_by_its_field_and_nothing_is_stored(
    booking_office, browser_as, field, start, end, counters, message
):
    _portal, office, _service = booking_office
    browser = browser_as(CLERK, demo_password(CLERK))
    fill(browser, office, local(start()) if start() else "", local(end()), counters)
    assert message in browser.contents
    assert f'id="herne-block-{field}-error"' in browser.contents
    assert 'aria-invalid="true"' in browser.contents
    assert browser.getControl(name="counters").value == counters  # kept for correcting
    assert stored(office) == []


def test_a_post_without_the_form_token_stores_nothing(booking_office, browser_as):
    _portal, office, _service = booking_office
    browser = browser_as(CLERK, demo_password(CLERK))
    data = {
        "start": local(_in_an_hour()),
        "end": local(_in_an_hour() + timedelta(hours=1)),
        "counters": "1",
        "action": "sperren",
    }
    browser.post(page_url(office), urlencode(data))
    assert "Das Formular ist abgelaufen" in browser.contents
    data["_authenticator"] = "gefaelscht"
    browser.post(page_url(office), urlencode(data))
    assert "Das Formular ist abgelaufen" in browser.contents
    assert stored(office) == []


def test_lifting_an_unknown_block_says_so(booking_office, browser_as):
    _portal, office, _service = booking_office
    browser = browser_as(CLERK, demo_password(CLERK))
    browser.open(page_url(office))
    token = browser.getControl(name="_authenticator", index=0).value
    browser.post(
        page_url(office),
        urlencode({"_authenticator": token, "action": "aufheben", "block": "gibt-es-nicht"}),
    )
    assert "Diese Sperre gibt es nicht (mehr)." in browser.contents


@pytest.mark.parametrize(
    ("username", "shown"),
    [
        ("sachbearbeitung", True),
        ("redaktion", True),
        ("sachbearbeitung-wanne", False),
        ("buerger", False),
        (None, False),
    ],
)
def test_the_office_page_links_schalter_sperren_for_those_who_may_block(
    booking_office, demo_functional, username, shown
):
    from tests.fixtures.browsers import make_browser

    _portal, office, _service = booking_office
    browser = make_browser(
        demo_functional["app"], username, demo_password(username) if username else None
    )
    browser.open(office.absolute_url())
    assert (page_url(office) in browser.contents) is shown
