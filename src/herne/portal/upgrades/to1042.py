"""1041 -> 1042: the application form's running total of the fee (bundle herne-fee-total)."""

from plone import api
from plone.registry.interfaces import IRegistry
from Products.CMFPlone.interfaces import IBundleRegistry
from zope.component import getUtility


BUNDLE = "plone.bundles/herne-fee-total"


def upgrade(setup_tool):
    # Only this bundle's records: importing registry.xml would reset the site's own settings.
    getUtility(IRegistry).registerInterface(IBundleRegistry, prefix=BUNDLE)
    for key, value in {
        "enabled": False,
        "jscompilation": "++plone++herne.portal/herne-fee-total.js",
        "depends": "plone",
        "load_async": False,
        "load_defer": True,
    }.items():
        api.portal.set_registry_record(f"{BUNDLE}.{key}", value)
