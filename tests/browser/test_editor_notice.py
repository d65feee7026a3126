"""Editors see why a service without a department cannot be published."""

from plone import api
import transaction


def test_notice_for_service_without_department(manager_browser, demo_portal):
    with api.env.adopt_roles(["Manager"]):
        service = api.content.create(
            container=demo_portal["leistungen"], type="Service", title="Ohne Zuständigkeit"
        )
    transaction.commit()
    manager_browser.open(service.absolute_url())
    assert "kann erst veröffentlicht werden, wenn eine zuständige" in manager_browser.contents
    assert "workflow_action=publish" not in manager_browser.contents


def test_no_notice_when_department_is_set(manager_browser, demo_portal):
    manager_browser.open(demo_portal["leistungen"]["hundesteuer"].absolute_url())
    assert "kann erst veröffentlicht werden" not in manager_browser.contents
