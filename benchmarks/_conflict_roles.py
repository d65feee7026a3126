"""What a conflicting object is for: an oid resolved to its role (catalog index, intids, folder...).

The roles are named from the live site (the catalog's tables and indexes, the intid
and relation utilities, the application folders, annotations, the reference
counters). An object that is none of these, such as a bucket deep in an index's
BTree, is followed upwards through the database's references (every stored
record's pickle) until it reaches a named object: "index SearchableText.index._wordinfo".
"""

from Acquisition import aq_base
from collections import deque
from persistent import Persistent
from zc.relation.interfaces import ICatalog
from ZODB.serialize import referencesf
from ZODB.utils import get_pickle_metadata
from ZODB.utils import p64
from ZODB.utils import u64
from zope.component import queryUtility
from zope.intid.interfaces import IIntIds


#: What the catalog's own tables hold (Products.ZCatalog.Catalog).
CATALOG_TABLES = {
    "data": "metadata table (rid -> columns)",
    "paths": "rid -> path",
    "uids": "path -> rid",
    "_length": "entry count (Length)",
}


def _persistent_attributes(obj):
    obj = aq_base(obj)
    if isinstance(obj, Persistent):
        obj._p_activate()  # a ghost's __dict__ is empty
    try:
        items = vars(obj).items()
    except TypeError:  # BTrees and other C objects have no __dict__
        return []
    return [
        (name, value)
        for name, value in items
        if isinstance(value, Persistent) and getattr(value, "_p_oid", None) is not None
    ]


def _name_tree(names, label, obj, depth):
    """Name ``obj`` and, ``depth`` levels down, its persistent attributes."""
    oid = getattr(obj, "_p_oid", None)
    if oid is None or oid in names:
        return
    names[oid] = label
    if depth <= 0:
        return
    for attribute, value in _persistent_attributes(obj):
        _name_tree(names, f"{label}.{attribute}", value, depth - 1)


def named_objects(portal, application_root):
    """oid -> role for the structures a submission writes to."""
    names = {}
    catalog = portal.portal_catalog
    inner = catalog._catalog
    for attribute, what in CATALOG_TABLES.items():
        value = getattr(inner, attribute, None)
        if value is not None:
            _name_tree(names, f"catalog {attribute} ({what})", value, 0)
    # The lexicons first: one serves several text indexes.
    for lexicon in catalog.objectValues():
        _name_tree(names, f"lexicon {lexicon.getId()} ({lexicon.meta_type})", lexicon, 2)
    for index_name in inner.indexes:
        index = inner.indexes[index_name]
        _name_tree(names, f"index {index_name} ({index.meta_type})", index, 3)
    _name_tree(names, "catalog (ZCatalog)", catalog, 0)
    _name_tree(names, "catalog (Catalog)", inner, 0)
    intids = queryUtility(IIntIds)
    if intids is not None:
        _name_tree(names, "intid utility", intids, 2)
    relations = queryUtility(ICatalog)
    if relations is not None:
        _name_tree(names, "relation catalog", relations, 3)
    counters = getattr(aq_base(application_root), "_herne_reference_counters", None)
    if counters is not None:
        _name_tree(names, "reference number counters", counters, 0)
        for year, counter in counters.items():
            _name_tree(names, f"reference number counter {year}", counter, 0)
    folders = [application_root, *application_root.objectValues()]
    for folder in folders:
        path = "/".join(folder.getPhysicalPath()[2:])
        if getattr(aq_base(folder), "portal_type", None) == "Application":
            continue
        _name_tree(names, f"folder {path}", folder, 1)
        annotations = getattr(aq_base(folder), "__annotations__", None)
        if annotations is not None:
            _name_tree(names, f"annotations of {path}", annotations, 2)
    _name_tree(names, "site root", portal, 0)
    annotations = getattr(aq_base(portal), "__annotations__", None)
    if annotations is not None:
        _name_tree(names, "annotations of the site", annotations, 2)
    for tool in ("portal_workflow", "portal_membership", "acl_users", "MailHost"):
        value = getattr(aq_base(portal), tool, None)
        if value is not None:
            _name_tree(names, tool, value, 2)
    return names


def reverse_references(storage):
    """oid -> oids of the records that refer to it, and oid -> class name, for every record."""
    parents = {}
    classes = {}
    index = storage._index  # FileStorage (wrapped or not) keeps its oid index here
    for oid in list(index.keys()):
        try:
            data, _serial = storage.load(oid)
        except Exception:  # noqa: S112 - a record removed meanwhile: skip it
            continue
        module, klass = get_pickle_metadata(data)
        classes[oid] = f"{module}.{klass}"
        for child in referencesf(data):
            parents.setdefault(child, []).append(oid)
    return parents, classes


def role_of(oid, names, parents, classes, max_depth=12):
    """The nearest named object above ``oid`` and the way down to it (class names)."""
    if oid in names:
        return names[oid], ""
    seen = {oid}
    queue = deque([(oid, [])])
    while queue:
        current, way = queue.popleft()
        if len(way) >= max_depth:
            continue
        for parent in parents.get(current, ()):
            if parent in seen:
                continue
            seen.add(parent)
            step = [*way, classes.get(current, "?").rsplit(".", 1)[-1]]
            if parent in names:
                return names[parent], " > ".join(reversed(step))
            queue.append((parent, step))
    return "(not reached from a named object)", classes.get(oid, "?")


def oid_number(oid):
    return u64(oid) if isinstance(oid, bytes) else int(oid)


def oid_bytes(number):
    return p64(number)
