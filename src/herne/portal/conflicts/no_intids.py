"""Applications and their files stay out of the intid utility (no relations point to them).

Plone registers every new content object in the intid utility, whose two BTrees are
keyed by the new object's oid and by a sequential intid: concurrent submissions all
insert at the trees' ends and conflicted there. Intids serve relations and link
integrity; nothing relates to an application or to a file of it (relations go from
services to departments), so an application or its file has no key reference (the
intid subscribers then skip it on add, move and removal) and no link retriever (link
integrity would register an intid for every modified content object; applications
have no rich text that could link anywhere). Link integrity's handlers are told so before
they read the editing settings from the registry (``link_integrity_applies``).
"""

from five.intid.keyreference import KeyReferenceToPersistent
from herne.portal.content.application import IApplication
from herne.portal.content.application_file import IApplicationFile
from plone.app.linkintegrity import handlers
from zope.component import getAllUtilitiesRegisteredFor
from zope.intid.interfaces import IIntIds


def not_adaptable(obj):
    """Adapter factory (``IKeyReference``, ``IRetriever``): ``None`` means no adapter."""
    return None


#: plone.app.linkintegrity's own check, taken before the patch replaces it in its module.
plone_check_dependencies = handlers.check_linkintegrity_dependencies


def link_integrity_applies(obj):
    """``check_linkintegrity_dependencies``: never for an application or its file.

    Link integrity's handlers run on every add, change and removal of content and first
    read the editing settings from the registry (0.1 ms each time); for an application
    or its file they would then find no retriever to ask (added) or no intid to look up
    (removed), so they can stop at once.
    """
    if IApplication.providedBy(obj) or IApplicationFile.providedBy(obj):
        return False
    return plone_check_dependencies(obj)


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
