"""One write at a time in a Zope process: a WSGI filter that queues POST, PUT, PATCH and DELETE.

Concurrent writes in one process add to the same catalog and intid buckets; the
ZODB refuses most overlapping pairs as conflicts and Zope redoes the request, up to
giving up with an error page (with 20 citizens submitting at once to one instance,
about one submission in ten did). Queued here, the writes of the process never
overlap; reads go on in the other threads. The cluster queues writes in HAProxy
instead (``etc/haproxy-write-gate.cfg.in``), across its instances. Used in ``etc/zope.ini.in``::

    [filter:write_queue]
    use = call:herne.portal.write_queue:filter_factory
    slots = 1

The queue is an option: ``HERNE_WRITE_QUEUE=off`` (read by ``make`` and by
``scripts/cluster.py``) renders ``slots = 0``, which leaves the writes unqueued (and
the cluster without its gate).
"""

import os
import threading


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
OFF = frozenset({"0", "off", "no", "false"})


def queue_enabled(environ=None):
    """Whether ``HERNE_WRITE_QUEUE`` leaves the write queue on (the default) or turns it off."""
    value = (os.environ if environ is None else environ).get("HERNE_WRITE_QUEUE", "on")
    return value.strip().lower() not in OFF


def default_slots(environ=None):
    """The ``slots`` a rendered ``zope.ini`` gets: 1 with the queue on, 0 (no queue) with it off."""
    return 1 if queue_enabled(environ) else 0


class WriteQueue:
    """Let at most ``slots`` writing requests into the application at once."""

    def __init__(self, app, slots=1):
        self.app = app
        self.slots = threading.BoundedSemaphore(slots)

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD", "GET").upper() not in WRITE_METHODS:
            return self.app(environ, start_response)
        # Zope's publisher commits (and retries after a conflict) inside this call; what
        # it returns is only the answer, sent after the slot is free again.
        with self.slots:
            return self.app(environ, start_response)


def filter_factory(global_conf, slots="1"):
    """PasteDeploy filter factory for ``[filter:...]`` sections; ``slots = 0``: no queue at all."""
    count = int(slots)
    if count < 0:
        raise ValueError("write_queue: slots must be 0 (no queue) or more")
    if count == 0:
        return lambda app: app
    return lambda app: WriteQueue(app, count)
