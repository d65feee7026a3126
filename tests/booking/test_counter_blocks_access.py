"""Only the office's clerks and the department's editors block its counters, on the page and over REST."""

from datetime import timedelta
from herne.portal.booking.blocks import list_blocks
from herne.portal.booking.storage import utcnow
from plone import api
import pytest
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking_mail import at
from tests.fixtures.browsers import demo_password
from tests.fixtures.browsers import make_browser
import transaction


NOWHERE_EDITOR = ("redaktion-nirgends", "Redaktion-nirgends-2026!")
OUTSIDERS = ["sachbearbeitung-wanne", "buerger", "editor-of-nothing", None]
OUTSIDER_IDS = ["other-office-clerk", "citizen", "editor-of-nothing", "anonymous"]


@pytest.fixture()
def login(booking_office):
    """User name → (user name, password); "editor-of-nothing" edits the services, no department."""
    portal, _office, _service = booking_office
    api.user.create(
        email="nirgends@example.org", username=NOWHERE_EDITOR[0], password=NOWHERE_EDITOR[1]
    )
    api.user.grant_roles(username=NOWHERE_EDITOR[0], obj=portal["leistungen"], roles=["Editor"])
    transaction.commit()

    def credentials(username):
        if username is None:
            return (None, None)
        if username == "editor-of-nothing":
            return NOWHERE_EDITOR
        return (username, demo_password(username))

    return credentials


def block_request(day):
    return {
        "start": at(day, 9).isoformat(),
        "end": at(day, 10).isoformat(),
        "counters": 1,
        "reason": "krank",
    }


def stored(office):
    transaction.begin()
    return list_blocks(office)


def url(office):
    return f"{office.absolute_url()}/@schaltersperren"


@pytest.mark.parametrize("username", OUTSIDERS, ids=OUTSIDER_IDS)
def test_outsiders_can_neither_list_nor_create_nor_lift_blocks_over_rest(
    booking_office, api_session, login, username
):
    _portal, office, _service = booking_office
    day = next_weekday(1)
    clerk = api_session("sachbearbeitung", demo_password("sachbearbeitung"))
    existing = clerk.post(url(office), json={**block_request(day), "reason": "Geheimgrund"}).json()
    session = api_session(*login(username))
    expected = 401 if username is None else 403
    listing = session.get(url(office))
    assert listing.status_code == expected
    assert "Geheimgrund" not in listing.text
    assert listing.json()["error"]["message"]
    assert session.post(url(office), json=block_request(day)).status_code == expected
    assert session.delete(existing["@id"]).status_code == expected
    assert [block["reason"] for block in stored(office)] == ["Geheimgrund"]


@pytest.mark.parametrize("username", OUTSIDERS, ids=OUTSIDER_IDS)
def test_outsiders_get_no_page_and_their_posts_store_nothing(
    booking_office, demo_functional, login, username
):
    _portal, office, _service = booking_office
    browser = make_browser(demo_functional["app"], *login(username))
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.open(f"{office.absolute_url()}/@@schalter-sperren")
    assert (
        "/login" in browser.url
        or "insufficient-privileges" in browser.url
        or "Unzureichende Berechtigungen" in browser.contents
    )
    assert "Schalter sperren:" not in browser.contents
    start = (utcnow() + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    browser.post(
        f"{office.absolute_url()}/@@schalter-sperren",
        f"start={start}&end=2099-01-01T10:00&counters=1&action=sperren",
    )
    assert stored(office) == []


def test_the_other_offices_clerk_blocks_her_own_office_only(booking_office, api_session):
    portal, office, _service = booking_office
    wanne = api.content.find(context=portal, portal_type="Department", id="buergerdienste-wanne")[
        0
    ].getObject()
    session = api_session("sachbearbeitung-wanne", demo_password("sachbearbeitung-wanne"))
    day = next_weekday(1)
    assert session.post(url(wanne), json=block_request(day)).status_code == 201
    assert session.post(url(office), json=block_request(day)).status_code == 403
    assert stored(office) == []


def test_the_sites_editor_may_block_the_counters_of_a_department(booking_office, api_session):
    _portal, office, _service = booking_office
    session = api_session("redaktion", demo_password("redaktion"))
    response = session.post(url(office), json=block_request(next_weekday(1)))
    assert response.status_code == 201, response.text
    assert len(stored(office)) == 1


def test_bad_input_over_rest_gets_german_messages_per_field_and_stores_nothing(
    booking_office, api_session
):
    _portal, office, _service = booking_office
    session = api_session("sachbearbeitung", demo_password("sachbearbeitung"))
    day = next_weekday(1)
    response = session.post(
        url(office),
        json={
            "start": at(day, 10).isoformat(),
            "end": at(day, 9).isoformat(),
            "counters": 7,
            "reason": 5,
        },
    )
    assert response.status_code == 400
    errors = {error["field"]: error["message"] for error in response.json()["error"]["errors"]}
    assert errors == {
        "end": "Das Ende muss nach dem Beginn liegen.",
        "counters": "Das Amt hat nur 2 Schalter.",
        "reason": "Der Grund ist zu lang (höchstens 500 Zeichen).",
    }
    response = session.post(url(office), json={"start": "gestern", "counters": "alle"})
    errors = {error["field"] for error in response.json()["error"]["errors"]}
    assert errors == {"start", "end"}
    past = session.post(
        url(office),
        json={"start": "2020-01-01T08:00", "end": "2020-01-01T09:00", "counters": 1},
    )
    assert past.json()["error"]["errors"] == [
        {"field": "start", "message": "Der Beginn liegt in der Vergangenheit."}
    ]
    assert stored(office) == []


def test_a_form_post_of_another_site_is_refused(booking_office, api_session):
    """A cross-site HTML form can send text/plain but not JSON; that is what the service relies on."""
    _portal, office, _service = booking_office
    session = api_session("sachbearbeitung", demo_password("sachbearbeitung"))
    day = next_weekday(1)
    response = session.post(
        url(office),
        data=f'{{"start": "{at(day, 9).isoformat()}", "end": "{at(day, 10).isoformat()}", "counters": 1}}',
        headers={"Content-Type": "text/plain"},
    )
    assert response.status_code == 415
    assert "JSON" in response.json()["error"]["message"]
    assert stored(office) == []
