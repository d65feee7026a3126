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

Once the request that drew a block has committed, the words of the ``WORDS_AHEAD``
numbers after the block are entered into the lexicon of the full-text index
(``SearchableText``, where clerks and citizens find an application by its number), in a
short transaction of their own. Numbers are sequential, so each submission used to add
a new word right after the previous one: every concurrent submission wrote the same
last bucket of the lexicon's word tree, and each split of that bucket made all of them
start again (the largest line of the conflict map after the outbox). Known words are
only read, so a submission no longer writes the lexicon for its number. Ahead, and
after the commit: a submission whose transaction began before the words were committed
would not see them and would insert the same word again, which conflicts every time;
words entered five blocks earlier were committed before any submission still running
began, unless it has run for fifty submissions. Only at the first blocks of a year
(or of a fresh site) do submissions still enter their numbers' words themselves.

Where the application root is not committed yet (created in the same
transaction, as on a fresh site), the number is drawn inside the caller's
transaction as before; a concurrent draw then conflicts and Zope retries.
"""

from Acquisition import aq_base
from BTrees.OOBTree import OOBTree
import datetime
from herne.portal.conflicts.own_transaction import end_transaction
from herne.portal.conflicts.own_transaction import in_own_transaction
from herne.portal.conflicts.own_transaction import open_own_connection
from herne.portal.conflicts.own_transaction import stored_in_database
import logging
from persistent import Persistent
from Products.CMFCore.utils import getToolByName
import threading


PREFIX = "HER"
COUNTERS_ATTRIBUTE = "_herne_reference_counters"
#: Attempts of the counter's own transaction before the submission gives up (and Zope
#: retries the whole request).
DRAW_ATTEMPTS = 30
#: Numbers a process draws from the counter at once.
BLOCK_SIZE = 10
#: How far ahead of the counter the numbers' words are entered into the lexicon.
WORDS_AHEAD = 5 * BLOCK_SIZE
#: Attempts of the transaction that enters them (only a head start: it may give up).
WORDS_ATTEMPTS = 5

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


def _lexicon_oid(root):
    """The oid of the lexicon the full-text index splits an application's number with (None without one)."""
    catalog = getToolByName(root, "portal_catalog", None)
    index = catalog._catalog.indexes.get("SearchableText") if catalog is not None else None
    lexicon = getattr(catalog, getattr(index, "lexicon_id", ""), None)
    return getattr(aq_base(lexicon), "_p_oid", None) if lexicon is not None else None


def _enter_words(lexicon, year, first, last):
    """Make the words of the numbers ``first`` to ``last`` known to ``lexicon``."""
    for number in range(first, last + 1):
        lexicon.sourceToWordIds(format_number(year, number))


def _words_ahead(committed, caller, lexicon_oid, year, last):
    """After-commit hook of the request that drew a block ending at ``last``: enter the words ahead.

    ``caller`` is the request's connection: it took its next snapshot when its commit
    completed, before this hook ran; it is brought up to date afterwards, so code that
    goes on without ``transaction.begin()`` (scripts, tests) does not insert the same
    words again on the older snapshot and conflict with them.
    """
    if not committed:
        return

    def enter(connection):
        _enter_words(connection.get(lexicon_oid), year, last + 1, last + WORDS_AHEAD)

    try:
        in_own_transaction(caller.db(), enter, WORDS_ATTEMPTS, "reference-words")
    except Exception:
        # Only a head start: without it the submissions enter their words themselves.
        logger.exception("reference numbers' words not entered ahead")
        return
    if caller.opened:
        caller.newTransaction(None, False)


def _draw_in_own_transaction(root, year, count=1, lexicon_oid=None):
    """Take ``count`` numbers in a separate, immediately committed transaction; the last.

    With ``lexicon_oid``, the words of the ``WORDS_AHEAD`` numbers after them are entered
    into that lexicon once the caller's transaction has committed. After the last
    attempt the conflict is raised, and Zope runs the request again.
    """
    number = in_own_transaction(
        root._p_jar.db(),
        lambda connection: _draw(connection.get(root._p_oid), year, count),
        DRAW_ATTEMPTS,
        "reference-counter",
    )
    if lexicon_oid is not None:
        root._p_jar.transaction_manager.get().addAfterCommitHook(
            _words_ahead, args=(root._p_jar, lexicon_oid, year, number)
        )
    return number


def _fresh_value(root, year):
    """The counter as last committed (the caller's snapshot may be older)."""
    manager, connection = open_own_connection(root._p_jar.db())
    try:
        return _stored_value(connection.get(root._p_oid), year)
    finally:
        end_transaction(manager)
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
        last = _draw_in_own_transaction(root, year, BLOCK_SIZE, _lexicon_oid(root))
        _blocks[key] = [last - BLOCK_SIZE + 2, last]
        return last - BLOCK_SIZE + 1


def format_number(year, number):
    return f"{PREFIX}-{year}-{number:06d}"


def next_reference_number(root, today=None):
    """Hand out the next reference number of the year on the application root."""
    year = (today or datetime.date.today()).year
    number = _from_block(root, year) if stored_in_database(root) else _draw(root, year)
    return format_number(year, number)
