"""Webhooks: signed events for each submission and state change, once each; addresses checked at save and at send."""

from herne.portal.applications.processing import perform
from herne.portal.outbox.storage import get_outbox
from herne.portal.outbox.worker import drain_outbox
from herne.portal.outbox.worker import run_round
from herne.portal.webhooks.addresses import BAD_URL
from herne.portal.webhooks.addresses import NOT_HTTPS
from herne.portal.webhooks.addresses import OWN_ADDRESS
from herne.portal.webhooks.addresses import PRIVATE
from herne.portal.webhooks.addresses import check_address
from herne.portal.webhooks.endpoints import add_endpoint
from plone import api
import pytest
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import build_application
import time
import transaction


@pytest.mark.parametrize(
    "url,allow_internal,error",
    [
        ("https://93.184.215.14/hook", False, None),
        ("http://93.184.215.14/hook", False, NOT_HTTPS),
        ("ftp://93.184.215.14/hook", False, BAD_URL),
        ("https://10.1.2.3/hook", False, PRIVATE),
        ("https://10.1.2.3/hook", True, None),
        ("https://169.254.169.254/latest/meta-data", False, PRIVATE),
        ("https://[::1]:8443/hook", False, PRIVATE),
        ("http://127.0.0.1:8080/hook", False, PRIVATE),
        ("http://127.0.0.1:8080/hook", True, None),
        ("https://www.herne-portal.example/serviceportal/hook", True, OWN_ADDRESS),
    ],
)
def test_address_rules(portal, url, allow_internal, error):
    api.portal.set_registry_record(
        "herne.portal.site.public_url", "https://www.herne-portal.example/serviceportal"
    )
    assert check_address(url, allow_internal)[0] == error


def _endpoint_for(application, receiver):
    api.portal.set_registry_record("herne.portal.outbox.allow_private_webhooks", True)
    endpoint_id, receiver.secret = add_endpoint(application.department_uid, receiver.url)
    return endpoint_id


def test_submission_and_state_change_each_reach_the_receiver_once(demo_portal, webhook_receiver):
    draft = build_application(demo_portal, submit=False)
    _endpoint_for(draft, webhook_receiver)
    with api.env.adopt_user(username="buerger"):
        api.content.transition(obj=draft, transition="submit")
    drain_outbox()
    with api.env.adopt_user(username="sachbearbeitung"):
        perform(draft, "accept")
    drain_outbox()
    drain_outbox()

    payloads = webhook_receiver.payloads()
    assert [p["type"] for p in payloads] == [
        "application.submitted",
        "application.state.in_progress",
    ]
    assert all(webhook_receiver.signature_ok(h, b) for h, b in webhook_receiver.events)
    assert len(set(webhook_receiver.event_ids())) == 2
    assert payloads[1]["application"]["reference_number"] == draft.reference_number
    assert payloads[1]["application"]["state"] == "in_progress"
    # ids only: the receiver fetches the application through REST
    assert "Bernd" not in str(payloads)


def test_receiver_error_is_tried_again_with_the_same_event_id(demo_portal, webhook_receiver):
    draft = build_application(demo_portal, submit=False)
    _endpoint_for(draft, webhook_receiver)
    webhook_receiver.answers = [503]
    with api.env.adopt_user(username="buerger"):
        api.content.transition(obj=draft, transition="submit")
    drain_outbox()
    (entry,) = [e for e in get_outbox().for_application(draft.UID()) if e.kind == "webhook"]
    assert (entry.state, entry.last_error) == ("failed", "Empfänger antwortet 503")
    assert webhook_receiver.events == []

    run_round(draft._p_jar.db(), now=time.time() + 60)
    transaction.begin()
    assert entry.state == "delivered"
    assert len(webhook_receiver.events) == 1
    assert webhook_receiver.event_ids() == [entry.idempotency_key]


def test_address_is_checked_again_before_sending(demo_portal, webhook_receiver):
    draft = build_application(demo_portal, submit=False)
    _endpoint_for(draft, webhook_receiver)
    api.portal.set_registry_record("herne.portal.outbox.allow_private_webhooks", False)
    with api.env.adopt_user(username="buerger"):
        api.content.transition(obj=draft, transition="submit")
    drain_outbox()
    (entry,) = [e for e in get_outbox().for_application(draft.UID()) if e.kind == "webhook"]
    assert entry.state == "dead"
    assert "internen Netz" in entry.last_error
    assert webhook_receiver.events == []


def test_page_refuses_an_http_address_next_to_the_field_and_saves_nothing(
    manager_browser, demo_portal
):
    manager_browser.open(demo_portal.absolute_url() + "/@@webhooks")
    form = manager_browser.getForm(id="herne-webhook-add")
    form.getControl(name="department_uid").value = [
        form.getControl(name="department_uid").options[1]
    ]
    form.getControl(name="url").value = "http://fachverfahren.example/hook"
    form.submit()
    assert "Bitte geben Sie eine Adresse mit https:// an" in manager_browser.contents
    assert 'id="herne-webhook-url-error"' in manager_browser.contents
    assert "herne-webhook-secret" not in manager_browser.contents


def test_secret_is_shown_once(manager_browser, demo_portal):
    api.portal.set_registry_record("herne.portal.outbox.allow_private_webhooks", True)
    transaction.commit()
    manager_browser.open(demo_portal.absolute_url() + "/@@webhooks")
    form = manager_browser.getForm(id="herne-webhook-add")
    form.getControl(name="department_uid").value = [
        form.getControl(name="department_uid").options[1]
    ]
    form.getControl(name="url").value = "http://127.0.0.1:9/hook"
    form.submit()
    assert "herne-webhook-secret" in manager_browser.contents
    secret = manager_browser.contents.split('id="herne-webhook-secret">')[1].split("<")[0]
    assert len(secret) > 30

    manager_browser.open(demo_portal.absolute_url() + "/@@webhooks")
    assert "http://127.0.0.1:9/hook" in manager_browser.contents
    assert secret not in manager_browser.contents


@pytest.mark.parametrize("page", ["@@webhooks", "@@ausgang"])
@pytest.mark.parametrize("user", [CITIZEN, CLERK])
def test_citizen_and_clerk_cannot_open_the_pages(browser_as, demo_portal, page, user):
    url = f"{demo_portal.absolute_url()}/{page}"
    browser = browser_as(*user)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.open(url)
    assert "insufficient-privileges" in browser.url or "login" in browser.url
    assert "Letzter Fehler" not in browser.contents
    assert "Webhook hinzufügen" not in browser.contents


@pytest.mark.parametrize("user", [CITIZEN, CLERK])
def test_rest_outbox_is_for_administrators_only(api_session, manager_session, user):
    assert api_session(*user).get("/@ausgang").status_code == 401
    assert api_session(*user).post("/@ausgang", json={"id": "x"}).status_code == 401
    answer = manager_session.get("/@ausgang")
    assert answer.status_code == 200
    assert set(answer.json()) == {"counts", "items"}
    assert manager_session.post("/@ausgang", json={"id": "gibt-es-nicht"}).status_code == 404
