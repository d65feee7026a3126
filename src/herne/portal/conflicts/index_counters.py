"""The indexes' request-cache counters are left alone while a request's new applications are catalogued at its end."""

from contextlib import contextmanager
import threading


_left_alone = threading.local()


@contextmanager
def counters_left_alone():
    """Within this block, in this thread, indexing changes no index's ``_counter``.

    ZCatalog's field, keyword, date, boolean and UID indexes count every change in a
    ``Length`` of their own (``_counter``), only so that a search later in the same
    request does not take an answer cached by the request before the change. Every new
    application changed about twenty of them, each a record written, a conflict
    resolved when two instances submit at once, and an object every other connection
    loads again before its next search. At the end of a request
    (``index_after_commit.index_in_request``) the request has done its searching and
    the cataloguing runs on a request of its own that searches nothing afterwards, so
    no cached answer can go stale; the next request starts with an empty cache.
    """
    before = getattr(_left_alone, "active", False)
    _left_alone.active = True
    try:
        yield
    finally:
        _left_alone.active = before


def increment_counter(self):
    """``UnIndex._increment_counter``, except inside ``counters_left_alone``."""
    if getattr(_left_alone, "active", False):
        return
    self._old__increment_counter()
