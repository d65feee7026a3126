"""1032 -> 1033: the FIT-Connect settings and their control panel, without touching the site's other settings."""

from herne.portal.controlpanels.fitconnect import IFitConnectSettings
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


def upgrade(setup_tool):
    # Only the FIT-Connect records: importing all of registry.xml would undo the site's own settings
    # (TinyMCE, resizing, bundles) that earlier upgrades deliberately kept.
    getUtility(IRegistry).registerInterface(IFitConnectSettings, prefix="herne.portal.fitconnect")
    setup_tool.runImportStepFromProfile(
        "profile-herne.portal:default", "controlpanel", run_dependencies=False
    )
