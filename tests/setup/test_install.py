"""The add-on installs, registers its layer and types, and uninstalls cleanly."""

from Acquisition import aq_base
from herne.portal.eid.secret import client_secret
from herne.portal.eid.secret import set_client_secret
from herne.portal.interfaces import IHernePortalLayer
from herne.portal.sessions import HerneSessionPlugin
from plone import api
from plone.browserlayer import utils as browserlayer_utils
from plone.restapi.pas.plugin import JWTAuthenticationPlugin
from plone.session.plugins.session import SessionPlugin
from Products.PluggableAuthService.interfaces.plugins import ICredentialsResetPlugin
import pytest


PACKAGE = "herne.portal"


class TestInstall:
    def test_addon_installed(self, installer):
        assert installer.is_product_installed(PACKAGE) is True

    def test_browserlayer(self, portal):
        assert IHernePortalLayer in browserlayer_utils.registered_layers()

    def test_profile_version(self, setup_tool):
        assert setup_tool.getLastVersionForProfile(f"{PACKAGE}:default") == ("1052",)

    def test_sessions_end_on_the_server(self, portal):
        plugin = portal.acl_users.session
        assert isinstance(plugin, HerneSessionPlugin)
        assert plugin.getProperty("per_user_keyring") is True

    @pytest.mark.parametrize("portal_type", ["Service", "Department"])
    def test_types_registered(self, portal, portal_type):
        assert portal_type in portal.portal_types.objectIds()

    def test_catalogue_folders(self, portal):
        assert portal["leistungen"].getLayout() == "leistungen-a-z"
        assert api.content.get_state(portal["leistungen"]) == "published"
        assert "organisation" in portal

    def test_editorial_group_manages_the_front_page_only(self, portal):
        assert "FrontPageEditor" in api.group.get_roles(groupname="catalogue-editors")
        roles = {
            r["name"]
            for r in portal.rolesOfPermission("herne.portal: Manage front page")
            if r["selected"]
        }
        assert roles == {"Manager", "Site Administrator", "FrontPageEditor"}
        granted = {p["name"] for p in portal.permissionsOfRole("FrontPageEditor") if p["selected"]}
        assert granted == {"herne.portal: Manage front page"}

    def test_uninstall_profile_hidden(self, portal):
        from plone.base.interfaces import INonInstallable
        from zope.component import getAllUtilitiesRegisteredFor

        hidden = [
            profile
            for utility in getAllUtilitiesRegisteredFor(INonInstallable)
            for profile in utility.getNonInstallableProfiles()
        ]
        assert f"{PACKAGE}:uninstall" in hidden


class TestUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, installer):
        set_client_secret("geheim")
        installer.uninstall_product(PACKAGE)

    def test_eid_secret_removed(self, portal):
        assert client_secret() == ""

    def test_addon_uninstalled(self, installer):
        assert installer.is_product_installed(PACKAGE) is False

    def test_session_plugin_is_plone_sessions_again(self, portal):
        assert aq_base(portal.acl_users.session).__class__ is SessionPlugin

    def test_jwt_plugin_is_plone_restapis_again(self, portal):
        assert aq_base(portal.acl_users.jwt_auth).__class__ is JWTAuthenticationPlugin
        assert "jwt_auth" not in portal.acl_users.plugins.listPluginIds(ICredentialsResetPlugin)

    def test_site_root_shows_plones_view_and_logo_again(self, portal):
        assert portal.getLayout() == "document_view"
        assert "startseite" not in portal.portal_types["Plone Site"].view_methods
        assert portal.portal_registry.get("plone.site_logo") is None
        assert "herne-imprint" not in portal.portal_actions.site_actions.objectIds()
        assert portal.portal_actions.site_actions["contact"].visible

    def test_editorial_group_no_longer_manages_the_front_page(self, portal):
        assert "FrontPageEditor" not in api.group.get_roles(groupname="catalogue-editors")

    def test_index_of_entered_applications_removed(self, portal):
        assert "entered_by" not in portal.portal_catalog.indexes()

    def test_browserlayer_removed(self, portal):
        assert IHernePortalLayer not in browserlayer_utils.registered_layers()

    def test_types_removed(self, portal):
        for portal_type in ("Service", "Department", "Application", "ApplicationArea"):
            assert portal_type not in portal.portal_types.objectIds()
        assert "herne_application_workflow" not in portal.portal_workflow.objectIds()
        assert "herne_catalogue_workflow" not in portal.portal_workflow.objectIds()
        assert "herne_department_workflow" not in portal.portal_workflow.objectIds()

    def test_footer_has_plones_accessibility_link_again(self, portal):
        site_actions = portal.portal_actions.site_actions
        assert "herne-accessibility-statement" not in site_actions.objectIds()
        assert site_actions["accessibility"].visible

    def test_stylesheet_bundle_removed(self, portal):
        registry = api.portal.get_tool("portal_registry")
        assert not [
            key
            for key in list(registry.records.keys())
            if key.startswith("plone.bundles/herne-portal.")
        ]
