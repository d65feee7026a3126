"""Citizens submitting at the same moment get unique reference numbers and one mail each."""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from herne.portal.applications.factory import create_application
from herne.portal.applications.notifications import queue_receipt_mail
from Testing.makerequest import makerequest
from tests.applications.test_submission import wait_for
import threading
import time
import transaction
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite
from zope.globalrequest import clearRequest
from zope.globalrequest import setRequest


SUBMISSIONS = 8


def submit_in_own_connection(db, barrier, results, attempts):
    """One citizen's request: its own connection and transaction, retried on conflict."""
    manager = transaction.manager  # thread-local: each thread has its own transaction
    for attempt in range(10):
        connection = db.open()
        try:
            manager.begin()
            app = makerequest(connection.root()["Application"])
            portal = app["plone"]
            setSite(portal)
            setRequest(app.REQUEST)
            user = portal.acl_users.getUserById("buerger")
            newSecurityManager(None, user.__of__(portal.acl_users))
            service = portal["leistungen"]["reitkennzeichen"]
            application = create_application(
                service,
                userid="buerger",
                applicant_name="Bernd Bergmann",
                rows=[{"name": "horse_name", "title": "Name des Pferdes", "value": "Fleckchen"}],
                uploads={},
                consent_time=None,
                delivery_method="post",
                delivery_address="Bahnhofstraße 12\n44623 Herne",
            )
            queue_receipt_mail(application, portal.portal_membership.getMemberById("buerger"))
            if attempt == 0:
                barrier.wait(timeout=30)  # everybody commits at the same moment
            manager.commit()
            results.append(application.reference_number)
            attempts.append(attempt)
            return
        except ConflictError:
            manager.abort()  # what Zope does before it retries the request
        finally:
            noSecurityManager()
            setSite(None)
            clearRequest()
            connection.close()
    raise AssertionError("gave up after 10 conflicts")


def test_concurrent_submissions_get_unique_numbers_and_one_mail_each(demo_functional, mailbox):
    db = demo_functional["zodbDB"]
    barrier = threading.Barrier(SUBMISSIONS)
    results, attempts, failures = [], [], []

    def citizen_request():
        try:
            submit_in_own_connection(db, barrier, results, attempts)
        except Exception as error:  # reported below, with the assertion
            failures.append(repr(error))

    threads = [threading.Thread(target=citizen_request) for _ in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert failures == []
    assert len(results) == SUBMISSIONS
    assert len(set(results)) == SUBMISSIONS, results
    numbers = sorted(int(reference.rsplit("-", 1)[1]) for reference in results)
    assert numbers[0] >= 1 and numbers[-1] >= SUBMISSIONS
    # the counter really was contended: some submissions had to be retried
    assert max(attempts) > 0
    # each submission: one receipt to the citizen, one notice to the department's mailbox
    messages = wait_for(mailbox, count=2 * SUBMISSIONS, timeout=10)
    time.sleep(0.3)  # a mail sent twice (by a retried request) would arrive now
    assert len(messages) == 2 * SUBMISSIONS
    for recipient in ("buerger@example.org", "umwelt@herne.de"):
        received = [m for m in messages if recipient in m.rcpt_tos]
        mailed = [
            reference
            for message in received
            for reference in results
            if reference in message.content.decode("utf-8", "replace")
        ]
        assert sorted(mailed) == sorted(results), recipient


def test_reference_counter_conflicts_instead_of_merging(demo_functional):
    """Two transactions drawing a number at once: the later one must retry, never share it."""
    from herne.portal.applications.reference import next_reference_number
    import pytest

    db = demo_functional["zodbDB"]
    managers = [transaction.TransactionManager(), transaction.TransactionManager()]
    connections = [db.open(transaction_manager=manager) for manager in managers]
    try:
        roots = [
            connection.root()["Application"]["plone"]["antraege"] for connection in connections
        ]
        next_reference_number(roots[0])
        managers[0].commit()
        for manager in managers:
            manager.begin()
        first = next_reference_number(roots[0])
        second = next_reference_number(roots[1])
        assert first == second  # both read the same counter value
        managers[0].commit()
        with pytest.raises(ConflictError):
            managers[1].commit()
        managers[1].abort()
        managers[1].begin()
        retried = next_reference_number(roots[1])
        managers[1].commit()
        assert retried != first
    finally:
        for manager, connection in zip(managers, connections, strict=True):
            manager.abort()
            connection.close()
