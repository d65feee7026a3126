"""Concurrent adds to one application area both commit (its folder trees in shards); listing, traversal, deletion and the upgrade stay as they were."""

from Acquisition import aq_base
from BTrees.OIBTree import OIBTree
from BTrees.OOBTree import OOBTree
from herne.portal.content.application_area import ApplicationArea
from herne.portal.content.sharded_tree import ShardedTree
from herne.portal.content.sharded_tree import shard_number
from OFS.SimpleItem import SimpleItem
from plone import api
import pytest
import random
from tests.setup.test_upgrades import LATEST
import transaction
import ZODB
from ZODB.FileStorage import FileStorage
from ZODB.POSException import ConflictError


#: A department's applications of some weeks: the one OOBTree of an area as 1047 left
#: it holds about 90 buckets (of up to 30 ids) under its root node.
FILLED = 2_000
#: About as many as the shards hold in one bucket each (up to 120 ids): some split.
MANY = 30_000
ROUNDS = 80
PROFILE = "herne.portal:default"


def _ids(count, seed):
    generator = random.Random(seed)
    return [f"antrag-{generator.getrandbits(64):016x}" for _number in range(count)]


def _as_1047_left_it(area):
    """An area's trees as BTreeFolder2Base makes them: one OOBTree of ids, one OIBTree per meta type."""
    tree = OOBTree(area._tree.items())
    mt_index = OOBTree()
    for meta_type, ids in area._mt_index.items():
        mt_index[meta_type] = OIBTree(dict.fromkeys(ids, 1))
    area._tree, area._mt_index = tree, mt_index


def _connection(db):
    manager = transaction.TransactionManager()
    return db.open(transaction_manager=manager), manager


def _buckets(tree):
    """The buckets of every shard (one for a shard that is still one bucket)."""
    count = 0
    for shard in tree._shards:
        state = shard.__getstate__()
        count += 1 if state is None or len(state) == 1 else (len(state[0]) + 1) // 2
    return count


@pytest.mark.parametrize(
    "trees, filled, conflicts",
    [
        # as the area had them up to 1047: BTrees mark every node on an insert's path
        # as read, so a bucket split anywhere under the root ends the other add with a
        # conflict (in a larger tree only the splits under the same inner node do)
        ("OOBTree", FILLED, "some"),
        ("ShardedTree", FILLED, "none"),
        # a split in a shard ends only an add to the same shard (1 in 256)
        ("ShardedTree", MANY, "none"),
    ],
)
def test_two_submissions_add_to_one_area_at_the_same_time(
    integration, tmp_path, trees, filled, conflicts
):
    db = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    connection, manager = _connection(db)
    area = ApplicationArea("steuern")
    connection.root()["area"] = area
    if trees == "OOBTree":
        _as_1047_left_it(area)
    item = SimpleItem()  # one stand-in for the applications of the weeks before
    for id in _ids(filled, seed=20):  # in random order, as they came
        area._setOb(id, item)
    manager.commit()
    buckets_before = _buckets(area._tree) if trees == "ShardedTree" else None
    connection.close()

    new_ids = iter(_ids(2 * ROUNDS, seed=21))
    added, conflicted = [], 0
    for _round in range(ROUNDS):
        first, second = _connection(db), _connection(db)
        round_ids = []
        for connection, _manager in (first, second):
            id = next(new_ids)
            connection.root()["area"]._setOb(id, SimpleItem())
            round_ids.append(id)
        first[1].commit()
        added.append(round_ids[0])
        try:
            second[1].commit()
        except ConflictError:
            second[1].abort()
            conflicted += 1
        else:
            added.append(round_ids[1])
        first[0].close()
        second[0].close()

    check, _manager = _connection(db)
    area = check.root()["area"]
    if conflicts == "some":
        assert conflicted >= 3
        print(f"{conflicted} of {ROUNDS} rounds conflicted")
    else:
        print(f"buckets {buckets_before} -> {_buckets(area._tree)}")
        assert conflicted == 0
        if filled == MANY:
            # shards did split meanwhile, without ending either add
            assert _buckets(area._tree) > buckets_before
    assert len(area) == filled + len(added)
    assert all(id in area for id in added)
    ids = list(area.objectIds())
    assert len(ids) == filled + len(added)
    assert ids == sorted(ids)
    assert list(area.objectIds(SimpleItem.meta_type)) == ids
    check.close()
    db.close()


def test_two_adds_to_the_same_shard_merge(integration, tmp_path):
    """The ZODB merges two inserts into one shard's bucket (1 in 256 pairs of submissions)."""
    db = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    connection, manager = _connection(db)
    connection.root()["area"] = area = ApplicationArea("steuern")
    item = SimpleItem()
    for id in _ids(FILLED, seed=20):
        area._setOb(id, item)
    manager.commit()
    connection.close()
    candidates = _ids(5_000, seed=22)
    first_id = candidates[0]
    second_id = next(id for id in candidates[1:] if shard_number(id) == shard_number(first_id))

    first, second = _connection(db), _connection(db)
    first[0].root()["area"]._setOb(first_id, SimpleItem())
    second[0].root()["area"]._setOb(second_id, SimpleItem())
    first[1].commit()
    second[1].commit()

    check, _manager = _connection(db)
    area = check.root()["area"]
    assert first_id in area and second_id in area
    assert len(area) == len(area.objectIds()) == FILLED + 2
    db.close()


def test_the_zmi_cleanup_finds_an_id_in_the_wrong_shard_and_rebuilds(integration):
    area = ApplicationArea("steuern")
    item = SimpleItem()
    ids = _ids(300, seed=23)
    for id in ids:
        area._setOb(id, item)
    assert area.manage_cleanup().startswith("No damage detected")
    lost = ids[0]
    del area._tree._shards[shard_number(lost)][lost]
    area._tree._shards[(shard_number(lost) + 1) % 256][lost] = item
    assert lost not in area

    assert area.manage_cleanup().startswith("Fixed BTreeFolder2")

    assert aq_base(area[lost]) is item
    assert list(area.objectIds()) == sorted(ids) == list(area.objectIds(item.meta_type))
    assert len(area) == 300
    assert area.manage_cleanup().startswith("No damage detected")


def test_the_area_lists_finds_and_deletes_its_applications(demo):
    from tests.fixtures.applications import build_application

    portal = demo["portal"]
    one, two = build_application(portal), build_application(portal, submit=False)
    area = one.aq_parent
    assert isinstance(area._tree, ShardedTree)
    assert two.aq_parent == area
    ids = list(area.objectIds())
    assert {one.getId(), two.getId()} <= set(ids)
    assert ids == sorted(ids)
    assert len(area) == len(ids) == len(area.objectValues())
    assert [item.getId() for item in area.objectValues()] == ids
    assert [id for id, _item in area.contentItems()] == ids
    assert list(area.objectIds(one.meta_type)) == ids
    assert list(area.keys()) == ids
    assert one.getId() in area
    assert area.get(one.getId()) == one
    assert area[one.getId()] == one
    assert area.unrestrictedTraverse(one.getId()) == one
    assert portal.unrestrictedTraverse("/".join(one.getPhysicalPath())) == one
    assert area.get("") is None
    assert "" not in area
    # how the catalog's "clear and rebuild" walks the site
    catalog = api.portal.get_tool("portal_catalog")
    walked = []
    catalog.ZopeFindAndApply(area, apply_func=lambda item, path: walked.append(item.getId()))
    assert walked == ids

    path = "/".join(area.getPhysicalPath())
    with api.env.adopt_roles(["Manager"]):  # as retention deletes
        api.content.delete(one)

    assert one.getId() not in area
    assert area.get(one.getId()) is None
    with pytest.raises(KeyError):
        area[one.getId()]
    assert one.getId() not in area.objectIds()
    assert one.getId() not in area.objectIds(two.meta_type)
    assert len(area) == len(ids) - 1
    found = catalog.unrestrictedSearchResults(path={"query": path, "depth": 1})
    assert one.getId() not in {brain.getId for brain in found}
    assert two.getId() in {brain.getId for brain in found}

    # what a rename does (applications themselves are not movable in any state)
    old_id = two.getId()
    area._delObject(old_id, suppress_events=True)
    area._setObject(old_id + "-neu", two, suppress_events=True)
    assert old_id not in area and area[old_id + "-neu"] == two
    assert [old_id + "-neu"] == [id for id in area.objectIds() if id.startswith(old_id)]

    # the only application of its meta type deleted, the next one is listed again
    for id in list(area.objectIds()):
        area._delObject(id, suppress_events=True)
    assert list(area.objectIds()) == [] and len(area) == 0
    three = build_application(portal)
    assert list(area.objectIds()) == list(area.objectIds(three.meta_type)) == [three.getId()]


def test_upgrade_1047_to_1048_puts_the_trees_of_existing_areas_into_shards(demo):
    from tests.fixtures.applications import build_application

    portal = demo["portal"]
    one, two = build_application(portal), build_application(portal)
    area = one.aq_parent
    root = area.aq_parent
    ids = list(area.objectIds())
    root_ids = list(root.objectIds())
    count = area._count
    for container in (root, area):
        _as_1047_left_it(container)
        assert not isinstance(container._tree, ShardedTree)
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1047")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (LATEST,)
    for container in (root, area):
        assert isinstance(container._tree, ShardedTree)
        for id_set in container._mt_index.values():
            assert isinstance(id_set, ShardedTree)
    assert area._count is count and len(area) == len(ids)
    assert list(area.objectIds()) == ids
    assert list(root.objectIds()) == root_ids
    assert area[one.getId()] == one
    assert list(area.objectIds(one.meta_type)) == ids
    three = build_application(portal)
    assert three.getId() in area and len(area) == len(ids) + 1
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(two)
    assert two.getId() not in area.objectIds()
