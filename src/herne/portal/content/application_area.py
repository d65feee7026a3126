"""Non-public containers for applications: one root, one area per department."""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
import heapq
from herne.portal import _
from herne.portal.content.sharded_tree import ShardedTree
import logging
from OFS.event import ObjectWillBeAddedEvent
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.event import notify
from zope.interface import implementer
from zope.lifecycleevent import ObjectAddedEvent


logger = logging.getLogger(__name__)


class IApplicationRoot(model.Schema):
    """The folder that holds every department's application area."""


class IApplicationArea(model.Schema):
    """The applications of one department; its clerks' group has the Clerk role here."""

    department_uid = schema.ASCIILine(title=_("Organisationseinheit"), required=True, readonly=True)


class _UnorderedContainer(Container):
    """A folder for many objects added at the same time: no order, no dates, its trees in shards.

    BTreeFolder2Base keeps ids in one OOBTree (``_tree``) and, per meta type, one
    OIBTree (``_mt_index``). BTrees mark every node on an insert's path as read, so a
    bucket split anywhere in such a tree ended every concurrent submission to the
    department with a conflict. Both are ShardedTrees here (see sharded_tree.py):
    two inserts meet only when their ids fall into the same 256th. ``_count`` stays
    a BTrees.Length, whose concurrent changes merge.
    """

    # Tens of thousands of applications: no position list to rewrite on every add.
    _ordering = "unordered"

    def _initBTrees(self):
        self._tree = ShardedTree()
        self._count = Length()
        self._mt_index = OOBTree()

    def _setOb(self, id, object):
        meta_type = getattr(object, "meta_type", None)
        if (
            meta_type is not None
            and isinstance(self._tree, ShardedTree)
            and meta_type not in self._mt_index
        ):
            # BTreeFolder2Base would start an OIBTree here
            self._mt_index[meta_type] = ShardedTree()
        super()._setOb(id, object)

    def _delOb(self, id):
        if not isinstance(self._tree, ShardedTree):  # not converted yet (upgrade 1048)
            return super()._delOb(id)
        meta_type = getattr(self._tree[id], "meta_type", None)
        del self._tree[id]
        self._count.change(-1)
        ids = self._mt_index.get(meta_type) if meta_type is not None else None
        if ids is not None and id in ids:
            # An emptied id set stays: dropping it (as BTreeFolder2Base does) and starting
            # a new one would write ``_mt_index``, where two first adds would conflict.
            del ids[id]
        self.getOrdering().notifyRemoved(id)

    def objectIds(self, spec=None, ordered=True):
        """The ids in sorted order (there is no other order here), of the meta types ``spec`` if given."""
        if spec is None:
            return self._tree.keys()
        if isinstance(spec, str):
            spec = [spec]
        id_sets = [self._mt_index.get(meta_type) for meta_type in set(spec)]
        # BTreeFolder2Base unites OIBTrees with BTrees' ``union``; plone.folder then sorts
        # the ids by position, which fails for unordered folders (all positions None).
        merged = heapq.merge(*(ids.keys() for ids in id_sets if ids is not None))
        unique = []
        for id in merged:
            if not unique or unique[-1] != id:
                unique.append(id)
        return unique

    keys = objectIds

    def _cleanup(self):
        """The ZMI's check of the folder's trees (``manage_cleanup``): 1 if sound, else rebuilt and 0."""
        if not isinstance(self._tree, ShardedTree):
            return super()._cleanup()
        try:
            self._tree.check()
            for ids in self._mt_index.values():
                ids.check()
                for id in ids:
                    if id not in self._tree:
                        raise AssertionError(f"{id!r} of a meta type is not in the folder")
            return 1
        except AssertionError:
            logger.warning(
                "Damage in the trees of %s, rebuilt", self.absolute_url(1), exc_info=True
            )
        tree = ShardedTree(self._tree.items())
        mt_index = OOBTree()
        for meta_type, ids in self._mt_index.items():
            mt_index[meta_type] = ShardedTree((id, 1) for id in ids if id in tree)
        self._tree, self._mt_index = tree, mt_index
        if self._count() != len(tree):
            self._count.set(len(tree))
        return 0

    def notifyModified(self):
        # Adding an application fires a ContainerModifiedEvent, on which Plone sets the
        # container's modification date and reindexes it: every submission would write
        # the area and its catalog record, so any two submissions to one department at
        # the same time would conflict. Nobody reads these containers' dates; keep none.
        pass

    def _setObject(self, id, object, roles=None, user=None, set_owner=1, suppress_events=False):
        # BTreeFolder2's _setObject fires the added events and then a ContainerModifiedEvent
        # for the container, on which plone.dexterity reindexes it (reindexOnModify) and
        # relation and link handlers read its fields: some 15,000 calls per submission for a
        # catalog record and relations that an added child never changes. The same events
        # for the child (catalog, ownership, workflow), none for the container.
        if suppress_events:
            return super()._setObject(id, object, roles, user, set_owner, suppress_events=True)
        checked = self._checkId(id)
        if checked is not None:
            id = checked
        notify(ObjectWillBeAddedEvent(object, self, id))
        id = super()._setObject(id, object, roles, user, set_owner, suppress_events=True)
        notify(ObjectAddedEvent(self._getOb(id), self, id))
        return id


@implementer(IApplicationRoot)
class ApplicationRoot(_UnorderedContainer):
    pass


@implementer(IApplicationArea)
class ApplicationArea(_UnorderedContainer):
    department_uid = None


def shard_trees(container):
    """Move a container's ids (``_tree``) and meta type id sets (``_mt_index``) into ShardedTrees.

    ``_count`` stays as it is. Returns whether anything changed.
    """
    if isinstance(container._tree, ShardedTree):
        return False
    mt_index = OOBTree()
    for meta_type, ids in container._mt_index.items():
        mt_index[meta_type] = ShardedTree((id, 1) for id in ids)
    container._tree = ShardedTree(container._tree.items())
    container._mt_index = mt_index
    return True
