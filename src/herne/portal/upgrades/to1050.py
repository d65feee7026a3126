"""1049 -> 1050: verified eID identities and started eID log-ins stored as records the ZODB can merge, so concurrent eID log-ins do not conflict (see portal_storage.as_record)."""

from herne.portal.eid import flows
from herne.portal.eid import identity
from herne.portal.portal_storage import as_record
from herne.portal.portal_storage import portal_btree


def upgrade(setup_tool):
    for key in (identity.ANNOTATION_KEY, flows.ANNOTATION_KEY):
        store = portal_btree(key)
        if store is None:
            continue
        for name, value in list(store.items()):
            if isinstance(value, dict):
                store[name] = as_record(value)
