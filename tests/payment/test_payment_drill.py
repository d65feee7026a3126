"""Drill: many citizens paying at once while the payment service duplicates, delays and drops returns.

Every paid application is submitted exactly once, no unpaid one is submitted, and no
payment stays without its application (after the settling job). One instance, no kill:
the two-instance drill with a killed instance is still to be done (docs/benchmarks.md).
"""

from concurrent.futures import ThreadPoolExecutor
from herne.portal.payment.flow import settle_pending
from plone import api
import pytest
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import OTHER_CITIZEN
from tests.fixtures.payment import configure_payment
from tests.fixtures.rest import DOG_TAX
import time
import transaction


APPLICATIONS = 50
HTML = {"Accept": "text/html"}
BUSY = "Ihre Anfrage konnte gerade nicht bearbeitet werden"


@pytest.mark.slow
def test_fifty_citizens_paying_at_once_are_submitted_exactly_once(
    rest_portal, api_session, payment_service
):
    configure_payment(payment_service.url, endpoints=["steuern=steuern"])
    rest_portal["leistungen"]["hundesteuer"].payment_enabled = True
    transaction.commit()
    form = rest_portal["leistungen"]["hundesteuer"]["antrag"].absolute_url()
    sessions = [api_session(*CITIZEN), api_session(*OTHER_CITIZEN)]
    payment_service.hooks(**{"return": "duplicate", "return_delay": 0.05, "pending_polls": 0})
    # The session's payment service still holds the transactions of earlier tests.
    earlier = set(payment_service.transactions()["transactions"])
    started = time.monotonic()

    conflicts = []

    def apply(number):
        session = sessions[number % 2]
        payload = {"values": {**DOG_TAX, "dog_name": f"Hund {number}"}, "token": f"drill-{number}"}
        for _attempt in range(3):
            answer = session.post(f"{form}/@antragsformular", json=payload)
            if answer.status_code != 503 or answer.json().get("type") != "ServiceBusy":
                break
            # Zope gave up retrying a write conflict (a loaded machine) and said so in German:
            # the citizen sends the same form again, with the same token, as it asks.
            conflicts.append(number)
        assert answer.status_code == 402, answer.text
        return session, answer.json()

    def pay(item):
        number, (session, body) = item
        # every fifth cancels; the rest pay
        button = "cancel" if number % 5 == 0 else "pay"
        back = payment_service.choose(body["payment_url"], button)
        if number % 3 == 0:
            return  # the return is dropped: the citizen never comes back
        pages = [open_return(session, back.headers["Location"])]
        if number % 3 == 1:  # the return opened in a second tab as well
            pages.append(open_return(session, back.headers["Location"]))
        assert all(page.status_code == 200 for page in pages)

    def open_return(session, url):
        for _attempt in range(3):
            page = session.get(url, headers=HTML)
            if page.status_code != 503 or BUSY not in page.text:
                break
            # Zope gave up on a write conflict; the German page asks to try again.
            conflicts.append(url)
        return page

    # Pages compiled once before the threads (CPython 3.11's compiler is not thread-safe there).
    sessions[0].get(rest_portal.absolute_url(), headers=HTML)
    with ThreadPoolExecutor(8) as pool:
        applied = list(pool.map(apply, range(APPLICATIONS)))
        sessions[0].get(applied[0][1]["@id"], headers=HTML)
        list(pool.map(pay, enumerate(applied)))
    transaction.abort()
    settled = settle_pending()
    transaction.commit()
    elapsed = time.monotonic() - started

    held = payment_service.transactions()["transactions"]
    opened = {tx for tx in held if tx not in earlier}
    paid = {
        tx: held[tx]["paymentInformation"]
        for tx in opened
        if held[tx]["paymentInformation"]["status"] == "PAYED"
    }
    transaction.abort()
    portal = api.portal.get()
    submitted_payments = []
    for _session, body in applied:
        application = portal.unrestrictedTraverse(body["@id"][len(portal.absolute_url()) + 1 :])
        history = application.workflow_history["herne_application_workflow"]
        submits = [entry for entry in history if entry["action"] == "submit"]
        state = api.content.get_state(application)
        if application.payment["state"] == "paid":
            assert state == "submitted" and len(submits) == 1
            submitted_payments.append(application.payment["transaction_id"])
        else:
            assert state == "draft" and submits == []
    assert sorted(submitted_payments) == sorted(paid), _explain(applied, paid, settled)
    # Conflict retries and resends reused their payment: the service holds no transaction
    # that no application knows (an unused INITIAL one).
    known = {
        portal.unrestrictedTraverse(body["@id"][len(portal.absolute_url()) + 1 :]).payment[
            "transaction_id"
        ]
        for _session, body in applied
    }
    assert opened == known, f"unknown to any application: {sorted(opened - known)}"
    assert len(paid) == APPLICATIONS - APPLICATIONS // 5
    print(
        f"\nDRILL {APPLICATIONS} applications, {len(paid)} paid, "
        f"{len(settled)} settled by the job, {len(conflicts)} sent again after a "
        f"conflict, {len(opened)} transactions opened, {elapsed:.1f} s"
    )


def _explain(applied, paid, settled):
    """Each application whose payment and state disagree, for the failure message."""
    portal = api.portal.get()
    lines = [f"settled by the job: {settled}"]
    for _session, body in applied:
        application = portal.unrestrictedTraverse(body["@id"][len(portal.absolute_url()) + 1 :])
        record = application.payment
        shown = body["payment_url"].rsplit("/", 1)[-1]
        if (shown in paid) != (record["state"] == "paid") or record["transaction_id"] != shown:
            lines.append(
                f"{application.getId()}: pay page shown {shown} ({shown in paid and 'PAYED'}), "
                f"stored {record}, state {api.content.get_state(application)}"
            )
    return "\n".join(lines)
