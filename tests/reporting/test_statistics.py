"""Application statistics on applications whose dates, states and times are known."""

from DateTime import DateTime
from datetime import datetime
from datetime import time
from datetime import timedelta
from herne.portal.applications.processing import WORKFLOW_ID
from herne.portal.reporting.statistics import backlog
from herne.portal.reporting.statistics import originals_share
from herne.portal.reporting.statistics import percentile
from herne.portal.reporting.statistics import processing_times
from herne.portal.reporting.statistics import today_in_herne
from herne.portal.reporting.statistics import weekly_submissions
from plone import api
import pytest
from tests.fixtures.applications import bring_to
from tests.fixtures.applications import draft_application


TODAY = today_in_herne()
MONDAY = TODAY - timedelta(days=TODAY.weekday())


def put(application, state, weeks_ago, days=None):
    """An application submitted on Monday ``weeks_ago`` weeks back, now in ``state``."""
    application.submitted = DateTime(
        datetime.combine(MONDAY - timedelta(weeks=weeks_ago), time(10))
    )
    workflow = api.portal.get_tool("portal_workflow")
    status = dict(workflow.getStatusOf(WORKFLOW_ID, application), review_state=state)
    workflow.setStatusOf(WORKFLOW_ID, application, status)
    application.processing_days = days
    application.reindexObject()
    return application


@pytest.fixture()
def known_applications(demo):
    portal = demo["portal"]
    return {
        "A1": put(draft_application(portal, "hundesteuer"), "submitted", 0),
        "A2": put(draft_application(portal, "hundesteuer"), "in_progress", 1),
        "A3": put(draft_application(portal, "lebensbescheinigung"), "originals_pending", 2),
        "A4": put(draft_application(portal, "fuehrungszeugnis"), "sent", 3, days=10.0),
        "A5": put(draft_application(portal, "fuehrungszeugnis"), "rejected", 3, days=4.0),
        "A6": put(draft_application(portal, "lebensbescheinigung"), "sent", 3, days=20.0),
        "A7": put(draft_application(portal, "hundesteuer"), "withdrawn", 3, days=1.0),
        "A8": draft_application(portal, "hundesteuer"),  # a draft: counted nowhere
        "A9": put(draft_application(portal, "hundesteuer"), "sent", 20, days=30.0),
    }


def test_submissions_per_week_and_service(known_applications):
    weekly = weekly_submissions()
    assert len(weekly["weeks"]) == 12
    assert weekly["week_starts"][-1] == MONDAY.isoformat()
    assert weekly["services"] == {
        "Führungszeugnis beantragen": [0] * 8 + [2, 0, 0, 0],
        "Hundesteuer an- und abmelden": [0] * 8 + [1, 0, 1, 1],
        "Lebensbescheinigung für den Rentenversicherungsträger": [0] * 8 + [1, 1, 0, 0],
    }
    assert weekly["totals"] == [0] * 8 + [4, 1, 1, 1]


def test_backlog_per_department_and_state(known_applications):
    rows = {row["department"]: row for row in backlog()}
    assert set(rows) == {"Steuern und Abgaben", "Bürgerdienste Wanne"}
    assert rows["Steuern und Abgaben"]["states"]["submitted"] == 1
    assert rows["Steuern und Abgaben"]["states"]["in_progress"] == 1
    assert rows["Steuern und Abgaben"]["total"] == 2
    assert rows["Bürgerdienste Wanne"]["states"]["originals_pending"] == 1
    assert rows["Bürgerdienste Wanne"]["total"] == 1


def test_processing_time_median_and_90th_percentile(known_applications):
    times = processing_times()
    # decided: 4, 10, 20, 30 days; the withdrawal does not count
    assert times["overall"] == {"count": 4, "median": 15.0, "p90": 30.0}
    assert times["services"]["Führungszeugnis beantragen"] == {
        "count": 2,
        "median": 7.0,
        "p90": 10.0,
    }


def backdate(application, days_ago):
    """As if the history's steps named in ``days_ago`` had been taken that many days ago."""
    now = DateTime()
    history = application.workflow_history[WORKFLOW_ID]
    application.workflow_history[WORKFLOW_ID] = tuple(
        {**entry, "time": now - days_ago[entry["action"]]}
        if entry.get("action") in days_ago
        else entry
        for entry in history
    )


@pytest.mark.parametrize(
    "waiting,last_step,days_ago",
    [
        # ready for 25 days before the citizen came to the counter
        ("ready_for_pickup", "confirm_pickup", {"approve": 26, "make_ready_for_pickup": 25}),
        ("approved", "send_by_post", {"approve": 26}),
    ],
    ids=["picked_up", "sent"],
)
def test_processing_time_ends_at_the_decision(demo, waiting, last_step, days_ago):
    application = draft_application(demo["portal"], "lebensbescheinigung")
    bring_to(application, waiting)
    application.submitted = DateTime() - 30
    backdate(application, days_ago)  # decided four days after submission
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=application, transition=last_step)
    application.reindexObject()
    assert application.processing_days == pytest.approx(4.0, abs=0.01)  # not 30 days
    history = application.workflow_history[WORKFLOW_ID]
    assert application.decided == next(e["time"] for e in history if e["action"] == "approve")
    service = processing_times()["services"][
        "Lebensbescheinigung für den Rentenversicherungsträger"
    ]
    assert service["count"] == 1
    assert service["median"] == pytest.approx(4.0, abs=0.01)


def test_withdrawal_ends_when_withdrawn(demo):
    application = draft_application(demo["portal"], "lebensbescheinigung")
    application.submitted = DateTime()
    bring_to(application, "withdrawn")
    assert application.decided is not None
    assert application.processing_days == pytest.approx(0.0, abs=0.01)


def test_share_with_originals(known_applications):
    # submitted: all but the draft (8); with originals: the two life certificates
    assert originals_share() == {"total": 8, "with_originals": 2, "share": 25.0}


def test_percentile_nearest_rank():
    assert percentile([], 0.9) is None
    assert percentile([5], 0.9) == 5
    assert percentile(list(range(1, 11)), 0.9) == 9
    assert percentile(list(range(1, 11)), 0.5) == 5
