"""The FIT-Connect test server records when it received a submission (the drills' delivery delay)."""

from herne.portal.fitconnect.sender import FitConnectSender
from tests.fixtures.applications import build_application
from tests.fixtures.fitconnect import Entry
from tests.fixtures.fitconnect import complete_rows
import time
import transaction


SERVICE = "hundesteuer"


def test_a_submission_carries_the_time_the_server_received_it(demo_functional, fit_connect):
    portal = demo_functional["portal"]
    service = portal["leistungen"][SERVICE]
    fit_connect.deliver_here(service)
    application = build_application(portal, service, rows=complete_rows(service))
    transaction.commit()

    before = time.time()
    FitConnectSender().send(Entry(application), application)
    after = time.time()

    (received,) = fit_connect.deliveries()["submissions"]
    assert received["reference"] == application.reference_number
    assert before <= received["received_at"] <= after
