"""Concurrent submissions with consecutive reference numbers both commit in ``reference_number``; lookups and the title order stay as they were."""

from herne.portal.conflicts.spread_keys import ReversedFieldIndex
from herne.portal.content.application import IApplication
from plone import api
import random
import transaction
import ZODB
from ZODB.FileStorage import FileStorage
from zope.interface import implementer


FILLED = 2000  # the applications of the weeks before


def _number(number):
    return f"HER-2026-{number:06d}"


@implementer(IApplication)
class _Application:
    def __init__(self, number):
        self.reference_number = _number(number)

    def Title(self):
        return self.reference_number


class _Indexed:
    """What the catalog hands the indexes: the values of an application's indexers."""

    def __init__(self, number):
        application = _Application(number)
        self.reference_number = application.reference_number


def _connection(db):
    manager = transaction.TransactionManager()
    return db.open(transaction_manager=manager), manager


def _database(tmp_path, name, index):
    db = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    connection, manager = _connection(db)
    connection.root()["index"] = index
    rids = random.Random(20).sample(range(1, 2**31), FILLED + 200)
    connection.root()["rids"] = rids
    for number in range(1, FILLED + 1):
        index.index_object(rids[number], _Indexed(number))
    manager.commit()
    connection.close()
    return db


def test_two_submissions_with_consecutive_numbers_both_commit(tmp_path):
    name, index = "reference_number", ReversedFieldIndex("reference_number")
    db = _database(tmp_path, name, index)
    number = FILLED
    for _round in range(25):
        first, second = _connection(db), _connection(db)
        for connection, _manager in (first, second):
            number += 1
            rid = connection.root()["rids"][number]
            connection.root()["index"].index_object(rid, _Indexed(number))
        first[1].commit()
        # numbers as they read: ConflictError once the last bucket splits under both; reversed,
        # the two inserts meet in no bucket (a split in ``first`` would still end ``second``
        # with a ReadConflictError, BTrees read their nodes as current: not the case here)
        second[1].commit()
        first[0].close()
        second[0].close()

    check, _manager = _connection(db)
    index = check.root()["index"]
    assert len(index) == number
    found = index._apply_index({name: _Indexed(number).__dict__[name]})[0]
    assert list(found) == [check.root()["rids"][number]]
    check.close()
    db.close()


def test_reference_number_lookups_work_as_before(demo):
    from tests.fixtures.applications import build_application

    portal = demo["portal"]
    one, two = build_application(portal), build_application(portal)
    catalog = api.portal.get_tool("portal_catalog")

    def numbers(**query):
        brains = catalog.unrestrictedSearchResults(portal_type="Application", **query)
        return {brain.reference_number for brain in brains}

    assert numbers(reference_number=one.reference_number) == {one.reference_number}
    assert numbers(reference_number=[one.reference_number, two.reference_number]) == {
        one.reference_number,
        two.reference_number,
    }
    assert two.reference_number not in numbers(reference_number={"not": two.reference_number})
    assert numbers(reference_number="HER-0000-000000") == set()
    # the reversed number is no way in
    assert numbers(reference_number=one.reference_number[::-1]) == set()
    assert numbers(SearchableText=one.reference_number) == {one.reference_number}


def test_sorted_by_title_the_area_lists_every_application_in_number_order(demo):
    """Plone's "Inhalte" view lets clerks sort by title; a sort drops what is not in its index."""
    from tests.fixtures.applications import build_application

    portal = demo["portal"]
    one, two = build_application(portal), build_application(portal)
    area = one.aq_parent
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        path={"query": "/".join(area.getPhysicalPath()), "depth": 1}, sort_on="sortable_title"
    )
    assert {one.reference_number, two.reference_number} <= {brain.Title for brain in brains}
    titles = [brain.Title for brain in brains if brain.portal_type == "Application"]
    assert titles == sorted(titles)
