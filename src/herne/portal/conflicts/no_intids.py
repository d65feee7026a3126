"""Applications and their files stay out of the intid utility (no relations point to them).

Plone registers every new content object in the intid utility, whose two BTrees are
keyed by the new object's oid and by a sequential intid: concurrent submissions all
insert at the trees' ends and conflicted there. Intids serve relations and link
integrity; nothing relates to an application or to a file of it (relations go from
services to departments), so an application or its file has no key reference (the
intid subscribers then skip it on add, move and removal) and no link retriever (link
integrity would register an intid for every modified content object; applications
have no rich text that could link anywhere).
"""

from five.intid.keyreference import KeyReferenceToPersistent
from zope.component import getAllUtilitiesRegisteredFor
from zope.intid.interfaces import IIntIds


def not_adaptable(obj):
    """Adapter factory (``IKeyReference``, ``IRetriever``): ``None`` means no adapter."""
    return None


def forget_intids(objects):
    """Drop the intids the given (acquisition-wrapped) objects got before (upgrades)."""
    utilities = tuple(getAllUtilitiesRegisteredFor(IIntIds))
    dropped = 0
    for obj in objects:
        # Built directly: the adapter registered for these types answers None now.
        key = KeyReferenceToPersistent(obj)
        for utility in utilities:
            uid = utility.ids.get(key)
            if uid is None:
                continue
            del utility.ids[key]
            utility.refs.pop(uid, None)
            dropped += 1
    return dropped
