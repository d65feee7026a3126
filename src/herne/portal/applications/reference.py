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
import time
import transaction
from ZODB.POSException import ConflictError
from ZODB.utils import z64


PREFIX = "HER"
COUNTERS_ATTRIBUTE = "_herne_reference_counters"
#: Attempts of the counter's own transaction before the submission gives up (and Zope
#: retries the whole request).
DRAW_ATTEMPTS = 30

logger = logging.getLogger("herne.portal.conflicts")


class YearCounter(Persistent):
    """The last number handed out in one year."""

    def __init__(self):
        self.value = 0

    def next(self):
        self.value += 1
        return self.value


def _counters(root):
    counters = getattr(root, COUNTERS_ATTRIBUTE, None)
    if counters is None:
        counters = OOBTree()
        setattr(root, COUNTERS_ATTRIBUTE, counters)
    return counters


def _draw(root, year):
    counters = _counters(root)
    counter = counters.get(year)
    if counter is None:
        counter = counters[year] = YearCounter()
    return counter.next()


def _committed(obj):
    """Whether ``obj`` is stored in the database (not only added in this transaction)."""
    if getattr(obj, "_p_jar", None) is None or obj._p_oid is None:
        return False
    obj._p_activate()  # a ghost's serial is unknown until its state is loaded
    return obj._p_serial != z64


def _draw_in_own_transaction(root, year):
    """Increment the counter in a separate, immediately committed transaction."""
    manager = transaction.TransactionManager()
    connection = root._p_jar.db().open(transaction_manager=manager)
    try:
        for attempt in range(1, DRAW_ATTEMPTS + 1):
            manager.begin()
            try:
                number = _draw(connection.get(root._p_oid), year)
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


def next_reference_number(root, today=None):
    """Hand out the next reference number of the year on the application root."""
    year = (today or datetime.date.today()).year
    number = _draw_in_own_transaction(root, year) if _committed(root) else _draw(root, year)
    return f"{PREFIX}-{year}-{number:06d}"
