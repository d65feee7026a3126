"""Plone's content rules are looked for only once the site has a rule: none stored on new applications, a rule an editor adds still runs."""

from herne.portal import idle_content_rules
from plone import api
from plone.app.contentrules import handlers
from plone.app.contentrules.actions.notify import NotifyAction
from plone.app.contentrules.api import assign_rule
from plone.app.contentrules.rule import Rule
from plone.contentrules.engine.assignments import KEY as ASSIGNMENTS
from plone.contentrules.engine.interfaces import IRuleStorage
from Products.CMFCore.interfaces import IActionSucceededEvent
from Products.statusmessages.interfaces import IStatusMessage
from tests.fixtures.applications import build_application
from unittest import mock
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility


def add_rule_on_every_transition(portal, message):
    """What an editor sets up in the "Inhaltsregeln" control panel: a message after each workflow transition."""
    storage = getUtility(IRuleStorage)
    rule = Rule()
    rule.title = "Hinweis nach jedem Statuswechsel"
    rule.event = IActionSucceededEvent
    action = NotifyAction()
    action.message = message
    action.message_type = "info"
    rule.actions.append(action)
    storage["hinweis"] = rule
    assign_rule(portal, "hinweis", bubbles=True)


def messages(portal):
    return [message.message for message in IStatusMessage(portal.REQUEST).show()]


def test_without_rules_an_application_keeps_no_rule_assignments(demo_portal):
    assert not len(getUtility(IRuleStorage))  # the site as installed has none
    with mock.patch.object(
        idle_content_rules, "plone_execute", wraps=idle_content_rules.plone_execute
    ) as plones_walk:
        application = build_application(demo_portal, "hundesteuer")
    assert api.content.get_state(application) == "submitted"
    assert plones_walk.call_count == 0
    # Before, asking for rules stored an empty assignment on every new application.
    assert ASSIGNMENTS not in IAnnotations(application)


def test_a_rule_an_editor_adds_runs_on_applications(demo_portal):
    add_rule_on_every_transition(demo_portal, "Statuswechsel gemeldet")
    messages(demo_portal)  # none left from before
    application = build_application(demo_portal, "hundesteuer")
    assert api.content.get_state(application) == "submitted"
    assert messages(demo_portal) == ["Statuswechsel gemeldet"]
    handlers.close(None)  # the request ends: Plone runs a rule once per object and request
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=application, transition="accept")
    assert messages(demo_portal) == ["Statuswechsel gemeldet"]


def test_a_disabled_rule_storage_runs_nothing(demo_portal):
    add_rule_on_every_transition(demo_portal, "Statuswechsel gemeldet")
    getUtility(IRuleStorage).active = False
    messages(demo_portal)
    build_application(demo_portal, "hundesteuer")
    assert messages(demo_portal) == []
