"""The worker stops reading a case's event log after the highest number of tries: a dead entry with a German reason for administrator and clerk."""

from herne.portal.fitconnect import state as states
from herne.portal.fitconnect.sender import DECISION
from herne.portal.outbox import worker
from herne.portal.outbox.storage import get_outbox
from plone import api
import pytest
from tests.fixtures.applications import build_application
from tests.fixtures.browsers import demo_password
from tests.fixtures.fitconnect import complete_rows
import time
import transaction


SERVICE = "hundesteuer"
TRIES = 3
TAX_CLERK = "sachbearbeitung-steuern"


@pytest.fixture
def portal(demo_functional, fit_connect):
    portal = demo_functional["portal"]
    service = portal["leistungen"][SERVICE]
    fit_connect.deliver_here(service)
    api.portal.set_registry_record("herne.portal.outbox.max_tries", TRIES)
    transaction.commit()
    return portal


def submit(portal):
    service = portal["leistungen"][SERVICE]
    application = build_application(portal, service, rows=complete_rows(service))
    transaction.commit()
    return application


def reader_entry(application):
    (entry,) = [e for e in get_outbox().for_application(application.UID()) if e.kind == DECISION]
    return entry


def rounds_until_nothing_is_due(portal):
    """Worker rounds at ever later times (past every pause) until no entry is due any more."""
    db = portal._p_jar.db()
    start = time.time()
    transaction.commit()
    for number in range(1, 4 * TRIES):
        if not worker.run_round(db, now=start + number * 100_000):
            break
    transaction.begin()
    return number


def clerk_page(browser_as, application):
    browser = browser_as(TAX_CLERK, demo_password(TAX_CLERK))
    browser.open(application.absolute_url())
    return browser.contents


def test_no_decision_ends_dead_after_the_last_try_and_the_clerk_is_told(
    portal, fit_connect, browser_as, manager_browser
):
    fit_connect.hooks(undecided_next=True)
    application = submit(portal)
    worker.drain_outbox()
    assert fit_connect.deliveries()["delivered"] == {application.reference_number: 1}
    entry = reader_entry(application)
    assert (entry.state, entry.tries) == ("failed", 1)
    assert entry.last_error == "Das Fachverfahren hat noch nicht entschieden."

    rounds_until_nothing_is_due(portal)
    entry = reader_entry(application)
    assert (entry.state, entry.tries) == ("dead", TRIES)
    reason = (
        "Das Fachverfahren hat nach 3 Abfragen nicht entschieden; das Portal fragt nicht mehr "
        "nach. Bitte beim Fachverfahren nachfragen und danach im Ausgang „erneut senden“ wählen."
    )
    assert entry.last_error == reason
    assert entry.next_try is None  # not asked again by itself
    assert worker.run_round(portal._p_jar.db(), now=time.time() + 10**7) == 0

    page = clerk_page(browser_as, application)
    assert (
        "Übermittelt, aber keine Entscheidung des Fachverfahrens gelesen; Abfrage beendet" in page
    )
    assert reason in page

    manager_browser.open(portal.absolute_url() + "/@@ausgang?stand=dead")
    assert reason in manager_browser.contents
    assert "FIT-Connect-Entscheidung abfragen" in manager_browser.contents

    # the department's software decides later; the administrator sends the entry again
    fit_connect.decide(states.delivery_state(application)["submission_id"])
    get_outbox().send_again(entry)
    worker.drain_outbox()
    assert reader_entry(application).state == "delivered"
    assert "Vom Fachverfahren übernommen" in clerk_page(browser_as, application)


def test_an_unreadable_event_log_ends_dead_with_its_cause(
    portal, fit_connect, browser_as, api_session, check
):
    fit_connect.hooks(undecided_next=True, events_down=True)
    application = submit(portal)
    worker.drain_outbox()
    rounds_until_nothing_is_due(portal)
    entry = reader_entry(application)
    assert (entry.state, entry.tries) == ("dead", TRIES)
    reason = (
        "Der Verlauf des Vorgangs bei FIT-Connect war nach 3 Versuchen nicht lesbar (HTTP 503); "
        "das Portal fragt nicht mehr nach. Wenn FIT-Connect wieder erreichbar ist, im Ausgang "
        "„erneut senden“ wählen."
    )
    assert entry.last_error == reason
    page = clerk_page(browser_as, application)
    assert "keine Entscheidung des Fachverfahrens gelesen" in page
    assert reason in page
    assert states.delivery_state(application)["status"] == states.SUBMITTED
    # the same in @antrag, as docs/openapi.yaml describes it
    clerk = api_session(TAX_CLERK, demo_password(TAX_CLERK))
    answer = clerk.get(application.absolute_url() + "/@antrag")
    check(answer, 200)
    assert answer.json()["fachverfahren"]["status"] == "undecided"
    assert answer.json()["fachverfahren"]["error"] == reason
