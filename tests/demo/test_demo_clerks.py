"""Whatever a demo citizen can apply for online, a demo clerk of that department can see and process."""

from plone import api
from tests.fixtures.applications import build_application
from tests.fixtures.applications import state_of
from tests.fixtures.browsers import demo_password
from tests.fixtures.catalogue import demo_catalogue
from tests.fixtures.journeys import step
import transaction


def services_with_online_form(portal):
    services = api.content.find(context=portal["leistungen"], portal_type="Service")
    return [
        brain.getObject()
        for brain in services
        if "antrag" in brain.getObject() and brain.getObject()["antrag"].portal_type == "EasyForm"
    ]


def demo_clerks_of(department_id):
    group = f"clerks-{department_id}"
    return [user["username"] for user in demo_catalogue().users if group in user["groups"]]


def test_every_department_with_an_online_form_has_a_demo_clerk(demo):
    services = services_with_online_form(demo["portal"])
    assert len(services) >= 6
    without_clerk = {
        service.getId(): service.department_object().getId()
        for service in services
        if not demo_clerks_of(service.department_object().getId())
    }
    assert without_clerk == {}


def test_a_demo_clerk_sees_and_processes_each_online_service(demo_functional, browser_as):
    portal = demo_functional["portal"]
    for service in services_with_online_form(portal):
        application = build_application(portal, service)
        transaction.commit()
        (clerk_name, *_others) = demo_clerks_of(service.department_object().getId())
        clerk = browser_as(clerk_name, demo_password(clerk_name))
        clerk.open(f"{portal.absolute_url()}/@@arbeitskorb")
        assert application.reference_number in clerk.contents, service.getId()
        step(clerk, application, "Bearbeitung beginnen")
        assert state_of(application) == "in_progress", service.getId()
