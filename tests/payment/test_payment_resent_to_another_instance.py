"""A payment opened by a request that never committed is found by the resend on another instance: one transaction, not two."""

from herne.portal.payment.idempotency import forget_all
from herne.portal.payment.opened_payments import ATTRIBUTE
from herne.portal.payment.opened_payments import EXPIRY_SCAN
from herne.portal.payment.opened_payments import keep
from herne.portal.payment.opened_payments import kept
from plone import api
from tests.fixtures.applications import CITIZEN
from tests.fixtures.payment import apply
from tests.fixtures.payment import opened_since
from tests.fixtures.payment import stored
import time
import transaction
from ZPublisher.HTTPRequest import HTTPRequest


def test_a_resend_on_another_instance_pays_the_transaction_the_lost_request_opened(
    paying_site,
    api_session,
    payment_service,
    conflicts,
    monkeypatch,
):
    # The first instance opens the payment and dies before its commit (here: Zope gives
    # up at once, which leaves the database as a kill would).
    monkeypatch.setattr(HTTPRequest, "retry_max_count", 0)
    earlier = set(payment_service.transactions()["transactions"])
    conflicts.update(path="@antragsformular", times=1)
    citizen = api_session(*CITIZEN)
    lost = apply(citizen, paying_site, "killed-before-commit")
    assert lost.status_code == 503
    (first,) = opened_since(payment_service, earlier)

    # The resend reaches another instance, which has none of the first one's memory.
    forget_all()
    answer = apply(citizen, paying_site, "killed-before-commit")

    assert answer.status_code == 402, answer.text
    opened = opened_since(payment_service, earlier)
    assert opened == {first: "INITIAL"}  # no second, unused transaction
    assert answer.json()["payment_url"].endswith(first)
    application = stored(answer.json()["@id"])
    assert application.payment["transaction_id"] == first
    # the pay page's return address names this application: the citizen comes back to it
    payment = payment_service.transactions()["transactions"][first]
    assert application.absolute_url() in str(payment)


def test_old_entries_leave_the_table_as_new_ones_are_written(paying_site):  # noqa: F811
    portal = api.portal.get()
    assert keep(portal, {("old", i): i for i in range(EXPIRY_SCAN * 3)})
    transaction.begin()
    table = getattr(portal, ATTRIBUTE)
    for name in list(table.keys()):
        table[name] = (time.time() - 3 * 60 * 60, table[name][1])
    transaction.commit()
    for round_ in range(40):
        keep(portal, {("new", round_): round_})
    transaction.begin()
    assert kept(portal, ("new", 39)) == 39
    assert kept(portal, ("old", 0)) is None  # too old to be offered again, even if not yet removed
    assert len(getattr(portal, ATTRIBUTE)) < EXPIRY_SCAN * 3 + 40
