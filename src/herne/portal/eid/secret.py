"""The eID client secret, kept on the site outside the registry so that no channel reads it back.

Registry records are readable by every registry view and by REST ``@registry``; the
secret is only written (control panel, demo set-up) and read by the code exchange.
"""

from plone import api
from zope.annotation.interfaces import IAnnotations


#: The site annotation holding the secret.
ANNOTATION_KEY = "herne.portal.eid.client_secret"
#: The registry record that held it up to profile 1017 (moved by the upgrade to 1018).
LEGACY_RECORD = "herne.portal.eid.client_secret"


def client_secret():
    """The stored client secret, or "" when none is set."""
    return IAnnotations(api.portal.get()).get(ANNOTATION_KEY, "")


def has_client_secret():
    return bool(client_secret())


def set_client_secret(value):
    """Store ``value`` as the client secret; an empty value removes it."""
    annotations = IAnnotations(api.portal.get())
    if value:
        annotations[ANNOTATION_KEY] = str(value)
    else:
        annotations.pop(ANNOTATION_KEY, None)


def move_secret_out_of_registry():
    """Take a secret saved in the registry into the site's store and drop the record (upgrade)."""
    registry = api.portal.get_tool("portal_registry")
    if LEGACY_RECORD not in registry.records:
        return
    value = registry.records[LEGACY_RECORD].value
    if value and not has_client_secret():
        set_client_secret(value)
    del registry.records[LEGACY_RECORD]
