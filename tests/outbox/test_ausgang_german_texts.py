"""@@ausgang in German: kind, occasion and last error of every sender are translated messages, not raw ids or English."""

from herne.portal.applications.notifications import queue_receipt_mail
from herne.portal.outbox.storage import enqueue
from herne.portal.outbox.storage import get_outbox
from herne.portal.outbox.worker import drain_outbox
from herne.portal.webhooks.endpoints import add_endpoint
from plone import api
from tests.fixtures.applications import build_application
from zope.i18n import translate


def _rows(browser, portal, state):
    browser.open(portal.absolute_url() + f"/@@ausgang?stand={state}")
    return browser.contents


def test_webhook_refused_and_unreachable_in_german(manager_browser, demo_portal, webhook_receiver):
    application = build_application(demo_portal, submit=False)
    api.portal.set_registry_record("herne.portal.outbox.allow_private_webhooks", True)
    _endpoint, webhook_receiver.secret = add_endpoint(
        application.department_uid, webhook_receiver.url
    )
    webhook_receiver.answers = [503]
    with api.env.adopt_user(username="buerger"):
        api.content.transition(obj=application, transition="submit")
    drain_outbox()

    page = _rows(manager_browser, demo_portal, "failed")
    assert "Empfänger antwortet 503" in page
    assert "<td>Webhook</td>" in page
    assert "<td>Antrag eingereicht</td>" in page
    assert "application.submitted" not in page

    webhook_receiver.answers = [410]
    entry = next(e for e in get_outbox().for_application(application.UID()) if e.kind == "webhook")
    get_outbox().send_again(entry)
    drain_outbox()
    page = _rows(manager_browser, demo_portal, "dead")
    assert "Empfänger lehnt ab: 410" in page
    assert "unzustellbar" in page


def test_unknown_kind_and_broken_sender_in_german(manager_browser, demo_portal, scripted_sender):
    scripted_sender([RuntimeError("Speicher voll")])
    application = build_application(demo_portal)
    enqueue(application, "brieftaube", "submitted", "dach")
    enqueue(application, "test-kind", "application.state.approved", "endpoint-1")
    drain_outbox()

    page = _rows(manager_browser, demo_portal, "dead")
    assert "Kein Sender für die Art „brieftaube“." in page
    page = _rows(manager_browser, demo_portal, "failed")
    assert "Fehler im Sender: RuntimeError: Speicher voll" in page
    assert "Neuer Stand: Genehmigt" in page


def test_mail_server_down_in_german(manager_browser, demo_portal, held_mailbox):
    api.portal.set_registry_record("plone.smtp_port", 1)  # nothing listens there
    application = build_application(demo_portal)
    queue_receipt_mail(application, api.user.get(userid="buerger"))
    drain_outbox()

    page = _rows(manager_browser, demo_portal, "failed")
    assert "Mailserver nicht erreichbar oder Fehler: ConnectionRefusedError" in page
    assert "<td>E-Mail</td>" in page
    assert "<td>Eingangsbestätigung an die Antragstellenden</td>" in page


def test_rest_refuses_an_unknown_state_in_german(manager_session):
    answer = manager_session.get("@ausgang?stand=verloren")
    assert answer.status_code == 400
    assert answer.json()["error"]["message"] == (
        "Unbekannter Stand „verloren“. Erlaubt sind: pending, sending, delivered, failed, dead."
    )


def test_the_texts_have_translations(demo_portal):
    from herne.portal.outbox.titles import DEPARTMENT_MAIL
    from herne.portal.outbox.titles import DEPARTMENT_MAILS
    from herne.portal.webhooks.sender import REFUSES

    mail = translate(
        DEPARTMENT_MAIL.__class__(DEPARTMENT_MAIL, mapping={"what": DEPARTMENT_MAILS["new"]}),
        target_language="en",
    )
    assert "${what}" not in mail
    assert mail != "Mitteilung an die Fachabteilung: Neuer Antrag"
    refused = translate(REFUSES.__class__(REFUSES, mapping={"status": "410"}), target_language="tr")
    assert "410" in refused
    assert refused != "Empfänger lehnt ab: 410"
