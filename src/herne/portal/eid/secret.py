"""The eID client secret, kept on the site outside the registry so that no channel reads it back.

Registry records are readable by every registry view and by REST ``@registry``; the
secret is only written (control panel, demo set-up) and read by the code exchange.
"""

from herne.portal.site_secret import SiteSecret
from plone import api


#: The eID client secret at the OpenID provider.
CLIENT_SECRET = SiteSecret("herne.portal.eid.client_secret")
#: The registry record that held it up to profile 1017 (moved by the upgrade to 1018).
LEGACY_RECORD = "herne.portal.eid.client_secret"

client_secret = CLIENT_SECRET.value
has_client_secret = CLIENT_SECRET.is_set
set_client_secret = CLIENT_SECRET.store


def move_secret_out_of_registry():
    """Take a secret saved in the registry into the site's store and drop the record (upgrade)."""
    registry = api.portal.get_tool("portal_registry")
    if LEGACY_RECORD not in registry.records:
        return
    value = registry.records[LEGACY_RECORD].value
    if value and not has_client_secret():
        set_client_secret(value)
    del registry.records[LEGACY_RECORD]
