"""1044 -> 1045: the FIT-Connect setting "trusted root certificates", which the destinations' key chains must lead to."""

from herne.portal.controlpanels.fitconnect import SETTINGS_PREFIX
from herne.portal.controlpanels.fitconnect import IFitConnectSettings
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


def upgrade(setup_tool):
    # Registers the new record (empty) and keeps every FIT-Connect setting already made. Until an
    # administrator enters the root, deliveries stop with a message saying so: nothing is sent
    # to a key whose certificate was not checked.
    getUtility(IRegistry).registerInterface(IFitConnectSettings, prefix=SETTINGS_PREFIX)
