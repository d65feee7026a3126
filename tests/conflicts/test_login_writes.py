"""Two citizens logging in at the same moment on two instances both commit: log-ins write nothing they share."""

import binascii
from DateTime import DateTime
from plone.keyring.interfaces import IKeyManager
from Products.PlonePAS.interfaces.events import IUserInitialLoginInEvent
import pytest
from tests.fixtures.instances import Instance
from tests.fixtures.instances import log_in_writes_as_before
import time
import transaction
from ZODB.POSException import ConflictError
from zope.component import getGlobalSiteManager
from zope.component import getUtility


def _read(db, read):
    reader = Instance(db)
    try:
        return reader.run(read, reader.portal)
    finally:
        reader.close()


def _login_times(portal, username):
    member = portal.portal_membership.getMemberById(username)
    return member.getProperty("login_time"), member.getProperty("last_login_time")


def _rounds(db, rounds=3, users=("buerger", "buergerin")):
    """Both citizens log in at the same moment, ``rounds`` times: the conflicts, with their objects' classes."""
    conflicts = []
    for _round in range(rounds):
        first, second = Instance(db), Instance(db)
        try:
            tickets = [first.log_in(users[0]), second.log_in(users[1])]
            assert all(tickets), "the log-in form issued no ticket"
            first.commit()
            try:
                second.commit()
            except ConflictError as error:
                conflicts.append(error.class_name)
        finally:
            first.close()
            second.close()
        time.sleep(0.01)  # one log-in's time from the next one's
    return conflicts


@pytest.fixture
def written_in_the_log_in(monkeypatch):
    """As before: the log-in's own transaction writes its times, the member's key and the due rotation."""
    log_in_writes_as_before(monkeypatch)


def test_concurrent_log_ins_of_two_citizens_both_commit(demo_functional):
    assert _rounds(demo_functional["zodbDB"]) == []


def test_written_in_the_log_in_they_conflicted(demo_functional, written_in_the_log_in):
    # the member properties of both citizens share a bucket whose dict values BTrees cannot merge
    assert "BTrees.OOBTree.OOBucket" in _rounds(demo_functional["zodbDB"])


@pytest.fixture
def initial_log_ins():
    """The user ids of the log-ins Plone announced as a member's first."""
    seen = []

    def handler(event):
        seen.append(event.principal.getId())

    gsm = getGlobalSiteManager()
    gsm.registerHandler(handler, (IUserInitialLoginInEvent,))
    yield seen
    gsm.unregisterHandler(handler, (IUserInitialLoginInEvent,))


def test_the_log_in_times_are_stored_as_plone_stores_them(demo_functional, initial_log_ins):
    db = demo_functional["zodbDB"]
    never = DateTime("2000/01/01")
    assert _read(db, lambda portal: _login_times(portal, "buerger")) == (never, never)

    started = DateTime()
    _rounds(db, rounds=1)
    first, last = _read(db, lambda portal: _login_times(portal, "buerger"))
    assert started <= first <= DateTime()
    assert last == first
    assert sorted(initial_log_ins) == ["buerger", "buergerin"]

    _rounds(db, rounds=1)
    login_time, last_login_time = _read(db, lambda portal: _login_times(portal, "buerger"))
    assert login_time > first
    assert last_login_time == first
    # the second log-in is no first log-in any more
    assert sorted(initial_log_ins) == ["buerger", "buergerin"]


def test_the_tickets_of_concurrent_first_log_ins_are_valid_on_another_instance(demo_functional):
    db = demo_functional["zodbDB"]
    first, second = Instance(db), Instance(db)
    try:
        tickets = {"buerger": first.log_in("buerger"), "buergerin": second.log_in("buergerin")}
        first.commit()
        second.commit()
    finally:
        first.close()
        second.close()

    def authenticated(portal):
        session = portal.acl_users.session
        return {
            username: session.authenticateCredentials(
                {"source": "plone.session", "cookie": binascii.a2b_base64(ticket)}
            )
            for username, ticket in tickets.items()
        }

    assert _read(db, authenticated) == {
        "buerger": ("buerger", "buerger"),
        "buergerin": ("buergerin", "buergerin"),
    }


def _rings(portal):
    manager = getUtility(IKeyManager)
    return {name: list(manager[name]) for name in ("_system", "_forms", "_anon")}


def test_due_keyrings_are_rotated_once_by_concurrent_log_ins(demo_functional):
    db = demo_functional["zodbDB"]

    def make_due(portal):
        for ring in getUtility(IKeyManager).values():
            ring.last_rotation = 0
        transaction.commit()

    _read(db, make_due)
    before = _read(db, _rings)

    assert _rounds(db, rounds=1) == []

    after = _read(db, _rings)
    for name, keys in after.items():
        # one new key in front, the oldest one dropped: rotated once, not by each log-in
        assert keys[1:] == before[name][:-1], name
        assert keys[0] not in before[name], name
    # not due again: a later log-in keeps the keys
    assert _rounds(db, rounds=1) == []
    assert _read(db, _rings) == after
