"""@@ausgang: administrators see state, tries and last error (no personal data) and send dead entries again."""

from herne.portal.outbox.interfaces import PermanentDeliveryError
from herne.portal.outbox.storage import enqueue
from herne.portal.outbox.storage import get_outbox
from herne.portal.outbox.worker import drain_outbox
from tests.fixtures.applications import build_application
import transaction


def test_dead_entry_is_listed_and_sent_again(manager_browser, demo_portal, scripted_sender):
    sender = scripted_sender([PermanentDeliveryError("Empfänger lehnt ab: 410")])
    application = build_application(demo_portal, name="Zacharias Zweifel")
    entry_id = enqueue(application, "test-kind", "submitted", "endpoint-1")
    drain_outbox()
    assert get_outbox().get(entry_id).state == "dead"

    manager_browser.open(demo_portal.absolute_url() + "/@@ausgang?stand=dead")
    page = manager_browser.contents
    assert application.reference_number in page
    assert "Empfänger lehnt ab: 410" in page
    assert "unzustellbar" in page
    assert "Zweifel" not in page

    manager_browser.getForm(action="@@ausgang", index=0).submit()
    assert "Die Sendung wird erneut gesendet." in manager_browser.contents
    transaction.begin()
    entry = get_outbox().get(entry_id)
    assert (entry.state, entry.tries) == ("pending", 0)

    drain_outbox()
    assert get_outbox().get(entry_id).state == "delivered"
    assert len(sender.calls) == 2


def test_resend_without_the_form_token_is_refused(manager_browser, demo_portal, scripted_sender):
    scripted_sender([PermanentDeliveryError("kaputt")])
    entry_id = enqueue(build_application(demo_portal), "test-kind", "submitted", "endpoint-1")
    drain_outbox()
    manager_browser.handleErrors = True
    manager_browser.raiseHttpErrors = False
    manager_browser.post(demo_portal.absolute_url() + "/@@ausgang", f"id={entry_id}")
    assert manager_browser.headers["status"].startswith("403")
    transaction.begin()
    assert get_outbox().get(entry_id).state == "dead"
