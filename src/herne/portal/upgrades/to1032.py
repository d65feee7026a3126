"""1031 -> 1032: Plone's caching stack for the public pages (caching.zcml, registry/caching.xml)."""

import logging
from pathlib import Path
from plone import api
from plone.app.registry.exportimport.handler import RegistryImporter
from plone.base.utils import get_installer
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


CACHING_RECORDS = Path(__file__).parents[1] / "profiles" / "default" / "registry" / "caching.xml"


class _Import:
    """What the registry importer asks of a GenericSetup import context: no purge, a log."""

    def shouldPurge(self):
        return False

    def getLogger(self, name):
        return logging.getLogger(name)


def upgrade(setup_tool):
    installer = get_installer(api.portal.get())
    if not installer.is_product_installed("plone.app.caching"):
        installer.install_product("plone.app.caching")
    # Only the caching records: the rest of registry.xml would undo the site's own settings.
    RegistryImporter(getUtility(IRegistry), _Import()).importDocument(CACHING_RECORDS.read_bytes())
