"""One write at a time in a Zope process: a WSGI filter that queues POST, PUT, PATCH and DELETE; off by default.

Concurrent writes in one process used to add to the same catalog and intid buckets;
the ZODB refused most overlapping pairs as conflicts and Zope redid the request, up
to giving up with an error page (with 20 citizens submitting at once to one instance,
about one submission in ten did). Queued here, the writes of the process never
overlap; reads go on in the other threads. The cluster queues writes in HAProxy
instead (``etc/haproxy-write-gate.cfg.in``), across its instances. Used in ``etc/zope.ini.in``::

    [filter:write_queue]
    use = call:herne.portal.write_queue:filter_factory
    slots = 0

Since applications are catalogued after their commit and the department areas keep
their ids in shards, concurrent submissions no longer conflict (``docs/benchmarks.md``,
"Conflict map", sixth round) and the cluster writes faster without the queue
("Parallel writes without the queue"), so the queue is off unless asked for:
``HERNE_WRITE_QUEUE=on`` (read by ``make`` and by ``scripts/cluster.py``) renders
``slots = 1`` (and the cluster's gate); without it, ``slots = 0`` leaves the writes
unqueued.
"""

import os
import threading


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ON = frozenset({"1", "on", "yes", "true"})


def queue_enabled(environ=None):
    """Whether ``HERNE_WRITE_QUEUE`` turns the write queue on (``on``, ``1``, ``yes``, ``true``); off by default."""
    value = (os.environ if environ is None else environ).get("HERNE_WRITE_QUEUE", "off")
    return value.strip().lower() in ON


def default_slots(environ=None):
    """The ``slots`` a rendered ``zope.ini`` gets: 0 (no queue) by default, 1 with the queue on."""
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
