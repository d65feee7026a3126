"""Reference numbers come in blocks per process: unique across processes, one draw per block."""

from herne.portal.applications import reference
import transaction


def _open(db):
    manager = transaction.TransactionManager()
    return manager, db.open(transaction_manager=manager)


def _numbers(db, count):
    manager, connection = _open(db)
    try:
        manager.begin()
        root = connection.root()["Application"]["plone"]["antraege"]
        numbers = [int(reference.next_reference_number(root)[-6:]) for _ in range(count)]
        manager.commit()
        return numbers, reference._stored_value(root, max(root._herne_reference_counters))
    finally:
        manager.abort()
        connection.close()


def test_a_process_draws_once_per_block(demo_functional):
    db = demo_functional["zodbDB"]
    reference.forget_blocks()
    first, _stored = _numbers(db, 1)
    numbers, stored = _numbers(db, reference.BLOCK_SIZE - 1)
    # the whole block was taken from the counter at the first number, in order
    assert first + numbers == list(range(first[0], first[0] + reference.BLOCK_SIZE))
    assert stored == first[0] + reference.BLOCK_SIZE - 1
    (after,), stored = _numbers(db, 1)
    assert after == stored - reference.BLOCK_SIZE + 1 == first[0] + reference.BLOCK_SIZE


def test_two_processes_never_share_a_number(demo_functional, monkeypatch):
    db = demo_functional["zodbDB"]
    reference.forget_blocks()
    seen = []
    for _round in range(3):
        # the other instance: a process with blocks of its own
        ours = reference._blocks
        monkeypatch.setattr(reference, "_blocks", {})
        seen += _numbers(db, 4)[0]
        monkeypatch.setattr(reference, "_blocks", ours)
        seen += _numbers(db, 7)[0]
    assert len(seen) == len(set(seen)) == 33


def test_a_database_that_went_back_drops_the_block(demo_functional):
    db = demo_functional["zodbDB"]
    reference.forget_blocks()
    (first,), stored = _numbers(db, 1)
    # the stored counter goes back (a restored backup): the numbers after it are free again
    manager, connection = _open(db)
    manager.begin()
    root = connection.root()["Application"]["plone"]["antraege"]
    root._herne_reference_counters[max(root._herne_reference_counters)].value = first - 1
    manager.commit()
    connection.close()

    (again,), stored = _numbers(db, 1)
    assert again == first  # from a new block drawn from the stored counter, not the old block
    assert stored == first + reference.BLOCK_SIZE - 1
