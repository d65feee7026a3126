"""Real answers of the booking, clerk, administration and public REST endpoints match docs/openapi.yaml."""

from datetime import datetime
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import OTHER_CITIZEN
from tests.fixtures.applications import bring_to
from tests.fixtures.applications import draft_application
from tests.fixtures.assist import FOR_GERTRUD
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import NEWCOMER
from tests.fixtures.assist import TAX_CLERK
from tests.fixtures.assist import vollmacht
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import next_weekday
from tests.fixtures.payment import configure_payment
from tests.fixtures.rest import DOG_TAX
from tests.fixtures.rest import relative
import transaction
from urllib.parse import parse_qs
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo


def at(day, hour):
    return datetime(day.year, day.month, day.day, hour, tzinfo=ZoneInfo("Europe/Berlin"))


def test_booking_endpoints_answer_as_described(booking_office, api_session, check):
    portal, office, service = booking_office
    anonymous, clerk, citizen = api_session(), api_session(*CLERK), api_session(*CITIZEN)
    day = next_weekday(1)
    query = {"office": OFFICE, "service": service.UID(), "start": day.isoformat()}
    query["end"] = day.isoformat()
    check(citizen.get("@termine", params=query), 200)
    check(citizen.get("@termine", params={"office": "gibt-es-nicht"}), 400)
    booking = {"office": OFFICE, "service": service.UID(), "start": at(day, 10).isoformat()}
    booking.update(name="Eva Test", email="eva@example.org")
    booked = anonymous.post("@termine", json=booking)
    check(booked, 201)
    booked_second = anonymous.post("@termine", json={**booking, "email": "ute@example.org"})
    check(booked_second, 201)
    check(anonymous.post("@termine", json={**booking, "email": "udo@example.org"}), 409)  # full
    check(anonymous.post("@termine", json={"office": OFFICE}), 400)
    link = booked.json()["cancel_url"]
    token = parse_qs(urlsplit(link).query)["token"][0]
    booking_url = booked.json()["@id"]
    check(anonymous.get(booking_url, params={"token": token}), 200)
    check(anonymous.get(booking_url, params={"token": "falsch"}), 404)
    moving = {"token": token, "start": day.isoformat(), "end": day.isoformat()}
    check(anonymous.get(f"{booking_url}/verschieben", params=moving), 200)
    day_list = {"office": OFFICE, "date": day.isoformat()}
    check(clerk.get("@tagesliste", params=day_list), 200)
    check(citizen.get("@tagesliste", params=day_list), 403)
    check(clerk.post("@tagesliste", json={"office": OFFICE, "action": "springen"}), 400)
    check(citizen.post("@tagesliste", json={"office": OFFICE, "action": "cancel"}), 403)
    second = {"office": OFFICE, "date": day.isoformat(), "code": booked_second.json()["code"]}
    check(clerk.post("@tagesliste", json={**second, "action": "cancel"}), 200)
    blocks = f"{relative(office, portal)}/@schaltersperren"
    check(clerk.get(blocks), 200)
    check(citizen.get(blocks), 403)
    block = {"start": at(day, 11).isoformat(), "end": at(day, 12).isoformat(), "counters": 1}
    blocked = clerk.post(blocks, json={**block, "reason": "krank"})
    check(blocked, 201)
    check(citizen.delete(f"{blocks}/{blocked.json()['id']}"), 403)
    check(clerk.delete(f"{blocks}/{blocked.json()['id']}"), 204)
    check(clerk.post(blocks, json={}), 400)
    check(clerk.delete(f"{blocks}/gibt-es-nicht"), 404)
    check(anonymous.post(link, json={}), 200)
    check(anonymous.post(link, json={}), 404)


def test_clerk_endpoints_answer_as_described(
    api_session, check, rest_portal, certificate_application
):
    clerk, citizen = api_session(*CLERK), api_session(*CITIZEN)
    check(clerk.get("@postausgang"), 200)
    check(citizen.get("@postausgang"), 403)
    check(clerk.post("@postausgang", json={"letters": "alle"}), 400)
    path = relative(certificate_application, rest_portal)
    check(citizen.get(f"{path}/@zahlung"), 200)
    check(citizen.get(f"{path}/@termin-verschieben"), 404)
    check(citizen.post(f"{path}/@termin-verschieben", json={"start": "2027-01-04T10:00"}), 404)
    check(citizen.post(f"{path}/@termin-absagen", json={}), 404)
    check(citizen.post(f"{path}/@einwilligung-widerrufen", json={}), 400)
    claim = {"code": "ABCD", "reference_number": "HER-2026-999999", "birth_date": "1970-04-12"}
    check(citizen.post("@antrag-zuordnen", json=claim), 400)
    check(citizen.patch(path, json={"title": "Neu"}), 401)


def test_administration_endpoints_answer_as_described(
    api_session, check, rest_portal, certificate_application
):
    manager, citizen = api_session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), api_session(*CITIZEN)
    check(manager.get("@zahlungseingaenge", params={"abteilung": OFFICE}), 200)
    check(manager.get("@zahlungseingaenge", params={"tag": "gestern"}), 400)
    check(citizen.get("@zahlungseingaenge"), 401)
    check(manager.get("@ausgang"), 200)
    check(manager.post("@ausgang", json={"id": "gibt-es-nicht"}), 404)
    check(citizen.get("@ausgang"), 401)
    check(manager.get("@aufbewahrung"), 200)
    check(citizen.get("@aufbewahrung"), 401)
    check(manager.get("@registry/plone.site_title"), 200)
    check(manager.get("@registry/gibt.es.nicht"), 404)
    check(manager.patch("@startseite", json={"featured_services": "alle"}), 400)
    check(api_session().patch("@startseite", json={"featured_services": []}), 401)
    check(manager.patch(relative(certificate_application, rest_portal), json={"title": "Neu"}), 204)


def test_public_endpoints_answer_as_described(api_session, check):
    anonymous = api_session()
    check(anonymous.get("@leistungssuche", params={"SearchableText": "Hundesteur"}), 200)
    check(anonymous.get("@leistungssuche"), 200)
    check(anonymous.get("@startseite"), 200)
    check(anonymous.post("@login", json={"login": CITIZEN[0], "password": CITIZEN[1]}), 200)
    check(anonymous.post("@login", json={"login": CITIZEN[0], "password": "falsch"}), 401)
    check(anonymous.get("@login-oidc"), 404)  # no eID provider on the demo site
    check(anonymous.post("@login-oidc", json={}), 404)
    check(anonymous.get("@logout-oidc"), 404)


def test_a_fee_answers_402_as_described(rest_portal, payment_service, api_session, check):
    configure_payment(payment_service.url, endpoints=["steuern=steuern"])
    rest_portal["leistungen"]["hundesteuer"].payment_enabled = True
    transaction.commit()
    form = "leistungen/hundesteuer/antrag/@antragsformular"
    citizen = api_session(*CITIZEN)
    check(citizen.post(form, json={"values": DOG_TAX, "token": "openapi-402"}), 402)
    (draft,) = citizen.get("@postkorb").json()["items"]
    check(citizen.get(f"{draft['@id']}/@zahlung"), 200)  # open, with the pay page


def test_outbox_answers_as_described(api_session, check):
    manager = api_session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    check(manager.get("@ausgang", params={"stand": "dead"}), 200)
    check(manager.get("@ausgang", params={"stand": "irgendwie"}), 400)
    check(manager.post("@ausgang", json={}), 404)


def test_an_application_visit_answers_as_described(booking_office, api_session, check):
    portal, office, _service = booking_office
    application = draft_application(portal, service="fuehrungszeugnis")
    application.originals = [{"name": "Ehrenamtsnachweis", "shown_at": None, "checked_by": None}]
    bring_to(application, "ready_for_pickup")
    application.department_uid = office.UID()
    transaction.commit()
    citizen, day = api_session(*CITIZEN), next_weekday(1)
    visit = {"office": OFFICE, "service": application.service_uid, "application": application.UID()}
    check(citizen.post("@termine", json={**visit, "start": at(day, 9).isoformat()}), 201)
    path = relative(application, portal)
    check(citizen.get(f"{path}/@termin-verschieben", params={"start": day, "end": day}), 200)
    check(citizen.get(f"{path}/@termin-verschieben", params={"start": "morgen"}), 400)
    check(citizen.post(f"{path}/@termin-verschieben", json={"start": "bald"}), 400)
    check(citizen.post(f"{path}/@termin-verschieben", json={"start": at(day, 10).isoformat()}), 201)
    check(citizen.post(f"{path}/@termin-absagen", json={}), 200)
    check(citizen.post(f"{path}/@termin-absagen", json={}), 404)


def test_a_retention_run_and_the_front_page_choice_answer_as_described(api_session, check):
    manager = api_session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    check(manager.post("@aufbewahrung", json={}), 200)
    featured = [
        item["@id"] for item in api_session().get("@startseite").json()["featured_services"]
    ]
    check(manager.patch("@startseite", json={"featured_services": featured[::-1]}), 200)


def test_applications_entered_for_others_answer_as_described(
    helpers, apply_for, api_session, check
):
    entered = apply_for()
    check(entered, 201)
    body = entered.json()
    check(api_session(*HELPER).get("@postkorb"), 200)  # lists it under "erfasst"
    check(api_session(*HELPER).get(f"{body['@id']}/@antrag"), 200)
    clerk = api_session(*TAX_CLERK)
    check(clerk.post(f"{body['@id']}/@einwilligung-widerrufen"), 200)
    check(clerk.post(f"{body['@id']}/@einwilligung-widerrufen"), 400)
    renewal = {"reference_number": body["reference_number"], "einwilligung": "vollmacht"}
    helper = api_session(*HELPER)
    check(helper.post("@einwilligung-erneuern", json=renewal), 400)  # without the Vollmacht
    renewed = helper.post("@einwilligung-erneuern", json={**renewal, "vollmacht": vollmacht()})
    check(renewed, 200)
    check(api_session().post("@einwilligung-erneuern", json=renewal), 401)
    plain = {"Content-Type": "text/plain"}
    check(helper.post("@einwilligung-erneuern", data="x", headers=plain), 415)
    claimed = apply_for().json()
    claim = {"reference_number": claimed["reference_number"], "birth_date": "1941-02-03"}
    newcomer = api_session(*NEWCOMER)
    check(newcomer.post("@antrag-zuordnen", json={**claim, "code": "FALSCH"}), 400)
    check(newcomer.post("@antrag-zuordnen", json={**claim, "code": claimed["zuordnungscode"]}), 200)
    check(api_session().post("@antrag-zuordnen", json={}), 401)


def test_offers_answer_as_described(helpers, apply_for, api_session, check):
    offered = apply_for({**FOR_GERTRUD, "email": "buergerin@example.org"}).json()
    apply_for({**FOR_GERTRUD, "email": "buergerin@example.org"})
    citizen = api_session(*OTHER_CITIZEN)
    check(citizen.get("@postkorb"), 200)  # lists them under "angebote"
    listed = citizen.get("@angebote")
    check(listed, 200)
    first, second = (item["id"] for item in listed.json()["items"])
    check(citizen.post("@angebote", json={"id": first, "entscheidung": "annehmen"}), 200)
    check(citizen.post("@angebote", json={"id": second, "entscheidung": "ablehnen"}), 200)
    check(citizen.post("@angebote", json={"id": first, "entscheidung": "annehmen"}), 400)
    check(citizen.post("@angebote", data="x", headers={"Content-Type": "text/plain"}), 415)
    check(api_session().get("@angebote"), 401)
    check(api_session().post("@angebote", json={}), 401)
    assert offered["zuordnungscode"]
