"""1035 -> 1036: the outbox's settings in the registry and its storage on the site."""

from herne.portal.outbox.settings import SETTINGS_PREFIX
from herne.portal.outbox.settings import IOutboxSettings
from herne.portal.outbox.storage import get_outbox
from plone import api


def upgrade(setup_tool):
    api.portal.get_tool("portal_registry").registerInterface(
        IOutboxSettings, prefix=SETTINGS_PREFIX
    )
    get_outbox(create=True)
