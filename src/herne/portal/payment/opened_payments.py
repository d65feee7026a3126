"""Payments opened, kept for the whole cluster the moment the payment service answers, so a resend on another instance finds them.

``payment.idempotency`` keeps them in the process, which covers Zope's retries after
a write conflict. A process killed after the payment service answered but before the
request's commit takes that table with it, and the citizen's resend, which the
balancer may send to another instance, would open a second transaction and leave the
first unused at the payment service. So the opened payment, and the application id its
return address names, are also written at once in a short transaction of their own,
on a connection of their own (as the reference counter is drawn), to a table on the
site root that every instance reads.

Keys are digests of the idempotency keys, so concurrent payments land in different
buckets; entries older than ``KEEP_SECONDS`` are removed a few at a time as new
ones are written.
"""

from Acquisition import aq_base
from BTrees.OOBTree import OOBTree
import hashlib
from herne.portal.conflicts.own_transaction import GaveUp
from herne.portal.conflicts.own_transaction import in_own_transaction
from herne.portal.conflicts.own_transaction import stored_in_database
from herne.portal.payment.idempotency import KEEP_SECONDS
from itertools import islice
import logging
import secrets
import time


ATTRIBUTE = "_herne_opened_payments"
#: Attempts of the short transaction; after them the payment goes on, kept in the process only.
ATTEMPTS = 10
#: Entries looked at for expiry at each write.
EXPIRY_SCAN = 20

logger = logging.getLogger("herne.portal.payment")


def digest(key):
    """The table's key for an idempotency key (a tuple of strings and numbers)."""
    return hashlib.sha256(repr(key).encode()).hexdigest()


def _expire(table, now):
    start = secrets.token_hex(32)  # a random place: over time every part of the table is seen
    for name in list(islice(table.keys(min=start), EXPIRY_SCAN)):
        stored, _value = table[name]
        if now - stored > KEEP_SECONDS:
            del table[name]


def keep(portal, entries):
    """Write ``entries`` ({idempotency key: value}) for every instance, committed at once.

    Returns False where that was not possible (a site not committed yet, as in a test's
    fresh site, or conflicts on every attempt): the caller's process still remembers.
    """
    if not stored_in_database(portal):
        return False

    def write(connection):
        site = connection.get(portal._p_oid)
        table = getattr(site, ATTRIBUTE, None)
        if table is None:
            table = OOBTree()
            setattr(site, ATTRIBUTE, table)
        now = time.time()
        for key, value in entries.items():
            table[digest(key)] = (now, value)
        _expire(table, now)

    try:
        in_own_transaction(portal._p_jar.db(), write, ATTEMPTS, "opened-payments")
    except GaveUp:
        logger.warning("opened payment kept in this process only: conflicts on every attempt")
        return False
    return True


def kept(portal, key):
    """The value written under ``key`` by any instance lately, or None."""
    table = getattr(aq_base(portal), ATTRIBUTE, None)
    if table is None:
        return None
    stored = table.get(digest(key))
    if stored is None or time.time() - stored[0] > KEEP_SECONDS:
        return None
    return stored[1]
