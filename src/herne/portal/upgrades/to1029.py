"""1028 -> 1029: the e-payment settings in the registry (without re-reading the whole registry.xml)."""

from herne.portal.controlpanels.payment import SETTINGS_PREFIX
from herne.portal.controlpanels.payment import IPaymentSettings
from plone import api


def upgrade(setup_tool):
    api.portal.get_tool("portal_registry").registerInterface(
        IPaymentSettings, prefix=SETTINGS_PREFIX
    )
