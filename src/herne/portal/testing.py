"""Test layers of herne.portal: a chain set up once per test session.

portal fixture -> demo fixture -> demo functional (with the WSGI server). Every layer
stays up for the whole session; a test is isolated by the functional layer's
DemoStorage (or the integration layer's transaction abort), never by rebuilding a
layer. The demo functional layer serves its per-test database over HTTP too, so one
layer covers in-process browsers, REST clients and Chromium.
"""

import herne.portal
import os
from plone import api
from plone.app.contenttypes.testing import PLONE_APP_CONTENTTYPES_FIXTURE
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import applyProfile
from plone.testing.zope import WSGI_SERVER_FIXTURE
import transaction


# German catalogues are compiled from the committed .po files when Zope starts.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")


class HernePortalLayer(PloneSandboxLayer):
    """herne.portal installed on an empty Plone site."""

    defaultBases = (PLONE_APP_CONTENTTYPES_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import plone.restapi

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=herne.portal)

    def setUpPloneSite(self, portal):
        api.portal.set_registry_record("plone.available_languages", ["de"])
        api.portal.set_registry_record("plone.default_language", "de")
        # As scripts/create_site.py creates the city's site.
        api.portal.set_registry_record("plone.portal_timezone", "Europe/Berlin")
        applyProfile(portal, "herne.portal:default")


class HerneDemoLayer(PloneSandboxLayer):
    """The Herne demo catalogue and demo log-ins on top of the installed add-on."""

    defaultBases = (None,)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "herne.portal:demo")
        # Commit while the site is still set: catalog queue processing at commit needs it.
        transaction.commit()


HERNE_PORTAL_FIXTURE = HernePortalLayer()
HERNE_DEMO_FIXTURE = HerneDemoLayer(bases=(HERNE_PORTAL_FIXTURE,), name="HerneDemoLayer:Fixture")

HERNE_PORTAL_INTEGRATION_TESTING = IntegrationTesting(
    bases=(HERNE_PORTAL_FIXTURE,),
    name="HernePortalLayer:IntegrationTesting",
)

HERNE_PORTAL_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(HERNE_PORTAL_FIXTURE,),
    name="HernePortalLayer:FunctionalTesting",
)

HERNE_DEMO_INTEGRATION_TESTING = IntegrationTesting(
    bases=(HERNE_DEMO_FIXTURE,),
    name="HerneDemoLayer:IntegrationTesting",
)

HERNE_DEMO_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(HERNE_DEMO_FIXTURE, WSGI_SERVER_FIXTURE),
    name="HerneDemoLayer:FunctionalTesting",
)
