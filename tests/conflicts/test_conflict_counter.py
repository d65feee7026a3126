"""Conflicts that Zope retries are counted and logged; only managers read the counts."""

from herne.portal.conflicts import counter
import json
import logging
from plone.testing.zope import Browser
import pytest
from transaction.interfaces import TransientError
from ZODB.POSException import ConflictError
from ZODB.POSException import ReadConflictError
from zope.component import getGlobalSiteManager
from ZPublisher.HTTPRequest import HTTPRequest
from ZPublisher.interfaces import IPubBeforeCommit
from ZPublisher.pubevents import PubFailure


class FakeRequest(dict):
    retry_count = 1


@pytest.fixture()
def fresh_counts():
    counter.reset()
    yield
    counter.reset()


@pytest.mark.parametrize(
    "error, retry, retried, given_up",
    [
        (ConflictError(), True, 1, 0),
        (ReadConflictError(), True, 1, 0),
        (ConflictError(), False, 0, 1),
        (TransientError(), True, 1, 0),
        (ValueError(), True, 0, 0),
        (KeyError(), False, 0, 0),
    ],
)
def test_failures_are_counted_by_kind(fresh_counts, error, retry, retried, given_up):
    request = FakeRequest(PATH_INFO="/herne/antrag", REQUEST_METHOD="POST")
    counter.publication_failed(PubFailure(request, (type(error), error, None), retry))
    stats = counter.snapshot()
    assert (stats["retried"], stats["given_up"]) == (retried, given_up)
    if retried or given_up:
        assert stats["by_error"] == {type(error).__name__: 1}
        assert stats["by_path"] == {"/herne/antrag": 1}


def test_each_failure_is_logged(fresh_counts, caplog):
    request = FakeRequest(PATH_INFO="/herne/antrag", REQUEST_METHOD="POST")
    error = ConflictError("oid 0x2a")
    with caplog.at_level(logging.INFO, logger="herne.portal.conflicts"):
        counter.publication_failed(PubFailure(request, (ConflictError, error, None), True))
        counter.publication_failed(PubFailure(request, (ConflictError, error, None), False))
    retried, given_up = caplog.records
    assert retried.levelname == "INFO"
    assert retried.getMessage().startswith("retried POST /herne/antrag after attempt 2: ")
    assert given_up.levelname == "ERROR"
    assert given_up.getMessage().startswith("gave up on POST /herne/antrag after attempt 2: ")


@pytest.fixture()
def conflict_once(monkeypatch):
    """The next request's commit fails once with a ConflictError, as under real contention."""
    monkeypatch.setattr(HTTPRequest, "retry_max_count", 3)
    monkeypatch.setattr(HTTPRequest, "delay_retry", lambda self: None)
    raised = []

    def conflict_at_first_commit(event):
        if not raised:
            raised.append(event.request.get("PATH_INFO"))
            raise ConflictError("simulated conflict")

    registry = getGlobalSiteManager()
    registry.registerHandler(conflict_at_first_commit, (IPubBeforeCommit,))
    yield raised
    registry.unregisterHandler(conflict_at_first_commit, (IPubBeforeCommit,))


def test_a_retried_conflict_is_counted_and_invisible_to_the_citizen(
    demo_functional, fresh_counts, conflict_once
):
    browser = Browser(demo_functional["app"])
    browser.open(demo_functional["portal"].absolute_url() + "/leistungen")
    assert browser.headers["status"].startswith("200")
    assert conflict_once == ["/plone/leistungen"]
    stats = counter.snapshot()
    assert (stats["retried"], stats["given_up"]) == (1, 0)
    assert stats["by_path"] == {"/plone/leistungen": 1}


def test_managers_read_the_counts_as_json(demo_functional, fresh_counts):
    counter.record(ConflictError(), retried=True, path="/plone/x")
    browser = Browser(demo_functional["app"])
    browser.addHeader("Authorization", "Basic admin:secret")
    browser.open(demo_functional["portal"].absolute_url() + "/@@herne-conflict-stats")
    assert browser.headers["Content-Type"].startswith("application/json")
    stats = json.loads(browser.contents)
    assert stats["retried"] == 1 and stats["given_up"] == 0
    assert stats["by_error"] == {"ConflictError": 1}
    assert isinstance(stats["pid"], int)


@pytest.mark.parametrize("credentials", [None, "buerger:demo-buerger-2026"])
def test_others_may_not_read_the_counts(demo_functional, credentials):
    browser = Browser(demo_functional["app"])
    browser.raiseHttpErrors = False
    browser.followRedirects = False
    if credentials:
        browser.addHeader("Authorization", f"Basic {credentials}")
    browser.open(demo_functional["portal"].absolute_url() + "/@@herne-conflict-stats")
    # Plone answers Unauthorized with a redirect to its log-in page.
    assert browser.headers["status"].split()[0] in ("302", "401", "403")
    assert b"retried" not in (browser.contents or b"")


def test_paths_are_counted_in_a_bounded_table():
    from herne.portal.conflicts import counter
    from ZODB.POSException import ConflictError

    counter.reset()
    try:
        for number in range(counter.MAX_PATHS + 50):
            counter.record(ConflictError(), True, f"/herne/antraege/antrag-{number}")
        counter.record(ConflictError(), True, "/herne/antraege/antrag-0")
        stats = counter.snapshot()
        assert len(stats["by_path"]) == counter.MAX_PATHS + 1
        assert stats["by_path"][counter.OTHER_PATHS] == 50
        assert stats["by_path"]["/herne/antraege/antrag-0"] == 2
        assert stats["retried"] == counter.MAX_PATHS + 51
    finally:
        counter.reset()
