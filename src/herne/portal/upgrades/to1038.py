"""1037 -> 1038: languages with plone.app.multilingual; German content stays where it is."""

from herne.portal.languages import setup_languages
from plone import api
from plone.base.utils import get_installer


def upgrade(setup_tool):
    portal = api.portal.get()
    installer = get_installer(portal)
    if not installer.is_product_installed("plone.app.multilingual"):
        installer.install_product("plone.app.multilingual")
    for step in ("typeinfo", "viewlets"):
        setup_tool.runImportStepFromProfile(
            "profile-herne.portal:default", step, run_dependencies=False
        )
    setup_languages(portal)
