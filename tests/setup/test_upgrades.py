"""A site installed at an older profile version upgrades to the current one."""

import herne.portal
from herne.portal.rest_tokens import HerneJWTPlugin
from herne.portal.sessions import HerneSessionPlugin
import json
from pathlib import Path
from plone import api
from plone.base.utils import get_installer
from plone.restapi.pas.plugin import JWTAuthenticationPlugin
from plone.session.plugins.session import SessionPlugin
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.interfaces.plugins import ICredentialsResetPlugin
import re


PROFILE = "herne.portal:default"
#: The profile's version in metadata.xml: every upgrade path must end there.
LATEST = re.search(
    r"<version>(\d+)</version>",
    (Path(herne.portal.__file__).parent / "profiles" / "default" / "metadata.xml").read_text(),
).group(1)


def test_upgrade_1000_to_1001(portal):
    setup_tool = api.portal.get_tool("portal_setup")
    # a site of the first release: no application types, no application root
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=portal["antraege"])
    portal.portal_types.manage_delObjects(["Application", "ApplicationArea"])
    setup_tool.setLastVersionForProfile(PROFILE, "1000")

    steps = setup_tool.listUpgrades(PROFILE)
    # each version is one group: its import steps (upgradeDepends), then its handler
    assert [[type(step["step"]).__name__ for step in group] for group in steps] == [
        ["UpgradeDepends", "UpgradeStep"]
    ] * 9 + [
        ["UpgradeStep"],
        ["UpgradeDepends", "UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeDepends", "UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeDepends", "UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeDepends", "UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeDepends"],
        ["UpgradeDepends", "UpgradeStep"],
        ["UpgradeDepends"],
        ["UpgradeStep"],
        ["UpgradeDepends"],
        ["UpgradeStep"],
        ["UpgradeDepends", "UpgradeStep"],
        ["UpgradeDepends"],
        ["UpgradeDepends", "UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeDepends"],
        ["UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeDepends", "UpgradeStep"],
        ["UpgradeDepends", "UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeDepends"],
        ["UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeDepends", "UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeStep"],
        ["UpgradeStep"],
    ]
    assert [group[0]["dest"] for group in steps] == [
        ("1001",),
        ("1002",),
        ("1003",),
        ("1004",),
        ("1005",),
        ("1006",),
        ("1007",),
        ("1008",),
        ("1009",),
        ("1011",),
        ("1012",),
        ("1013",),
        ("1014",),
        ("1015",),
        ("1016",),
        ("1017",),
        ("1018",),
        ("1019",),
        ("1020",),
        ("1021",),
        ("1022",),
        ("1023",),
        ("1024",),
        ("1025",),
        ("1026",),
        ("1027",),
        ("1028",),
        ("1029",),
        ("1030",),
        ("1031",),
        ("1032",),
        ("1033",),
        ("1034",),
        ("1035",),
        ("1036",),
        ("1037",),
        ("1038",),
        ("1039",),
        ("1040",),
        ("1041",),
        ("1042",),
        ("1043",),
        ("1044",),
        ("1045",),
        ("1046",),
        ("1047",),
        ("1048",),
        ("1049",),
        ("1050",),
        ("1051",),
        ("1052",),
    ]
    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert "Application" in portal.portal_types.objectIds()
    assert portal["antraege"].portal_type == "ApplicationRoot"
    assert api.portal.get_registry_record("herne.portal.max_file_size_mb") == 10


def test_upgrade_1001_to_1002_installs_the_processing_workflow(portal):
    setup_tool = api.portal.get_tool("portal_setup")
    workflow = portal.portal_workflow["herne_application_workflow"]
    workflow.states.manage_delObjects(["in_progress"])
    setup_tool.setLastVersionForProfile(PROFILE, "1001")
    setup_tool.upgradeProfile(PROFILE)
    workflow = portal.portal_workflow["herne_application_workflow"]
    assert "in_progress" in workflow.states.objectIds()
    assert "withdraw" in workflow.transitions.objectIds()


def test_upgrade_1002_to_1003_adds_worklist_index_and_mail_texts(portal):
    setup_tool = api.portal.get_tool("portal_setup")
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex("submitted")
    registry = api.portal.get_tool("portal_registry")
    del registry.records["herne.portal.mail.rejected"]
    setup_tool.setLastVersionForProfile(PROFILE, "1002")
    setup_tool.upgradeProfile(PROFILE)
    assert "submitted" in catalog.indexes()
    assert "Begründung" in api.portal.get_registry_record("herne.portal.mail.rejected")
    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)


def test_upgrade_1003_to_1004_adds_postkorb_and_message_texts(portal):
    setup_tool = api.portal.get_tool("portal_setup")
    registry = api.portal.get_tool("portal_registry")
    del registry.records["herne.portal.mail.message"]
    portal.portal_actions.user.manage_delObjects(["herne-postkorb"])
    setup_tool.setLastVersionForProfile(PROFILE, "1003")
    setup_tool.upgradeProfile(PROFILE)
    assert "Nachricht" in api.portal.get_registry_record("herne.portal.mail.message")
    assert "herne-postkorb" in portal.portal_actions.user.objectIds()
    assert "citizen_unread" in api.portal.get_tool("portal_catalog").schema()


def test_upgrade_1004_to_1005_takes_internal_comments_out_of_the_public_history(demo):
    from herne.portal.applications.messages import notes_by_step
    from herne.portal.applications.messages import step_key
    from herne.portal.upgrades.to1005 import separate_internal_comments
    from tests.fixtures.applications import bring_to
    from tests.fixtures.applications import draft_application

    application = draft_application(demo["portal"])
    bring_to(application, "in_progress")
    history = application.workflow_history["herne_application_workflow"]
    # an entry as version 1004 wrote it: the internal text in "comments"
    old = dict(history[-1], comments="Vorstrafe prüfen", internal=True)
    application.workflow_history["herne_application_workflow"] = (*history[:-1], old)
    assert separate_internal_comments(application)
    entry = application.workflow_history["herne_application_workflow"][-1]
    assert entry["comments"] == ""
    assert notes_by_step(application)[step_key(entry["time"])] == "Vorstrafe prüfen"


def test_upgrade_1005_to_1006_sets_up_eid_and_self_registration(portal):
    from herne.portal.interfaces import IHerneEidPlugin
    from Products.PluggableAuthService.interfaces.plugins import IChallengePlugin

    setup_tool = api.portal.get_tool("portal_setup")
    pas = api.portal.get_tool("acl_users")
    pas._delObject("oidc")
    registry = api.portal.get_tool("portal_registry")
    del registry.records["herne.portal.eid.issuer"]
    api.portal.set_registry_record("plone.enable_self_reg", False)
    portal.portal_controlpanel.unregisterConfiglet("herne-eid")
    setup_tool.setLastVersionForProfile(PROFILE, "1005")
    setup_tool.upgradeProfile(PROFILE)
    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert IHerneEidPlugin.providedBy(pas["oidc"])
    assert pas["oidc"].getProperty("use_pkce") is True
    # the local log-in form stays the default challenge
    assert "oidc" not in pas.plugins.listPluginIds(IChallengePlugin)
    assert api.portal.get_registry_record("herne.portal.eid.issuer", default="x") is None
    assert api.portal.get_registry_record("plone.enable_self_reg") is True
    assert "Add portal member" in [
        p["name"] for p in portal.permissionsOfRole("Anonymous") if p["selected"]
    ]
    assert "herne-eid" in [c.getId() for c in portal.portal_controlpanel.listActions()]


def test_upgrade_1006_to_1007_adds_portal_settings_and_reporting_role(portal):
    setup_tool = api.portal.get_tool("portal_setup")
    registry = api.portal.get_tool("portal_registry")
    del registry.records["herne.portal.site.ozg_target_percent"]
    portal.portal_controlpanel.unregisterConfiglet("herne-portal")
    portal.portal_catalog.delIndex("needs_originals")
    portal.portal_actions.user.manage_delObjects(["herne-ozg-dashboard"])
    portal.portal_actions.site_actions.manage_delObjects(["herne-trusted-domain"])
    setup_tool.setLastVersionForProfile(PROFILE, "1006")
    setup_tool.upgradeProfile(PROFILE)
    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert api.portal.get_registry_record("herne.portal.site.ozg_target_percent") == 80
    assert "herne-portal" in [c.getId() for c in portal.portal_controlpanel.listActions()]
    assert "DigitalisationUnit" in portal.validRoles()
    assert "needs_originals" in portal.portal_catalog.indexes()
    assert "herne-ozg-dashboard" in portal.portal_actions.user.objectIds()
    assert "herne-trusted-domain" in portal.portal_actions.site_actions.objectIds()
    assert "DigitalisationUnit" in [
        r["name"]
        for r in portal.rolesOfPermission("herne.portal: View OZG dashboard")
        if r["selected"]
    ]


def test_upgrade_1007_to_1008_links_the_accessibility_statement_in_the_footer(portal):
    site_actions = portal.portal_actions.site_actions
    site_actions.manage_delObjects(["herne-accessibility-statement"])
    site_actions["accessibility"].visible = True
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1007")
    setup_tool.upgradeProfile(PROFILE)
    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    action = site_actions["herne-accessibility-statement"]
    assert action.url_expr == "string:${portal_url}/@@erklaerung-barrierefreiheit"
    assert action.visible
    # Plone's generic page on accessibility no longer competes with the statement.
    assert not site_actions["accessibility"].visible
    # The other site actions stay as they were.
    assert site_actions["herne-trusted-domain"].visible


def test_upgrade_1007_to_1008_registers_the_portal_stylesheet(portal):
    registry = api.portal.get_tool("portal_registry")
    for name in [
        key
        for key in list(registry.records.keys())
        if key.startswith("plone.bundles/herne-portal.")
    ]:
        del registry.records[name]
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1007")
    setup_tool.upgradeProfile(PROFILE)
    prefix = "plone.bundles/herne-portal"
    assert api.portal.get_registry_record(f"{prefix}.enabled") is True
    assert (
        api.portal.get_registry_record(f"{prefix}.csscompilation")
        == "++plone++herne.portal/herne-portal.css"
    )


def test_upgrade_1007_to_1008_ends_processing_times_at_the_decision(demo):
    from DateTime import DateTime
    from herne.portal.upgrades.to1008 import recompute_processing_times
    from tests.fixtures.applications import bring_to
    from tests.fixtures.applications import draft_application

    application = draft_application(demo["portal"])
    bring_to(application, "sent")
    history = application.workflow_history["herne_application_workflow"]
    approved = [entry["time"] for entry in history if entry["action"] == "approve"][-1]
    application.submitted = approved - 3
    # as version 1007 recorded it: up to sending, twelve days after the approval
    application.decided = approved + 12
    application.processing_days = round(float(approved + 12 - application.submitted), 3)
    application.reindexObject()

    assert recompute_processing_times() == 1
    assert application.decided == approved
    expected = round(float(approved - application.submitted), 3)
    assert application.processing_days == expected
    (brain,) = api.content.find(UID=application.UID(), unrestricted=True)
    assert brain.processing_days == expected
    assert isinstance(application.decided, DateTime)
    assert recompute_processing_times() == 0


def test_upgrade_1008_to_1009_indexes_closing_dates_for_retention(demo):
    from herne.portal.applications.retention import due_applications
    from tests.fixtures.applications import bring_to
    from tests.fixtures.applications import draft_application

    application = draft_application(demo["portal"])
    bring_to(application, "rejected")
    catalog = api.portal.get_tool("portal_catalog")
    registry = api.portal.get_tool("portal_registry")
    # as version 1008 left a site: no retention settings, no closing dates in the catalog
    catalog.delIndex("closed")
    catalog.delIndex("anonymised")
    del registry.records["herne.portal.retention_months"]
    del registry.records["herne.portal.retention_action"]
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1008")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert api.portal.get_registry_record("herne.portal.retention_months") == 24
    assert api.portal.get_registry_record("herne.portal.retention_action") == "anonymise"
    (brain,) = catalog.unrestrictedSearchResults(UID=application.UID(), anonymised=False)
    closed = brain._unrestrictedGetObject().workflow_history["herne_application_workflow"][-1]
    assert catalog.unrestrictedSearchResults(
        UID=application.UID(), closed={"query": closed["time"], "range": "min"}
    )
    # and the retention job finds it once its period is over
    due = due_applications(closed["time"] + 24 * 31 + 1)
    assert (application.UID(), "anonymise") in [(b.UID, action) for b, action in due]


def test_upgrade_to_1011_ends_sessions_on_the_server(portal):
    plugin = portal.acl_users.session
    plugin.__class__ = SessionPlugin
    plugin.per_user_keyring = False
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1009")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    plugin = portal.acl_users.session
    assert isinstance(plugin, HerneSessionPlugin)
    assert plugin.getProperty("per_user_keyring") is True
    assert "session" in portal.acl_users.plugins.listPluginIds(IAuthenticationPlugin)


def test_upgrade_1011_to_1012_takes_account_search_and_sharing_from_citizens(demo):
    from herne.portal.workflow.application_table import WORKFLOW_ID
    from tests.fixtures.applications import draft_application

    portal = demo["portal"]
    application = draft_application(portal)
    # as version 1011 left a site: Members list accounts, the workflow leaves sharing to Plone
    portal.manage_permission(
        "List portal members", ["Manager", "Site Administrator", "Member"], acquire=True
    )
    workflow = portal.portal_workflow[WORKFLOW_ID]
    workflow.permissions = tuple(
        p
        for p in workflow.permissions
        if p not in ("Sharing page: Delegate roles", "Change local roles")
    )
    application.manage_permission(
        "Sharing page: Delegate roles", ["Manager", "Owner"], acquire=True
    )
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1011")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert "Member" not in [
        r["name"] for r in portal.rolesOfPermission("List portal members") if r["selected"]
    ]
    for permission in ("Sharing page: Delegate roles", "Change local roles"):
        assert "Owner" not in [
            r["name"] for r in application.rolesOfPermission(permission) if r["selected"]
        ]
        assert not application.acquiredRolesAreUsedBy(permission)


def test_upgrade_1012_to_1013_sends_changes_to_published_services_through_review(demo):
    portal = demo["portal"]
    workflow_tool = portal.portal_workflow
    department = portal["organisation"]["steuern"]
    service = portal["leistungen"]["hundesteuer"]
    # as version 1012 left a site: departments in the catalogue workflow, no working copies,
    # editors change published services directly
    history = department.workflow_history
    history["herne_catalogue_workflow"] = history.pop("herne_department_workflow")
    workflow_tool.setChainForPortalTypes(["Department"], ["herne_catalogue_workflow"])
    workflow_tool.manage_delObjects(["herne_department_workflow"])
    service.manage_permission(
        "Modify portal content", ["Manager", "Site Administrator", "Editor"], acquire=False
    )
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1012")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert workflow_tool.getChainForPortalType("Department") == ("herne_department_workflow",)
    assert api.content.get_state(department) == "published"
    assert api.portal.get_tool("portal_catalog")(UID=department.UID(), review_state="published")
    with api.env.adopt_user(username="redaktion"):
        assert api.user.has_permission("Modify portal content", obj=department)
        assert not api.user.has_permission("Modify portal content", obj=service)
        assert api.user.has_permission("iterate : Check out content", obj=service)
    assert get_installer(portal).is_product_installed("plone.app.iterate")


def test_upgrade_1013_to_1014_catalogues_the_facts_behind_the_badges(demo):
    portal = demo["portal"]
    catalog = api.portal.get_tool("portal_catalog")
    # as version 1013 left a site: no facts in the catalog
    catalog.delColumn("service_facts")
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1013")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    service = portal["leistungen"]["hundesteuer"]
    (brain,) = catalog(UID=service.UID())
    assert brain.service_facts["online_form"] is True


def test_upgrade_1014_to_1015_takes_plones_content_tools_from_citizens(demo):
    from herne.portal.workflow.application_table import CMS_TOOLS
    from herne.portal.workflow.application_table import FOLDER_CONTENTS
    from herne.portal.workflow.application_table import WORKFLOW_ID
    from tests.fixtures.applications import bring_to
    from tests.fixtures.applications import draft_application

    tools = [*CMS_TOOLS, FOLDER_CONTENTS]
    portal = demo["portal"]
    application = draft_application(portal)
    bring_to(application, "info_requested")
    # as version 1014 left a site: Plone's defaults give the content tools to Owner
    workflow = portal.portal_workflow[WORKFLOW_ID]
    workflow.permissions = tuple(p for p in workflow.permissions if p not in tools)
    for permission in tools:
        application.manage_permission(permission, ["Manager", "Owner"], acquire=True)
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1014")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    with api.env.adopt_user(username="buerger"):
        for permission in tools:
            assert not api.user.has_permission(permission, obj=application), permission


def test_upgrade_1015_to_1016_ends_rest_tokens_with_the_sessions(portal):
    acl_users = portal.acl_users
    # as version 1015 left a site: plone.restapi's own JWT plugin, no part in log-out
    acl_users.plugins.deactivatePlugin(ICredentialsResetPlugin, "jwt_auth")
    acl_users.jwt_auth.__class__ = JWTAuthenticationPlugin
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1015")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert isinstance(acl_users.jwt_auth, HerneJWTPlugin)
    assert "jwt_auth" in acl_users.plugins.listPluginIds(ICredentialsResetPlugin)
    assert "jwt_auth" in acl_users.plugins.listPluginIds(IAuthenticationPlugin)


def test_upgrade_1016_to_1017_marks_news_for_clerks(demo):
    from herne.portal.applications.clerk_news import MESSAGE
    from tests.fixtures.applications import build_application

    portal = demo["portal"]
    catalog = api.portal.get_tool("portal_catalog")
    # as version 1016 left a site: no index, an application the citizen wrote on
    catalog.delIndex("clerk_news")
    catalog.delColumn("clerk_news")
    application = build_application(portal, "fuehrungszeugnis")
    application.clerk_news = MESSAGE
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1016")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    (brain,) = catalog.unrestrictedSearchResults(clerk_news=[MESSAGE])
    assert application.UID() == brain.UID
    assert brain.clerk_news == MESSAGE


def test_upgrade_1017_to_1018_moves_the_eid_secret_out_of_the_registry(portal):
    from herne.portal.eid.secret import client_secret
    from plone.registry import field
    from plone.registry.record import Record

    registry = api.portal.get_tool("portal_registry")
    # as version 1017 left a site: the secret in a registry record
    registry.records["herne.portal.eid.client_secret"] = Record(
        field.Password(title="Client-Secret", required=False), "geheim-aus-1017"
    )
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1017")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert "herne.portal.eid.client_secret" not in registry.records
    assert client_secret() == "geheim-aus-1017"


def test_upgrade_1018_to_1019_shows_the_city_front_page(portal):
    # as version 1018 left a site: Plone's document view, logo and footer
    portal.setLayout("document_view")
    portal.portal_registry["plone.site_logo"] = None
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1018")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert portal.getLayout() == "startseite"
    assert b"datab64:" in api.portal.get_registry_record("plone.site_logo")
    assert api.portal.get_registry_record("herne.portal.front_page.featured_services") == []
    assert "herne-imprint" in portal.portal_actions.site_actions.objectIds()


def test_upgrade_1019_to_1020_gives_tinymce_no_barriers_and_keeps_own_settings(portal):
    # as version 1019 left a site: resizable editor, the site's own TinyMCE settings
    api.portal.set_registry_record("plone.resizing", True)
    api.portal.set_registry_record("plone.other_settings", '{"height": 400}')
    portal.portal_registry.records.__delitem__("plone.bundles/herne-editor.jscompilation")
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1019")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert api.portal.get_registry_record("plone.resizing") is False
    settings = json.loads(api.portal.get_registry_record("plone.other_settings"))
    assert settings == {
        "height": 400,
        "iframe_aria_text": "Texteditor",
        "branding": False,
        "promotion": False,
    }
    assert api.portal.get_registry_record("plone.bundles/herne-editor.jscompilation").endswith(
        "herne-editor.js"
    )


def test_upgrade_1020_to_1021_takes_the_dashboard_from_the_citizens_menu(demo):
    portal = demo["portal"]
    dashboard = portal.portal_actions.user.dashboard
    # as version 1020 left a site: Plone's condition, every member sees the link
    dashboard.manage_changeProperties(available_expr="python:member is not None")
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1020")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert "herne-shows-cms-tools" in dashboard.available_expr


def test_upgrade_1021_to_1022_lets_the_editorial_group_manage_the_front_page(demo):
    portal = demo["portal"]
    # as version 1021 left a site: the control panel for site administrators only
    api.group.revoke_roles(groupname="catalogue-editors", roles=["FrontPageEditor"])
    portal.manage_permission("herne.portal: Manage front page", ["Manager"], acquire=True)
    editor = api.user.get(username="redaktion")
    assert not api.user.has_permission("herne.portal: Manage front page", user=editor, obj=portal)
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1021")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert api.user.has_permission("herne.portal: Manage front page", user=editor, obj=portal)
    assert not api.user.has_permission("Manage portal", user=editor, obj=portal)


def test_upgrade_1022_to_1023_gives_offices_and_services_their_booking_settings(demo):
    portal = demo["portal"]
    types = portal.portal_types
    # as version 1022 left a site: neither type has the booking behavior
    for type_name, behavior in (
        ("Department", "herne.portal.office_booking"),
        ("Service", "herne.portal.service_booking"),
    ):
        fti = types[type_name]
        fti.behaviors = tuple(name for name in fti.behaviors if name != behavior)
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1022")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert "herne.portal.office_booking" in types["Department"].behaviors
    assert "herne.portal.service_booking" in types["Service"].behaviors


def test_upgrade_1023_to_1024_adds_the_booking_settings(portal):
    registry = api.portal.get_tool("portal_registry")
    # as version 1023 left a site: no booking settings in the registry
    for name in ("retention_days", "limit_per_person"):
        del registry.records[f"herne.portal.booking.{name}"]
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1023")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert api.portal.get_registry_record("herne.portal.booking.retention_days") == 30
    assert api.portal.get_registry_record("herne.portal.booking.limit_per_person") == 1


def test_upgrade_1024_to_1025_adds_the_control_panel_terminvergabe(portal):
    controlpanel = api.portal.get_tool("portal_controlpanel")
    # as version 1024 left a site: the settings without their control panel
    controlpanel.unregisterConfiglet("herne-booking")
    portal.manage_permission("herne.portal: Manage booking settings", [], acquire=True)
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1024")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    (configlet,) = [
        action for action in controlpanel.listActions() if action.getId() == "herne-booking"
    ]
    assert configlet.title == "Terminvergabe"
    assert configlet.permissions == ("herne.portal: Manage booking settings",)
    admin = api.user.create(email="a@example.org", username="terminverwaltung", password="x" * 12)
    api.user.grant_roles(user=admin, roles=["Site Administrator"])
    assert api.user.has_permission("herne.portal: Manage booking settings", user=admin, obj=portal)


def test_upgrade_1025_to_1026_files_the_stored_bookings_in_the_indexes(demo):
    from herne.portal.booking.application_index import APPLICATIONS
    from herne.portal.booking.application_index import application_entries
    from herne.portal.booking.bookings import book
    from herne.portal.booking.bookings import cancel
    from herne.portal.booking.limit import limit_reached
    from herne.portal.booking.person_index import PERSONS
    from herne.portal.booking.storage import utcnow
    from tests.fixtures.booking import next_weekday
    from tests.fixtures.booking import office
    from tests.fixtures.booking_mail import at
    from zope.annotation.interfaces import IAnnotations

    portal = demo["portal"]
    department = office(portal)
    service = portal["leistungen"]["personalausweis"]
    now = utcnow()
    day = next_weekday(1)

    def booked(hour, email, application=None):
        start = at(day, hour)
        return book(department, service.UID(), start, 15, 2, now, "B", email, application)[0]

    kept = booked(9, "bernd@example.org", application="an-application")
    cancel(department, booked(10, "berta@example.org"))
    # as version 1025 left a site: the bookings, but no indexes
    annotations = IAnnotations(portal)
    annotations.pop(PERSONS, None)
    annotations.pop(APPLICATIONS, None)
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1025")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert limit_reached(service.UID(), "Bernd@example.org", None, now)
    assert not limit_reached(service.UID(), "berta@example.org", None, now)
    assert [entry["code"] for entry in application_entries("an-application")] == [kept["code"]]


def test_upgrade_1026_to_1027_lets_helpers_follow_what_they_entered(demo):
    from herne.portal.assist.helpers import ENTERED_ROLE
    from tests.fixtures.applications import build_application

    portal = demo["portal"]
    application = build_application(portal, "hundesteuer")
    workflow = api.portal.get_tool("portal_workflow")
    # as version 1026 left a site: the roles unknown, the open states closed to helpers
    portal._delRoles(["AssistingHelper", ENTERED_ROLE])
    definition = workflow["herne_application_workflow"]
    definition.states["submitted"].setPermission("View", False, ["Manager", "Owner", "Clerk"])
    workflow.updateRoleMappings()
    assert ENTERED_ROLE not in application._View_Permission
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1026")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert {"AssistingHelper", ENTERED_ROLE} <= set(portal.valid_roles())
    assert ENTERED_ROLE in application._View_Permission
    assert "entered_by" in api.portal.get_tool("portal_catalog").indexes()


def test_upgrade_1027_to_1028_catalogues_letters_for_the_postausgang(portal):
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex("letters_open_since")
    catalog.delIndex("letters_printed_last")
    catalog.delColumn("letters_open_since")
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1027")
    setup_tool.upgradeProfile(PROFILE)
    assert {"letters_open_since", "letters_printed_last"} <= set(catalog.indexes())
    assert "letters_open_since" in catalog.schema()
    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)


def test_upgrade_1028_to_1029_adds_e_payment_settings_and_the_service_switch(portal):
    registry = api.portal.get_tool("portal_registry")
    controlpanel = api.portal.get_tool("portal_controlpanel")
    types = portal.portal_types
    # as version 1028 left a site: no payment settings, control panel or service switch
    for name in list(registry.records.keys()):
        if name.startswith("herne.portal.payment."):
            del registry.records[name]
    controlpanel.unregisterConfiglet("herne-payment")
    portal.manage_permission("herne.portal: Manage payment settings", [], acquire=True)
    fti = types["Service"]
    fti.behaviors = tuple(name for name in fti.behaviors if name != "herne.portal.service_payment")
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1028")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert api.portal.get_registry_record("herne.portal.payment.enabled") is False
    assert "{reference}" in api.portal.get_registry_record(
        "herne.portal.payment.booking_text_pattern"
    )
    assert "herne-payment" in [action.getId() for action in controlpanel.listActions()]
    assert "herne.portal.service_payment" in types["Service"].behaviors
    admin = api.user.create(email="k@example.org", username="stadtkasse-upg", password="x" * 12)
    api.user.grant_roles(user=admin, roles=["Site Administrator"])
    assert api.user.has_permission("herne.portal: Manage payment settings", user=admin, obj=portal)


def test_upgrade_1029_to_1030_moves_text_index_words_out_of_dicts(portal):
    catalog = api.portal.get_tool("portal_catalog")
    wordinfo = catalog._catalog.getIndex("SearchableText").index._wordinfo
    # as a site indexed before 1030 keeps a word of few documents: a dict in the bucket
    wid = max(wordinfo.keys())
    wordinfo[wid] = dict(wordinfo[wid].items())
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1029")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert not any(isinstance(value, dict) for value in wordinfo.values())


def test_upgrade_1030_to_1031_catalogues_the_payment_state(portal):
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delColumn("payment_state")
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1030")
    setup_tool.upgradeProfile(PROFILE)
    assert "payment_state" in catalog.schema()
    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)


def test_upgrade_1031_to_1032_marks_public_pages_for_shared_caches(portal):
    record = "plone.caching.interfaces.ICacheSettings.operationMapping"
    api.portal.set_registry_record("plone.caching.interfaces.ICacheSettings.enabled", False)
    api.portal.set_registry_record(record, {})
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1031")
    setup_tool.upgradeProfile(PROFILE)
    assert api.portal.get_registry_record("plone.caching.interfaces.ICacheSettings.enabled")
    mapping = api.portal.get_registry_record(record)
    assert mapping["herne.portal.publicPage"] == "plone.app.caching.moderateCaching"
    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)


def test_upgrade_1032_to_1033_adds_the_fit_connect_settings(portal):
    registry = portal.portal_registry
    for name in [r for r in registry.records if r.startswith("herne.portal.fitconnect.")]:
        del registry.records[name]
    controlpanel = api.portal.get_tool("portal_controlpanel")
    controlpanel.unregisterConfiglet("herne-fit-connect")
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1032")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert api.portal.get_registry_record("herne.portal.fitconnect.enabled") is False
    assert "herne-fit-connect" in [action.id for action in controlpanel.listActions()]


def test_upgrade_1033_to_1034_takes_files_out_of_the_catalog_and_intids(demo):
    from five.intid.keyreference import KeyReferenceToPersistent
    from plone.namedfile.file import NamedBlobFile
    from tests.fixtures.applications import PDF
    from tests.fixtures.applications import build_application
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    application = build_application(
        demo["portal"],
        uploads={"purpose_letter": ("Schreiben", NamedBlobFile(data=PDF, filename="a.pdf"))},
    )
    (evidence,) = application.contentValues()
    catalog = api.portal.get_tool("portal_catalog")
    intids = getUtility(IIntIds)
    # as version 1033 left a site: the file catalogued, both with intids
    file_path = "/".join(evidence.getPhysicalPath())
    catalog.catalog_object(evidence, file_path)
    for obj in (application, evidence):
        key = KeyReferenceToPersistent(obj)
        uid = intids._generateId()
        intids.refs[uid] = key
        intids.ids[key] = uid
    refs = len(intids.refs)
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1033")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert not catalog.unrestrictedSearchResults(path={"query": file_path, "depth": 0})
    assert catalog.unrestrictedSearchResults(UID=application.UID())
    assert len(intids.refs) == refs - 2
    assert KeyReferenceToPersistent(evidence) not in intids.ids
    assert KeyReferenceToPersistent(application) not in intids.ids


def test_upgrade_1034_to_1035_catalogues_the_letters_for_the_postausgang(demo):
    from herne.portal.applications.letters import add_letter
    from tests.fixtures.applications import build_application

    catalog = api.portal.get_tool("portal_catalog")
    application = build_application(demo["portal"], "hundesteuer")
    add_letter(application, "message", "Ihr Antrag", "Guten Tag")
    catalog.delColumn("letters_summary")
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1034")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    (brain,) = catalog.unrestrictedSearchResults(UID=application.UID())
    assert [letter["subject"] for letter in brain.letters_summary] == ["Ihr Antrag"]


def test_upgrade_1035_to_1036_adds_the_outbox(portal):
    from herne.portal.outbox.storage import ANNOTATION_KEY
    from zope.annotation.interfaces import IAnnotations

    registry = api.portal.get_tool("portal_registry")
    controlpanel = api.portal.get_tool("portal_controlpanel")
    for name in list(registry.records.keys()):
        if name.startswith("herne.portal.outbox."):
            del registry.records[name]
    controlpanel.unregisterConfiglet("herne-outbox")
    del IAnnotations(portal)[ANNOTATION_KEY]
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1035")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert api.portal.get_registry_record("herne.portal.outbox.max_tries") == 8
    assert "herne-outbox" in [action.getId() for action in controlpanel.listActions()]
    assert ANNOTATION_KEY in IAnnotations(portal)


def test_upgrade_1036_to_1037_takes_applications_out_of_unsearched_indexes(demo):
    from plone.indexer.interfaces import IIndexableObject
    from tests.fixtures.applications import build_application
    from zope.component import getMultiAdapter

    application = build_application(demo["portal"])
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=application.UID())
    # as version 1036 left a site: the application in Date, created and getId
    wrapper = getMultiAdapter((application, catalog), IIndexableObject)
    for name in ("Date", "created", "getId"):
        catalog._catalog.getIndex(name).index_object(brain.getRID(), wrapper)
    assert catalog.unrestrictedSearchResults(getId=application.getId())
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1036")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    for name in ("Date", "created", "getId"):
        assert catalog._catalog.getIndex(name).getEntryForObject(brain.getRID(), None) is None
    assert catalog.unrestrictedSearchResults(reference_number=application.reference_number)


def test_upgrade_1037_to_1038_offers_languages_and_keeps_german_addresses(portal):
    """A German-only site: the German pages stay where they are, translations get their own roots."""
    with api.env.adopt_roles(["Manager"]):
        for code in ("en", "tr", "uk", "ar"):
            api.content.delete(obj=portal[code])
        service = api.content.create(
            container=portal["leistungen"], type="Service", id="hundesteuer", title="Hundesteuer"
        )
    service.language = ""
    service.reindexObject()
    api.portal.set_registry_record("plone.available_languages", ["de"])
    application_fti = portal.portal_types["Application"]
    application_fti._updateProperty("behaviors", (*application_fti.behaviors, "plone.translatable"))
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1037")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert api.portal.get_registry_record("plone.available_languages") == [
        "de",
        "en",
        "tr",
        "uk",
        "ar",
    ]
    assert portal["leistungen"]["hundesteuer"].UID() == service.UID()
    assert service.Language() == "de"
    assert portal.getLayout() == "startseite"
    for code in ("en", "tr", "uk", "ar"):
        assert portal[code].portal_type == "LRF"
        assert portal[code].Language() == code
        assert portal[code]["leistungen"].Language() == code
    assert "plone.translatable" not in portal.portal_types["Application"].behaviors
    assert "plone.translatable" in portal.portal_types["Service"].behaviors


def test_upgrade_1038_to_1039_keeps_the_citizens_language_out_of_the_content_language(demo):
    from herne.portal.languages import german_only
    from tests.fixtures.applications import build_application

    application = build_application(demo["portal"])
    # as version 1038 left a site: the citizen's language in Dublin Core's language
    application.__dict__.pop("citizen_language", None)
    application.language = "tr"
    application.reindexObject(idxs=["Language"])
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(application.getPhysicalPath())
    assert not catalog.unrestrictedSearchResults(path=path, **german_only())
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1038")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert application.citizen_language == "tr"
    assert not application.Language()
    assert catalog.unrestrictedSearchResults(path=path, **german_only())


def test_upgrade_1039_to_1040_offers_editors_the_form_translation(portal):
    portal.portal_actions.object.manage_delObjects(["herne-form-translation"])
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1039")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    action = portal.portal_actions.object["herne-form-translation"]
    assert action.title == "Formular übersetzen"
    assert action.url_expr == "string:${object_url}/@@formular-uebersetzen"
    assert tuple(action.permissions) == ("Modify portal content",)


def test_upgrade_1040_to_1041_moves_the_outbox_into_shards(demo):
    from BTrees.OOBTree import OOBTree
    from BTrees.OOBTree import OOTreeSet
    from herne.portal.outbox.storage import ANNOTATION_KEY
    from herne.portal.outbox.storage import DELIVERED
    from herne.portal.outbox.storage import KEEP
    from herne.portal.outbox.storage import Outbox
    from herne.portal.outbox.storage import OutboxEntry
    from herne.portal.outbox.storage import enqueue
    from herne.portal.outbox.storage import get_outbox
    from tests.fixtures.applications import build_application
    from zope.annotation.interfaces import IAnnotations

    application = build_application(demo["portal"])
    uid = application.UID()
    # as version 1040 left a site: one set of trees for every entry, random ids
    keys = [f"webhook:endpoint-1:{uid}:{event}:1" for event in ("submitted", "approved")]
    waiting = OutboxEntry("9f" + "1" * 30, uid, "webhook", "submitted", "endpoint-1", keys[0])
    sent = OutboxEntry("3a" + "2" * 30, uid, "webhook", "approved", "endpoint-1", keys[1])
    waiting.created, sent.created = 1000.0, 2000.0
    sent.note(DELIVERED)
    old = Outbox.__new__(Outbox)
    old.__setstate__(
        {
            "entries": OOBTree({waiting.id: waiting, sent.id: sent}),
            "keys": OOBTree({keys[0]: waiting.id, keys[1]: sent.id}),
            "due": OOBTree({KEEP: float("inf"), waiting.id: waiting.next_try}),
            "by_application": OOBTree({uid: OOTreeSet([waiting.id, sent.id])}),
        }
    )
    IAnnotations(demo["portal"])[ANNOTATION_KEY] = old
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1040")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    outbox = get_outbox()
    assert len(outbox.shards) == 256
    assert outbox.for_application(uid) == [waiting, sent]
    assert outbox.due_ids() == [waiting.id]
    assert outbox.get(sent.id).state == DELIVERED
    # the keys still hold: the same event gives the known entry, not a second one
    assert enqueue(application, "webhook", "submitted", "endpoint-1", key=keys[0]) == waiting.id
    assert outbox.remove_application(uid) == 2
    assert len(outbox.entries) == 0


def test_upgrade_1041_to_1042_registers_the_forms_running_total_and_keeps_other_bundles(portal):
    from Products.CMFPlone.interfaces import IBundleRegistry

    # as version 1041 left a site: no running total; the site's own settings stay
    records = portal.portal_registry.records
    for name in IBundleRegistry.names():
        records.__delitem__(f"plone.bundles/herne-fee-total.{name}")
    api.portal.set_registry_record("plone.bundles/herne-portal.load_defer", True)
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1041")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert api.portal.get_registry_record("plone.bundles/herne-fee-total.jscompilation") == (
        "++plone++herne.portal/herne-fee-total.js"
    )
    # loaded only where a form with a fee asks for it
    assert api.portal.get_registry_record("plone.bundles/herne-fee-total.enabled") is False
    assert api.portal.get_registry_record("plone.bundles/herne-portal.load_defer") is True


def test_upgrade_1042_to_1043_lets_department_software_read(demo):
    from herne.portal.workflow.application_table import DEPARTMENT_READER
    from tests.fixtures.applications import build_application

    portal = demo["portal"]
    application = build_application(portal, "hundesteuer")
    area = application.aq_parent
    workflow = api.portal.get_tool("portal_workflow")
    # as version 1042 left a site: the role unknown, the states closed to it
    portal._delRoles([DEPARTMENT_READER])
    for definition in (
        workflow["herne_application_workflow"],
        workflow["herne_application_area_workflow"],
    ):
        for state in definition.states.values():
            for permission in ("View", "Access contents information", "List folder contents"):
                roles = state.permission_roles.get(permission) or ()
                state.setPermission(permission, False, [r for r in roles if r != DEPARTMENT_READER])
    workflow.updateRoleMappings()
    assert DEPARTMENT_READER not in application._View_Permission
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1042")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert DEPARTMENT_READER in portal.valid_roles()
    assert DEPARTMENT_READER in application._View_Permission
    assert DEPARTMENT_READER in application._Access_contents_information_Permission
    assert DEPARTMENT_READER in area._View_Permission
    assert "Modify portal content" not in {
        p["name"] for p in application.permissionsOfRole(DEPARTMENT_READER) if p["selected"]
    }


def test_upgrade_1043_to_1044_leaves_no_roles_on_the_files_of_applications(demo):
    from herne.portal.assist.helpers import ENTERED_ROLE
    from plone.namedfile.file import NamedBlobFile
    from tests.fixtures.applications import PDF
    from tests.fixtures.applications import build_application

    application = build_application(
        demo["portal"],
        uploads={"purpose_letter": ("Vollmacht", NamedBlobFile(data=PDF, filename="v.pdf"))},
    )
    (document,) = application.contentValues()
    # as version 1043 left a site: the helper who uploaded it kept the Owner role on the file
    document.manage_setLocalRoles("lotse", ["Owner"])
    application.manage_setLocalRoles("lotse", [ENTERED_ROLE])
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1043")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert document.get_local_roles() == ()
    assert dict(application.get_local_roles())["lotse"] == (ENTERED_ROLE,)


def test_upgrade_1044_to_1045_adds_the_trusted_roots_and_keeps_the_fit_connect_settings(portal):
    registry = api.portal.get_tool("portal_registry")
    api.portal.set_registry_record("herne.portal.fitconnect.client_id", "herne-portal")
    # as version 1044 left a site: no record for the trusted roots
    del registry.records["herne.portal.fitconnect.trusted_roots"]
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1044")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert api.portal.get_registry_record("herne.portal.fitconnect.trusted_roots") is None
    assert api.portal.get_registry_record("herne.portal.fitconnect.client_id") == "herne-portal"


def test_upgrade_1045_to_1046_gives_helpers_access_only_through_their_role(demo):
    from herne.portal.assist.access import PLUGIN_ID
    from herne.portal.assist.access import access_principal
    from herne.portal.assist.helpers import ENTERED_ROLE
    from Products.PluggableAuthService.interfaces.plugins import IGroupsPlugin
    from tests.fixtures.applications import build_application

    portal = demo["portal"]
    pas = api.portal.get_tool("acl_users")
    # as version 1045 left a site: no access plugin, the helper's account in the index
    pas.plugins.deactivatePlugin(IGroupsPlugin, PLUGIN_ID)
    pas.manage_delObjects([PLUGIN_ID])
    application = build_application(portal)
    application.entered_by = "lotse"
    application.entry = {"capacity": "helper", "organisation": "Seniorentreff Wanne-Süd"}
    application.manage_setLocalRoles("lotse", [ENTERED_ROLE])
    catalog = api.portal.get_tool("portal_catalog")
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1045")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert pas.plugins.listPluginIds(IGroupsPlugin)[-1] == PLUGIN_ID
    (brain,) = catalog.unrestrictedSearchResults(UID=application.UID())
    indexed = catalog.getIndexDataForRID(brain.getRID())["allowedRolesAndUsers"]
    assert "user:lotse" not in indexed
    assert "user:" + access_principal("lotse", "Seniorentreff Wanne-Süd") in indexed


def test_upgrade_1046_to_1047_finds_applications_by_their_reference_number_stored_reversed(demo):
    from herne.portal.conflicts.spread_keys import ReversedFieldIndex
    from Products.PluginIndexes.FieldIndex.FieldIndex import FieldIndex
    from tests.fixtures.applications import build_application

    application = build_application(demo["portal"])
    number = application.reference_number
    catalog = api.portal.get_tool("portal_catalog")
    # as version 1046 left a site: a plain FieldIndex holding the number as it reads
    catalog.delIndex("reference_number")
    catalog.addIndex("reference_number", FieldIndex("reference_number"))
    catalog.reindexObject(application, idxs=["reference_number"], update_metadata=0)
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1046")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    index = catalog._catalog.getIndex("reference_number")
    assert isinstance(index, ReversedFieldIndex)
    assert number[::-1] in index._index
    (brain,) = catalog.unrestrictedSearchResults(reference_number=number)
    assert brain._unrestrictedGetObject() == application
    assert brain.reference_number == number


def test_upgrade_1048_to_1049_keeps_new_applications_out_of_the_submissions_commit(demo):
    from herne.portal.conflicts.pending_index import ANNOTATION_KEY
    from herne.portal.conflicts.pending_index import get_pending_index
    from zope.annotation.interfaces import IAnnotations

    portal = demo["portal"]
    # as version 1048 left a site: no pending index, so applications are catalogued at once
    del IAnnotations(portal)[ANNOTATION_KEY]
    assert get_pending_index(portal) is None
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1048")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    pending = get_pending_index(portal)
    assert len(pending.shards) == 256
    assert len(pending) == 0


def test_upgrade_1049_to_1050_stores_eid_identities_as_records_the_zodb_can_merge(demo):
    from herne.portal.eid.identity import ANNOTATION_KEY
    from herne.portal.eid.identity import verified_identity
    from herne.portal.portal_storage import portal_btree

    # as version 1049 left a site: a verified identity stored as a dict
    verified = {"given_name": "Gertrud", "family_name": "Beispiel", "trust_level": "substantial"}
    portal_btree(ANNOTATION_KEY, create=True)["eid-gertrud"] = dict(verified)
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1049")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert isinstance(portal_btree(ANNOTATION_KEY)["eid-gertrud"], tuple)
    assert verified_identity("eid-gertrud") == verified


def test_upgrade_1050_to_1051_takes_applications_out_of_type_creator_and_foreign_interfaces(demo):
    from herne.portal.content.application import IApplication
    from plone.indexer.interfaces import IIndexableObject
    from Products.CMFCore.interfaces import IContentish
    from tests.fixtures.applications import build_application
    from zope.component import getMultiAdapter
    from zope.interface import providedBy

    application = build_application(demo["portal"])
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=application.UID())
    rid = brain.getRID()
    # as version 1050 left a site: the application in Type, Creator and is_folderish, and
    # under every interface it provides
    wrapper = getMultiAdapter((application, catalog), IIndexableObject)
    for name in ("Type", "Creator", "is_folderish"):
        catalog._catalog.getIndex(name).index_object(rid, wrapper)
    every_interface = [i.__identifier__ for i in providedBy(application).flattened()]
    catalog._catalog.getIndex("object_provides").index_object(
        rid, type("AsIn1050", (), {"object_provides": every_interface})()
    )
    assert catalog.unrestrictedSearchResults(
        object_provides=IContentish.__identifier__, UID=brain.UID
    )
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1050")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    for name in ("Type", "Creator", "is_folderish"):
        assert catalog._catalog.getIndex(name).getEntryForObject(rid, None) is None
    assert not catalog.unrestrictedSearchResults(
        object_provides=IContentish.__identifier__, UID=brain.UID
    )
    (found,) = catalog.unrestrictedSearchResults(object_provides=IApplication.__identifier__)
    assert found.getRID() == rid
    assert catalog.unrestrictedSearchResults(reference_number=application.reference_number)


def test_upgrade_1051_to_1052_leaves_the_columns_beside_application_pages_empty(demo):
    from plone.portlets.constants import CONTEXT_CATEGORY
    from plone.portlets.interfaces import ILocalPortletAssignmentManager
    from plone.portlets.interfaces import IPortletManager
    from zope.component import getMultiAdapter
    from zope.component import getUtility

    root = demo["portal"]["antraege"]
    left = getMultiAdapter(
        (root, getUtility(IPortletManager, name="plone.leftcolumn")), ILocalPortletAssignmentManager
    )
    # as version 1051 left a site: the columns inherit the portal's portlets
    left.setBlacklistStatus(CONTEXT_CATEGORY, None)
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1051")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    assert left.getBlacklistStatus(CONTEXT_CATEGORY) is True
