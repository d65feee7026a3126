"""New applications are catalogued right after their submission commits, so concurrent submissions no longer meet in the catalog."""

from herne.portal.applications.factory import create_application
from herne.portal.applications.lookup import application_by_uid
from herne.portal.applications.lookup import find_by_submission_token
from herne.portal.conflicts import application_indexes
from herne.portal.conflicts import index_after_commit
from herne.portal.conflicts.pending_index import get_pending_index
from herne.portal.conflicts.pending_index import token_key
from herne.portal.payment import idempotency
from plone import api
import pytest
from tests.fixtures.instances import OwnThread
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import fill_dog_tax
from tests.fixtures.journeys import open_dog_tax_form
from tests.fixtures.journeys import submit
import transaction
from ZODB.POSException import ConflictError


class Writer(OwnThread):
    """One submitting request of one instance: a thread of its own, its connection, its transaction begun."""

    def __init__(self, db):
        super().__init__(db)
        self.portal = self.connection.root()["Application"]["plone"]
        self.manager = self.connection.transaction_manager

    def file(self, service_id, user="buerger", token=None):
        """File an application as a submission does (not committed); returns it."""

        def work():
            service = self.portal["leistungen"][service_id]
            with api.env.adopt_user(username=user):
                return create_application(
                    service,
                    userid=user,
                    applicant_name="Bernd Bergmann",
                    rows=[],
                    uploads={},
                    consent_time=None,
                    delivery_method=service.result_delivery,
                    delivery_address="Bahnhofstraße 12\n44623 Herne",
                    submission_token=token,
                )

        return self.run(work)


def _catalogued(db, uid):
    reader = Writer(db)
    try:
        return len(reader.portal.portal_catalog.unrestrictedSearchResults(UID=uid))
    finally:
        reader.close()


def _pending_count(db):
    reader = Writer(db)
    try:
        return len(get_pending_index(reader.portal))
    finally:
        reader.close()


def test_the_submission_writes_nothing_into_the_catalog_and_its_application_is_listed_after_the_commit(
    demo_functional,
):
    db = demo_functional["zodbDB"]
    writer = Writer(db)
    application = writer.file("hundesteuer")
    uid, path = application.UID(), "/".join(application.getPhysicalPath())
    catalog = writer.portal.portal_catalog
    at_commit = {}
    # runs after the catalog queue's own hook (registered when the application was queued)
    writer.run(
        lambda: transaction.get().addBeforeCommitHook(
            lambda: at_commit.update(
                rid=catalog.getrid(path), pending=get_pending_index(writer.portal).path(uid)
            )
        )
    )

    writer.commit()

    assert at_commit == {"rid": None, "pending": path}
    assert _catalogued(db, uid) == 1
    assert _pending_count(db) == 0
    # the writer's own connection sees it too, without beginning a transaction
    assert writer.run(lambda: len(catalog.unrestrictedSearchResults(UID=uid))) == 1
    writer.close()


@pytest.fixture
def catalogued_at_commit(monkeypatch):
    """As before: the application catalogued in the submission's own transaction."""
    monkeypatch.setattr(application_indexes, "deferred", lambda catalog, application: False)


def _rounds(db, rounds=40):
    """Two instances filing at the same moment, ``rounds`` times: the rounds that ended in a conflict."""
    conflicts = 0
    for _round in range(rounds):
        first, second = Writer(db), Writer(db)
        try:
            # two departments: their folders are not what is compared here
            first.file("hundesteuer")
            second.file("fuehrungszeugnis", user="buergerin")
            first.commit()
            try:
                second.commit()
            except ConflictError:
                conflicts += 1
        finally:
            first.close()
            second.close()
    return conflicts


def test_concurrent_submissions_no_longer_conflict_in_the_catalog(demo_functional):
    assert _rounds(demo_functional["zodbDB"]) == 0


def test_catalogued_in_the_submission_they_conflicted(demo_functional, catalogued_at_commit):
    # the same rounds without the change: the catalog's trees split under both
    assert _rounds(demo_functional["zodbDB"]) > 0


@pytest.fixture
def cataloguing_fails(monkeypatch):
    """The process dies, or every attempt conflicts, between the commit and the cataloguing."""

    def fail(db, portal_path, items):
        raise ConflictError("every attempt conflicted")

    monkeypatch.setattr(index_after_commit, "index_now", fail)


def test_an_application_the_catalog_missed_is_found_and_later_catalogued(
    demo_functional, cataloguing_fails, monkeypatch
):
    db = demo_functional["zodbDB"]
    writer = Writer(db)
    application = writer.file("hundesteuer", token="form-1")
    uid = application.UID()
    writer.commit()
    writer.close()
    assert _catalogued(db, uid) == 0

    # the outbox worker's look-up and a second copy of the same form (another instance)
    second = Writer(db)
    try:
        assert second.run(lambda: application_by_uid(uid).UID()) == uid
        assert second.run(lambda: find_by_submission_token("buerger", "form-1").UID()) == uid
        assert second.run(find_by_submission_token, "buergerin", "form-1") is None
        assert second.run(find_by_submission_token, "buerger", "form-2") is None
    finally:
        second.close()

    # the worker's sweep catalogues it once it has waited long enough
    monkeypatch.undo()
    sweeper = Writer(db)
    try:
        assert sweeper.run(index_after_commit.index_pending, sweeper.portal, 3600) == 0
        assert sweeper.run(index_after_commit.index_pending, sweeper.portal, 0) == 1
    finally:
        sweeper.close()
    assert _catalogued(db, uid) == 1
    assert _pending_count(db) == 0


def test_the_same_form_sent_to_two_instances_files_one_application(
    demo_functional, cataloguing_fails
):
    db = demo_functional["zodbDB"]
    first, second = Writer(db), Writer(db)
    first.file("hundesteuer", token="form-7")
    idempotency._opened.clear()  # the other instance remembers no id for the token
    # another department's form, so that the two meet in nothing but the token
    second.file("fuehrungszeugnis", token="form-7")
    tokens = get_pending_index(second.portal)._shard(token_key("buerger", "form-7")).tokens
    first.commit()
    # both wrote the form's token key: the second is run again by Zope ...
    with pytest.raises(ConflictError) as conflict:
        second.commit()
    assert conflict.value.oid == tokens._p_oid
    first.close()
    second.close()
    # ... and then finds the first, not yet catalogued
    retry = Writer(db)
    try:
        assert retry.run(find_by_submission_token, "buerger", "form-7") is not None
    finally:
        retry.close()


def test_the_worker_catalogues_an_application_before_it_sends_about_it(
    demo_portal, held_mailbox, monkeypatch
):
    from herne.portal.applications.notifications import queue_receipt_mail
    from herne.portal.outbox.worker import drain_outbox
    from tests.fixtures.applications import build_application
    from tests.fixtures.mail import mails_to

    # the request's own hook never runs (the process died right after the commit)
    monkeypatch.setattr(index_after_commit, "_after_commit", lambda *args: None)
    application = build_application(demo_portal)
    queue_receipt_mail(application, api.user.get(userid="buerger"))
    transaction.commit()
    catalog = api.portal.get_tool("portal_catalog")
    assert len(catalog.unrestrictedSearchResults(UID=application.UID())) == 0

    drain_outbox()

    (mail,) = mails_to(held_mailbox, "buerger@example.org")
    assert application.reference_number in mail["Subject"]
    assert len(catalog.unrestrictedSearchResults(UID=application.UID())) == 1
    assert len(get_pending_index()) == 0


@pytest.fixture
def connections_used(monkeypatch):
    """The connections that filed new applications (at the commit) and that catalogued them."""
    used = {"filed": [], "catalogued": []}
    deferred, catalogue = application_indexes.deferred, index_after_commit._catalogue

    def filing(catalog, application):
        left_for_after_the_commit = deferred(catalog, application)
        if left_for_after_the_commit:
            used["filed"].append(catalog._p_jar)
        return left_for_after_the_commit

    def cataloguing(portal, items):
        used["catalogued"].append(portal._p_jar)
        return catalogue(portal, items)

    monkeypatch.setattr(application_indexes, "deferred", filing)
    monkeypatch.setattr(index_after_commit, "_catalogue", cataloguing)
    return used


def _post_dog_tax(browser):
    """The citizen sends the open dog-tax form; only the POST, not the page it redirects to."""
    fill_dog_tax(browser)
    browser.followRedirects = False
    submit(browser)
    browser.followRedirects = True
    return browser.headers["Location"]


def test_a_submission_is_catalogued_by_its_own_request_before_the_answer(
    citizen, demo_portal, held_mailbox, connections_used
):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)

    target = _post_dog_tax(browser)

    # Listed as soon as the answer is there, nothing left waiting for the worker ...
    (brain,) = applications_of("buerger")
    assert target == brain.getURL()
    assert len(get_pending_index(demo_portal)) == 0
    # ... catalogued by the request's own connection: no second one loads it again.
    (filed,) = connections_used["filed"]
    assert connections_used["catalogued"] == [filed]
    browser.open(target)
    assert brain.reference_number in browser.contents


def test_a_conflict_at_the_end_of_the_request_is_tried_again(
    citizen, demo_portal, held_mailbox, monkeypatch
):
    attempts = []
    catalogue = index_after_commit._catalogue

    def conflicting_once(portal, items):
        attempts.append([uid for uid, _path in items])
        if len(attempts) == 1:
            raise ConflictError("another instance catalogued at the same moment")
        return catalogue(portal, items)

    monkeypatch.setattr(index_after_commit, "_catalogue", conflicting_once)
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)

    target = _post_dog_tax(browser)

    (brain,) = applications_of("buerger")  # filed once: Zope did not run the request again
    assert attempts == [[brain.UID], [brain.UID]]
    assert target == brain.getURL()
    assert len(get_pending_index(demo_portal)) == 0


def test_a_request_whose_cataloguing_gives_up_still_answers_and_the_sweep_catalogues(
    citizen, demo_portal, held_mailbox, monkeypatch
):
    def conflicting(portal, items):
        raise ConflictError("every attempt conflicted")

    monkeypatch.setattr(index_after_commit, "_catalogue", conflicting)
    monkeypatch.setattr(index_after_commit, "ATTEMPTS", 3)
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)

    target = _post_dog_tax(browser)

    # The citizen is sent to the application as always, and it was filed once ...
    assert browser.headers["Status"].startswith("302")
    transaction.abort()
    assert len(get_pending_index(demo_portal)) == 1
    assert len(applications_of("buerger")) == 0
    browser.open(target)
    assert "HER-" in browser.contents
    # ... and the worker's sweep catalogues it.
    monkeypatch.undo()
    assert index_after_commit.index_pending(demo_portal, 0) == 1
    (brain,) = applications_of("buerger")
    assert target == brain.getURL()


def test_the_outbox_worker_is_woken_once_the_request_has_catalogued_its_application(
    citizen, demo_portal, held_mailbox, monkeypatch
):
    from herne.portal.outbox import worker

    happened = []
    catalogue = index_after_commit._catalogue

    def cataloguing(portal, items):
        happened.append("catalogued")
        return catalogue(portal, items)

    class WakeUp:
        def set(self):
            happened.append("worker woken")

    monkeypatch.setattr(index_after_commit, "_catalogue", cataloguing)
    monkeypatch.setattr(worker, "wake_up", WakeUp())
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)

    _post_dog_tax(browser)

    # Woken at the commit, the worker came to the receipt before the application was
    # catalogued, and catalogued it on a connection of its own.
    assert happened == ["catalogued", "worker woken"]
