"""The delivery state reaches the department's clerks on the page and in @antrag, never the citizen or others."""

from herne.portal.fitconnect.sender import FitConnectSender
import pytest
from tests.fixtures.applications import build_application
from tests.fixtures.fitconnect import Entry
from tests.fixtures.fitconnect import complete_rows
from tests.fixtures.rest import portal_session
from tests.fixtures.rest import relative
import transaction


SERVICE = "hundesteuer"
TAX_CLERK = ("sachbearbeitung-steuern", "demo-sachbearbeitung-steuern-2026")
CITIZEN = ("buerger", "demo-buerger-2026")
OTHER_CLERK = ("sachbearbeitung", "demo-sachbearbeitung-2026")


@pytest.fixture
def delivered(demo_functional, fit_connect):
    portal = demo_functional["portal"]
    service = portal["leistungen"][SERVICE]
    fit_connect.deliver_here(service)
    application = build_application(portal, service, rows=complete_rows(service))
    transaction.commit()
    FitConnectSender().send(Entry(application), application)
    transaction.commit()
    return portal, application


def test_the_departments_clerk_sees_the_delivery_on_the_page_and_in_rest(delivered):
    portal, application = delivered
    session = portal_session(portal, *TAX_CLERK)
    answer = session.get(f"{relative(application, portal)}/@antrag").json()
    assert answer["fachverfahren"]["label"] == (
        "An das Fachverfahren übermittelt, noch nicht übernommen"
    )
    assert answer["fachverfahren"]["submission_id"]
    page = session.get(application.absolute_url(), headers={"Accept": "text/html"}).text
    assert "Fachverfahren (FIT-Connect)" in page
    assert answer["fachverfahren"]["submission_id"] in page


def test_the_citizen_sees_no_delivery_details(delivered):
    portal, application = delivered
    session = portal_session(portal, *CITIZEN)
    answer = session.get(f"{relative(application, portal)}/@antrag").json()
    assert answer["reference_number"] == application.reference_number
    assert answer["fachverfahren"] is None
    page = session.get(application.absolute_url(), headers={"Accept": "text/html"}).text
    assert "Fachverfahren (FIT-Connect)" not in page


def test_a_clerk_of_another_department_reaches_neither_the_application_nor_its_delivery(
    delivered,
):
    portal, application = delivered
    session = portal_session(portal, *OTHER_CLERK)
    assert session.get(f"{relative(application, portal)}/@antrag").status_code in (401, 403, 404)
    page = session.get(f"{application.absolute_url()}/@@fachverfahren")
    assert page.status_code in (401, 403, 404) or "FIT-Connect" not in page.text
