"""A persistent mapping of string keys kept in 256 BTrees chosen by crc32, so that concurrent inserts meet in no tree node."""

from BTrees.OOBTree import OOBTree
import heapq
from operator import itemgetter
from persistent import Persistent
import zlib


#: Fixed: changing it needs a migration of every stored tree.
SHARDS = 256
#: The first key of every shard, never deleted (no folder id is empty): the shard's first
#: bucket can neither be emptied nor lose its first key, which the BTrees' conflict
#: resolution refuses to merge with a concurrent insert.
KEEP = ""


def shard_number(key):
    """The shard of ``key``; the same in every process."""
    return zlib.crc32(key.encode("utf-8")) % SHARDS


class ShardTree(OOBTree):
    """One shard: buckets of up to 120 entries instead of 30, so that a shard splits rarely.

    A split rewrites the shard's root node, and BTrees mark every node on an insert's
    path as read: a split ends every concurrent insert into the same shard with a
    conflict. A shard that is still one bucket keeps it inside its root's record,
    which the ZODB merges with concurrent inserts of other keys.
    """

    max_leaf_size = 120


class ShardedTree(Persistent):
    """A mapping of string keys in the 256 shards chosen by crc32; never written itself, only its shards.

    Offers what BTreeFolder2Base and plone.folder use of a folder's ``_tree`` and of
    the id sets of its ``_mt_index``. ``keys``, ``values`` and ``items`` go through
    the keys in sorted order (merged across the shards), take ``min``/``max``
    like a BTree's, and answer ``len()`` and indexing as a BTree's do.
    """

    def __init__(self, items=()):
        self._shards = tuple(self._new_shard() for _number in range(SHARDS))
        if hasattr(items, "items"):
            items = items.items()
        for key, value in items:
            self[key] = value

    @staticmethod
    def _new_shard():
        shard = ShardTree()
        shard[KEEP] = None
        return shard

    def _shard_of(self, key):
        """The shard that holds ``key``, None for keys it can never hold."""
        if not isinstance(key, str) or key == KEEP:
            return None
        return self._shards[shard_number(key)]

    # reading one key

    def get(self, key, default=None):
        shard = self._shard_of(key)
        if shard is None:
            return default
        return shard.get(key, default)

    def __getitem__(self, key):
        shard = self._shard_of(key)
        if shard is None:
            raise KeyError(key)
        return shard[key]

    def __contains__(self, key):
        shard = self._shard_of(key)
        return shard is not None and key in shard

    def has_key(self, key):
        return key in self

    # writing one key

    def _writable_shard(self, key):
        if not isinstance(key, str):
            raise TypeError(f"ShardedTree keys are strings, not {type(key).__name__}")
        if key == KEEP:
            raise KeyError("the empty key is kept by every shard")
        return self._shards[shard_number(key)]

    def __setitem__(self, key, value):
        self._writable_shard(key)[key] = value

    def insert(self, key, value):
        """Set ``key`` only if it is not there yet; 1 if it was set, 0 if not (as ``BTree.insert``)."""
        return self._writable_shard(key).insert(key, value)

    def setdefault(self, key, default):
        return self._writable_shard(key).setdefault(key, default)

    def update(self, items):
        if hasattr(items, "items"):
            items = items.items()
        for key, value in items:
            self[key] = value

    def __delitem__(self, key):
        shard = self._shard_of(key)
        if shard is None:
            raise KeyError(key)
        del shard[key]

    def pop(self, key, *default):
        shard = self._shard_of(key)
        if shard is None:
            if default:
                return default[0]
            raise KeyError(key)
        return shard.pop(key, *default)

    # all keys

    def __len__(self):
        return sum(len(shard) - 1 for shard in self._shards)

    def __bool__(self):
        # Past the kept key, a shard holds something iff its largest key is another.
        return any(shard.maxKey() != KEEP for shard in self._shards)

    def keys(self, min=None, max=None, excludemin=False, excludemax=False):
        return SortedView(self, "keys", min, max, excludemin, excludemax)

    def values(self, min=None, max=None, excludemin=False, excludemax=False):
        return SortedView(self, "values", min, max, excludemin, excludemax)

    def items(self, min=None, max=None, excludemin=False, excludemax=False):
        return SortedView(self, "items", min, max, excludemin, excludemax)

    def __iter__(self):
        return iter(self.keys())

    def check(self):
        """Raise AssertionError if a shard is damaged, lost its kept key or holds a key of another."""
        for number, shard in enumerate(self._shards):
            shard._check()  # BTrees.check.check knows only the BTrees' own classes
            if KEEP not in shard:
                raise AssertionError(f"shard {number} lost its first key")
            for key in shard.keys(KEEP, excludemin=True):
                if shard_number(key) != number:
                    raise AssertionError(
                        f"shard {number} holds {key!r} of shard {shard_number(key)}"
                    )

    def __repr__(self):
        return f"<{type(self).__name__} with {SHARDS} shards at {id(self):#x}>"


class SortedView:
    """The keys, values or items of a ShardedTree in key order: iterable, ``len()`` and indexing as a BTree's.

    Iterating merges the shards lazily; ``len()`` of the whole tree counts without
    building a list; indexing and slicing build the list once.
    """

    _picks = {"keys": itemgetter(0), "values": itemgetter(1), "items": None}

    def __init__(self, tree, kind, min, max, excludemin, excludemax):
        self._tree = tree
        self._kind = kind
        self._pick = self._picks[kind]
        self._whole = min is None and max is None
        if min is None or min == KEEP:
            min, excludemin = KEEP, True
        self._range = (min, max, excludemin, excludemax)
        self._list = None

    def _items(self):
        min, max, excludemin, excludemax = self._range
        ranges = (
            shard.items(min, max, excludemin=excludemin, excludemax=excludemax)
            for shard in self._tree._shards
        )
        return heapq.merge(*ranges, key=itemgetter(0))

    def __iter__(self):
        if self._list is not None:
            return iter(self._list)
        if self._pick is None:
            return self._items()
        return map(self._pick, self._items())

    def _as_list(self):
        if self._list is None:
            self._list = list(iter(self))  # list(self) would ask len(), which builds the list
        return self._list

    def __len__(self):
        if self._list is None and self._whole:
            return len(self._tree)
        return len(self._as_list())

    def __bool__(self):
        for _item in self:
            return True
        return False

    def __getitem__(self, index):
        return self._as_list()[index]

    def __contains__(self, value):
        if self._kind == "keys" and self._whole:
            return value in self._tree
        return value in self._as_list()

    def __repr__(self):
        return f"<SortedView of the {self._kind} of {self._tree!r}>"
