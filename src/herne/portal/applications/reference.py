"""Reference numbers such as HER-2026-000123, unique under concurrent submissions.

The counter is a plain persistent object *without* conflict resolution (BTrees.Length
or zope.minmax would merge two increments and hand out the same number twice).
It is drawn from in a short transaction of its own, on a connection of its own,
that commits before the number is used: two submissions at the same moment then
conflict only inside that transaction of a few milliseconds, which is retried
here, instead of conflicting over the whole submission, which Zope would have to
redo from the start (with a cluster of instances and dozens of citizens, often
more often than it retries). The price: a number drawn by a submission that is
aborted afterwards (a conflict elsewhere, an error) is not handed out again, so
numbers can have gaps, never duplicates.

Each process draws its numbers in blocks of ``BLOCK_SIZE`` (issue 20): one short
transaction for ten submissions instead of one each, and the threads of a process
take their numbers from the process's block without touching the database, so
within one instance the counter never conflicts, and between instances ten times
more rarely. The price: the numbers of two instances are not in submission order
(one hands out 11-20 while the other hands out 21-30), and the numbers left in a
block when its process stops are never handed out (gaps of at most
``BLOCK_SIZE - 1`` per restart). A block is used only while the stored counter is
at or beyond its end: a database that went back (a restored backup while the
process kept running, the tests' stacked storages) drops the block.

Where the application root is not committed yet (created in the same
transaction, as on a fresh site), the number is drawn inside the caller's
transaction as before; a concurrent draw then conflicts and Zope retries.
"""

from BTrees.OOBTree import OOBTree
import datetime
from herne.portal.conflicts.counter import record
import logging
from persistent import Persistent
import random
import threading
import time
import transaction
from ZODB.POSException import ConflictError
from ZODB.utils import z64


PREFIX = "HER"
COUNTERS_ATTRIBUTE = "_herne_reference_counters"
#: Attempts of the counter's own transaction before the submission gives up (and Zope
#: retries the whole request).
DRAW_ATTEMPTS = 30
#: Numbers a process draws from the counter at once.
BLOCK_SIZE = 10

logger = logging.getLogger("herne.portal.conflicts")


class YearCounter(Persistent):
    """The last number handed out in one year."""

    def __init__(self):
        self.value = 0

    def next(self, count=1):
        """Take ``count`` numbers; returns the last of them."""
        self.value += count
        return self.value


def _counters(root):
    counters = getattr(root, COUNTERS_ATTRIBUTE, None)
    if counters is None:
        counters = OOBTree()
        setattr(root, COUNTERS_ATTRIBUTE, counters)
    return counters


def _draw(root, year, count=1):
    """Take ``count`` numbers from the year's counter; returns the last of them."""
    counters = _counters(root)
    counter = counters.get(year)
    if counter is None:
        counter = counters[year] = YearCounter()
    return counter.next(count)


def _stored_value(root, year):
    counter = getattr(root, COUNTERS_ATTRIBUTE, {}).get(year)
    return 0 if counter is None else counter.value


def _committed(obj):
    """Whether ``obj`` is stored in the database (not only added in this transaction)."""
    if getattr(obj, "_p_jar", None) is None or obj._p_oid is None:
        return False
    obj._p_activate()  # a ghost's serial is unknown until its state is loaded
    return obj._p_serial != z64


def _draw_in_own_transaction(root, year, count=1):
    """Take ``count`` numbers in a separate, immediately committed transaction; the last."""
    manager = transaction.TransactionManager()
    connection = root._p_jar.db().open(transaction_manager=manager)
    try:
        for attempt in range(1, DRAW_ATTEMPTS + 1):
            manager.begin()
            try:
                number = _draw(connection.get(root._p_oid), year, count)
                manager.commit()
                return number
            except ConflictError as error:
                manager.abort()
                record(error, retried=attempt < DRAW_ATTEMPTS, path="reference-counter")
                if attempt == DRAW_ATTEMPTS:
                    raise
                logger.info("reference counter: retried after attempt %d: %s", attempt, error)
                time.sleep(random.uniform(0, 0.01 * attempt))
    finally:
        manager.abort()
        connection.close()


def _fresh_value(root, year):
    """The counter as last committed (the caller's snapshot may be older)."""
    manager = transaction.TransactionManager()
    connection = root._p_jar.db().open(transaction_manager=manager)
    try:
        return _stored_value(connection.get(root._p_oid), year)
    finally:
        manager.abort()
        connection.close()


#: (database name, root oid, year) -> [next number, last number] of this process's block.
_blocks = {}
_blocks_lock = threading.Lock()


def forget_blocks():
    """Drop this process's blocks (tests that count draws)."""
    with _blocks_lock:
        _blocks.clear()


def _from_block(root, year):
    key = (root._p_jar.db().database_name, root._p_oid, year)
    with _blocks_lock:
        block = _blocks.get(key)
        left_in_block = block is not None and block[0] <= block[1]
        # Drawn and committed: the stored counter is at its end or beyond, unless the
        # database went back. A snapshot older than the draw is asked again, fresh.
        if left_in_block and (
            _stored_value(root, year) >= block[1] or _fresh_value(root, year) >= block[1]
        ):
            number = block[0]
            block[0] += 1
            return number
        last = _draw_in_own_transaction(root, year, BLOCK_SIZE)
        _blocks[key] = [last - BLOCK_SIZE + 2, last]
        return last - BLOCK_SIZE + 1


def next_reference_number(root, today=None):
    """Hand out the next reference number of the year on the application root."""
    year = (today or datetime.date.today()).year
    number = _from_block(root, year) if _committed(root) else _draw(root, year)
    return f"{PREFIX}-{year}-{number:06d}"
