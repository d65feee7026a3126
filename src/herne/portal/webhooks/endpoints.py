"""The webhook endpoints of the departments, kept on the site; their secrets are never shown again once made."""

from BTrees.OOBTree import OOBTree
from persistent.mapping import PersistentMapping
from plone import api
import secrets
import time
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "herne.portal.webhooks"


def _store(create=False):
    annotations = IAnnotations(api.portal.get())
    store = annotations.get(ANNOTATION_KEY)
    if store is None and create:
        store = annotations[ANNOTATION_KEY] = OOBTree()
    return store


def add_endpoint(department_uid, url):
    """A new endpoint; returns ``(id, secret)``: the secret is shown this once."""
    endpoint_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    _store(create=True)[endpoint_id] = PersistentMapping(
        {
            "id": endpoint_id,
            "department_uid": department_uid,
            "url": url.strip(),
            "secret": secret,
            "created": time.time(),
        }
    )
    return endpoint_id, secret


def remove_endpoint(endpoint_id):
    store = _store()
    if store is not None and endpoint_id in store:
        del store[endpoint_id]
        return True
    return False


def get_endpoint(endpoint_id):
    store = _store()
    return store.get(endpoint_id) if store is not None else None


def endpoints_of(department_uid):
    store = _store()
    if store is None or not department_uid:
        return []
    return [endpoint for endpoint in store.values() if endpoint["department_uid"] == department_uid]


def all_endpoints():
    store = _store()
    return list(store.values()) if store is not None else []


def public_record(endpoint):
    """What pages and REST show of an endpoint: never the secret."""
    return {key: endpoint[key] for key in ("id", "department_uid", "url", "created")}
