"""Payments (and new application ids) this process has opened, by idempotency key: a retried request reuses them.

Opening a payment is a call to the payment service that no ZODB abort can take back.
When the request's commit then fails with a write conflict, Zope runs the request again
from the start; without this memory the retry would open a second transaction and leave
the first one unused (INITIAL) at the payment service. Retries run in the same process,
so a bounded, expiring table in memory is enough; the key is derived from what the
retry finds again (the form's one-time token or the draft, the attempt and the amount).
"""

import threading
import time


#: Seconds a remembered payment is offered again; a citizen's re-sent form comes within minutes.
KEEP_SECONDS = 2 * 60 * 60
#: At most this many remembered payments; the oldest are forgotten first.
MAX_ENTRIES = 10_000

_lock = threading.Lock()
_opened = {}


def idempotency_key(application, service, attempt, amount):
    """The key of opening ``attempt`` of ``application``'s payment of ``amount``.

    A new application is created anew by a retried request (with a new id), so its
    anchor is the form's one-time token; a draft paid again keeps its UID.
    """
    anchor = getattr(application, "submission_token", None) or application.UID()
    return (application.applicant or "", service.UID(), anchor, int(attempt), str(amount))


def remembered(key):
    """What was opened under ``key`` in this process lately, or None."""
    now = time.monotonic()
    with _lock:
        entry = _opened.get(key)
        if entry is None:
            return None
        stored, value = entry
        if now - stored > KEEP_SECONDS:
            del _opened[key]
            return None
        return value


def remember(key, value):
    """Keep ``value`` (what was opened) under ``key``."""
    with _lock:
        _opened.pop(key, None)
        _opened[key] = (time.monotonic(), value)
        while len(_opened) > MAX_ENTRIES:
            del _opened[next(iter(_opened))]


def remembered_or(key, make):
    """The value remembered under ``key``, else ``make()`` remembered under it."""
    value = remembered(key)
    if value is None:
        value = make()
        remember(key, value)
    return value


def forget_all():
    """Empty the table (tests)."""
    with _lock:
        _opened.clear()
