"""Two citizens logging in with eID at the same moment on two instances both commit."""

from herne.portal.eid import flows
from herne.portal.eid import identity
from herne.portal.eid.identity import remember_member
from herne.portal.eid.identity import verified_identity
from plone import api
import pytest
from tests.fixtures.instances import Instance
import transaction
from ZODB.POSException import ConflictError


def _identity(given_name, email):
    return {"given_name": given_name, "family_name": "Musterfrau", "email": email}


def _remember(userid, given_name):
    remember_member(userid, _identity(given_name, f"{userid}@example.org"), "substantial")


def _concurrently(db, first_work, second_work):
    """``first_work`` and ``second_work`` in two instances at the same moment; the conflict's class or None."""
    first, second = Instance(db), Instance(db)
    try:
        first.run(first_work)
        second.run(second_work)
        first.commit()
        try:
            second.commit()
        except ConflictError as error:
            return error.class_name
        return None
    finally:
        first.close()
        second.close()


@pytest.fixture
def members(demo_functional):
    """Two eID members, each logged in once."""
    db = demo_functional["zodbDB"]
    for userid in ("eid-erika", "eid-max"):
        instance = Instance(db)
        try:
            instance.run(_remember, userid, "Erika")
            instance.commit()
        finally:
            instance.close()
    return db


def _read(db, read, *args):
    reader = Instance(db)
    try:
        return reader.run(read, *args)
    finally:
        reader.close()


def _fullname(userid):
    return api.user.get(userid=userid).getProperty("fullname")


def test_later_eid_log_ins_of_two_members_both_commit_and_store_what_was_verified(members):
    conflict = _concurrently(
        members,
        lambda: _remember("eid-erika", "Erika"),
        lambda: _remember("eid-max", "Maximiliane"),
    )

    assert conflict is None
    assert _read(members, verified_identity, "eid-erika")["given_name"] == "Erika"
    assert _read(members, verified_identity, "eid-max")["given_name"] == "Maximiliane"
    # a changed name still reaches the member's properties; an unchanged one stays
    assert _read(members, _fullname, "eid-max") == "Maximiliane Musterfrau"
    assert _read(members, _fullname, "eid-erika") == "Erika Musterfrau"


@pytest.fixture
def identities_as_dicts(monkeypatch):
    """As before: a member's verified identity stored as a dict."""
    monkeypatch.setattr(identity, "as_record", dict)


def test_identities_stored_as_dicts_conflicted(identities_as_dicts, members):
    conflict = _concurrently(
        members,
        lambda: _remember("eid-erika", "Erika"),
        lambda: _remember("eid-max", "Max"),
    )

    # both identities in the tree's one bucket, kept in the tree's own record
    assert conflict == "BTrees.OOBTree.OOBTree"


def test_two_citizens_starting_an_eid_log_in_at_once_both_commit(demo_functional):
    db = demo_functional["zodbDB"]
    # one log-in started before, so that both insert into a stored bucket
    _read(db, lambda: (flows.start_flow(api.env.getRequest(), None), transaction.commit()))

    conflict = _concurrently(
        db,
        lambda: flows.start_flow(api.env.getRequest(), "http://nohost/plone"),
        lambda: flows.start_flow(api.env.getRequest(), None),
    )

    assert conflict is None
    assert _read(db, lambda: len(flows._store())) == 3


def test_a_started_eid_log_in_is_found_once_with_what_it_recorded(demo_functional):
    db = demo_functional["zodbDB"]
    instance = Instance(db)
    try:
        request = instance.request
        flow = instance.run(flows.start_flow, request, "http://nohost/plone/postkorb")
        request.cookies[flows.BINDING_COOKIE] = flow.state
        found = instance.run(flows.consume_flow, request, flow.state)
        again = instance.run(flows.consume_flow, request, flow.state)
    finally:
        instance.close()

    assert (found.nonce, found.code_verifier, found.came_from) == (
        flow.nonce,
        flow.code_verifier,
        "http://nohost/plone/postkorb",
    )
    assert again is None
