"""Answers of the REST endpoints not checked elsewhere, each from the caller who gets it, match docs/openapi.yaml."""

from datetime import datetime
from datetime import timedelta
from herne.portal.applications.letters import add_letter
from herne.portal.booking.bookings import book
from herne.portal.booking.storage import utcnow
from herne.portal.outbox.storage import enqueue
from herne.portal.outbox.storage import get_outbox
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import OTHER_CITIZEN
from tests.fixtures.applications import build_application
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import next_weekday
from tests.fixtures.booking import office
from tests.fixtures.booking import pickup_application
from tests.fixtures.eid import configure_eid
from tests.fixtures.payment import configure_payment
from tests.fixtures.rest import DOG_TAX
from tests.fixtures.rest import relative
import transaction
from zoneinfo import ZoneInfo


MANAGER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
ANONYMOUS = ()
PLAIN = {"data": "kein JSON", "headers": {"Content-Type": "text/plain"}}

#: (caller, method, path, request, status); {app} is the demo citizen's certificate application.
ANSWERS = [
    (CITIZEN, "post", "@antrag-zuordnen", PLAIN, 415),
    (CITIZEN, "get", "{form}/@antragsformular", {"params": {"fuer_andere": "1"}}, 403),
    (CITIZEN, "post", "{form}/@antragsformular", {"json": {"values": DOG_TAX, "amount": "9"}}, 409),
    (ANONYMOUS, "get", "@leistungssuche", {"params": {"SearchableText": "*"}}, 400),
    (MANAGER, "patch", "{app}", {"json": {"title": 5}}, 400),
    (MANAGER, "patch", "{app}", {"data": "{kein JSON"}, 400),
    (CITIZEN, "post", "@aufbewahrung", {"json": {}}, 401),
    (MANAGER, "post", "@aufbewahrung", PLAIN, 415),
    (CITIZEN, "post", "@ausgang", {"json": {"id": "x"}}, 401),
    (ANONYMOUS, "post", "@login", {"json": {"login": "buerger"}}, 400),
    (
        ANONYMOUS,
        "post",
        "@login",
        {
            "json": {"login": "a", "password": "b"},
            "headers": {"Origin": "https://boese.example.org"},
        },
        403,
    ),
    (ANONYMOUS, "get", "@postausgang", {}, 401),
    (ANONYMOUS, "post", "@postausgang", {"json": {"letters": []}}, 401),
    (CITIZEN, "post", "@postausgang", {"json": {"letters": []}}, 403),
    (CLERK, "post", "@postausgang", PLAIN, 415),
    (MANAGER, "get", "@registry", {}, 200),
    (CITIZEN, "get", "@registry", {}, 401),
    (CITIZEN, "get", "@registry/plone.site_title", {}, 401),
    (CLERK, "get", "@tagesliste", {"params": {"office": OFFICE, "date": "morgen"}}, 400),
    (ANONYMOUS, "get", "@tagesliste", {"params": {"office": OFFICE}}, 401),
    (ANONYMOUS, "post", "@tagesliste", {"json": {"office": OFFICE, "action": "cancel"}}, 401),
    (CLERK, "post", "@tagesliste", PLAIN, 415),
    (CITIZEN, "post", "{gone}/@antwort", {"json": {"text": "x"}}, 404),
    (CITIZEN, "post", "{gone}/@nachrichten", {"json": {"text": "x"}}, 404),
    (ANONYMOUS, "post", "{app}/@einwilligung-widerrufen", {"json": {}}, 401),
    (CITIZEN, "post", "{gone}/@einwilligung-widerrufen", {"json": {}}, 404),
    (ANONYMOUS, "post", "{app}/@termin-absagen", {"json": {}}, 401),
    (CITIZEN, "post", "{app}/@termin-absagen", PLAIN, 415),
    (ANONYMOUS, "get", "{app}/@termin-verschieben", {}, 401),
    (ANONYMOUS, "post", "{app}/@termin-verschieben", {"json": {}}, 401),
    (CITIZEN, "post", "{app}/@termin-verschieben", PLAIN, 415),
    (ANONYMOUS, "get", "{app}/@zahlung", {}, 401),
    (CITIZEN, "get", "{gone}/@zahlung", {}, 404),
    (CITIZEN, "get", "leistungen/gibt-es-nicht/antrag/@antragsformular", {}, 404),
    (
        CITIZEN,
        "post",
        "leistungen/gibt-es-nicht/antrag/@antragsformular",
        {"json": {"values": {}}},
        404,
    ),
    (ANONYMOUS, "get", "{office}/@schaltersperren", {}, 401),
    (CLERK, "get", "{office}-gibt-es-nicht/@schaltersperren", {}, 404),
    (ANONYMOUS, "post", "{office}/@schaltersperren", {"json": {}}, 401),
    (CITIZEN, "post", "{office}/@schaltersperren", {"json": {}}, 403),
    (CLERK, "post", "{office}-gibt-es-nicht/@schaltersperren", {"json": {}}, 404),
    (CLERK, "post", "{office}/@schaltersperren", PLAIN, 415),
    (ANONYMOUS, "delete", "{office}/@schaltersperren/x", {}, 401),
]


@pytest.mark.parametrize(
    ("caller", "method", "path", "request_", "status"),
    ANSWERS,
    ids=[
        f"{caller[0] if caller else 'anonym'}-{method}-{path}-{status}"
        for caller, method, path, _r, status in ANSWERS
    ],
)
def test_error_answers_are_as_described(
    caller, method, path, request_, status, api_session, check, rest_portal, certificate_application
):
    app = relative(certificate_application, rest_portal)
    places = {
        "app": app,
        "form": "leistungen/hundesteuer/antrag",
        "gone": f"{app.rsplit('/', 1)[0]}/antrag-gibt-es-nicht",
    }
    places["office"] = relative(office(rest_portal), rest_portal).lstrip("/")
    check(getattr(api_session(*caller), method)(path.format(**places), **request_), status)


def at(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo("Europe/Berlin"))


def test_the_links_of_a_booking_mail_answer_as_described(booking_office, api_session, check):
    _portal, department, service = booking_office
    day, now, anonymous = next_weekday(2), utcnow(), api_session()

    def booked(hour, minute=0, when=now):
        start = at(day, hour, minute)
        return book(department, service.UID(), start, 15, 2, when, "Eva Test", "eva@example.org")

    booking, token, confirm_token = booked(9)
    _expired, _token, expired_confirm = booked(9, 30, now - timedelta(minutes=31))
    booked(11)
    booked(11)  # 11:00 is full now
    transaction.commit()
    url = f"@termine/{OFFICE}/{booking['keys'][0]}/{booking['code']}"
    check(anonymous.get(f"{url}/bestaetigen", params={"token": confirm_token}), 200)
    check(anonymous.get(f"{url}/bestaetigen", params={"token": confirm_token}), 404)  # used
    expired_url = f"@termine/{OFFICE}/{_expired['keys'][0]}/{_expired['code']}"
    check(anonymous.get(f"{expired_url}/bestaetigen", params={"token": expired_confirm}), 409)
    move = f"{url}/verschieben"
    check(anonymous.get(move, params={"token": "falsch"}), 404)
    check(anonymous.get(move, params={"token": token, "start": "morgen"}), 400)
    check(anonymous.post(move, params={"token": "falsch"}, json={"start": "x"}), 404)
    check(anonymous.post(move, params={"token": token}, json={"start": "bald"}), 400)
    full = {"start": at(day, 11).isoformat()}
    check(anonymous.post(move, params={"token": token}, json=full), 409)
    free = {"start": at(day, 10).isoformat()}
    check(anonymous.post(move, params={"token": token}, json=free), 201)


def test_a_clerk_booking_for_a_caller_answers_as_described(booking_office, api_session, check):
    _portal, _department, service = booking_office
    clerk, day = api_session(*CLERK), next_weekday(3)
    caller = {"action": "book", "office": OFFICE, "service": service.UID()}
    caller.update(name="Eva Test", start=at(day, 10).isoformat())
    for email in ("eva@example.org", "ute@example.org"):
        check(clerk.post("@tagesliste", json={**caller, "email": email}), 201)
    check(clerk.post("@tagesliste", json={**caller, "email": "udo@example.org"}), 409)  # both taken


def test_a_visit_of_someone_elses_application_answers_as_described(
    booking_office, api_session, check
):
    portal, department, service = booking_office
    application = pickup_application(portal, department)
    transaction.commit()
    day, path = next_weekday(1), relative(application, portal)
    visit = {"office": OFFICE, "service": application.service_uid, "application": application.UID()}
    query = {**visit, "start": day.isoformat(), "end": day.isoformat()}
    someone_else = api_session(*OTHER_CITIZEN)
    check(someone_else.get("@termine", params=query), 403)
    check(someone_else.post("@termine", json={**visit, "start": at(day, 9).isoformat()}), 403)
    clerk = api_session(*CLERK)
    check(clerk.get(f"{path}/@termin-verschieben"), 403)
    check(clerk.post(f"{path}/@termin-verschieben", json={"start": at(day, 9).isoformat()}), 403)
    check(clerk.post(f"{path}/@termin-absagen", json={}), 403)


def test_sending_an_outbox_entry_again_answers_as_described(api_session, check, rest_portal):
    manager = api_session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    entry_id = enqueue(build_application(rest_portal), "webhook", "submitted", "endpoint-1")
    transaction.commit()
    check(manager.post("@ausgang", json={"id": entry_id}), 400)  # still pending
    get_outbox().get(entry_id).note("dead", "Empfänger lehnt ab: 410")
    transaction.commit()
    check(manager.post("@ausgang", json={"id": entry_id}), 200)


def test_the_eid_log_in_address_answers_as_described(api_session, check):
    configure_eid("https://eid.example.org/realms/herne")
    check(api_session().get("@login-oidc", params={"came_from": "/leistungen"}), 200)


def test_a_payment_service_that_is_down_answers_503_as_described(api_session, check, rest_portal):
    configure_payment("http://127.0.0.1:9", endpoints=["steuern=steuern"])
    rest_portal["leistungen"]["hundesteuer"].payment_enabled = True
    transaction.commit()
    form = "leistungen/hundesteuer/antrag/@antragsformular"
    check(api_session(*CITIZEN).post(form, json={"values": DOG_TAX}), 503)


def test_a_service_that_needs_the_eid_answers_403_as_described(api_session, check, rest_portal):
    rest_portal["leistungen"]["hundesteuer"].trust_level = "substantial"
    transaction.commit()
    form, citizen = "leistungen/hundesteuer/antrag/@antragsformular", api_session(*CITIZEN)
    check(citizen.get(form), 403)  # logged in with a password, not the Online-Ausweis
    check(citizen.post(form, json={"values": DOG_TAX}), 403)


def test_a_list_where_one_text_belongs_is_refused_in_german(api_session, check):
    answer = api_session().get("@leistungssuche", params={"SearchableText": ["Hund", "Katze"]})
    check(answer, 400)
    assert answer.json()["message"] == (
        "Der Parameter „SearchableText“ darf nur einmal und nur als Text vorkommen."
    )


def test_printing_a_letter_answers_as_described(api_session, check, rest_portal):
    application = build_application(rest_portal, "fuehrungszeugnis")
    application.contact_method = "letter"
    application.postal_address = "Bernd Bergmann\nBahnhofstraße 12\n44623 Herne"
    letter = add_letter(application, "message", "Ihr Antrag", "Wir haben Ihren Antrag erhalten.")
    transaction.commit()
    clerk = api_session(*CLERK)
    letters = {"letters": [f"{application.UID()}:{letter['id']}"]}
    check(clerk.post("@postausgang", json=letters), 200)


def test_moving_a_visit_to_a_full_time_answers_409_as_described(booking_office, api_session, check):
    portal, department, service = booking_office
    application = pickup_application(portal, department)
    transaction.commit()
    citizen, day = api_session(*CITIZEN), next_weekday(1)
    visit = {"office": OFFICE, "service": application.service_uid, "application": application.UID()}
    check(citizen.post("@termine", json={**visit, "start": at(day, 9).isoformat()}), 201)
    transaction.begin()  # the booking above was committed by the server
    for email in ("eva@example.org", "ute@example.org"):
        book(department, service.UID(), at(day, 11), 15, 2, utcnow(), "Eva Test", email)
    transaction.commit()
    path = f"{relative(application, portal)}/@termin-verschieben"
    check(citizen.post(path, json={"start": at(day, 11).isoformat()}), 409)
