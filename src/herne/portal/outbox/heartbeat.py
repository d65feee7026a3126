"""Which worker processes are alive: one heartbeat record per process in the outbox, refreshed every few seconds."""

import os
from persistent import Persistent
import socket
import threading
import uuid


#: seconds between two heartbeats of a process
BEAT_EVERY = 5
#: a process whose last heartbeat is older than this (four beats missed) is taken for dead
STALE_AFTER = 4 * BEAT_EVERY
#: records of processes dead this long that hold no claim are removed
FORGET_AFTER = 24 * 3600

_lock = threading.Lock()
_process = {"pid": None, "id": None}


def process_id():
    """This process's start id: new in every process (also after a fork), the same for all its threads."""
    with _lock:
        if _process["pid"] != os.getpid():
            _process["pid"] = os.getpid()
            _process["id"] = uuid.uuid4().hex
        return _process["id"]


class WorkerRecord(Persistent):
    """A worker process as the other processes see it: who it is and when it last gave a sign of life.

    Only its own process writes a record, one beat at a time; should two of its
    transactions still meet (a beat and a round's beat), the later sign of life wins
    instead of a write conflict.
    """

    def __init__(self, process, now):
        self.process = process
        self.host = socket.gethostname()
        self.pid = os.getpid()
        self.started = now
        self.seen = now

    def _p_resolveConflict(self, old, committed, new):
        resolved = dict(committed)
        resolved["seen"] = max(committed.get("seen", 0), new.get("seen", 0))
        return resolved


def beat(outbox, process, now):
    """Note that ``process`` is alive at ``now``; writes its own record only (and makes it once)."""
    record = outbox.workers.get(process)
    if record is None:
        outbox.workers[process] = WorkerRecord(process, now)
    elif record.seen < now:
        record.seen = now


def is_alive(outbox, process, now):
    """Whether ``process`` gave a sign of life within ``STALE_AFTER`` seconds before ``now``."""
    record = outbox.workers.get(process) if outbox.workers is not None else None
    return record is not None and now - record.seen <= STALE_AFTER


def forget_dead(outbox, now):
    """Remove records of processes long dead that no claim names; returns how many."""
    holding = set(outbox.claims.values())
    gone = [
        process
        for process, record in outbox.workers.items()
        if now - record.seen > FORGET_AFTER and process not in holding
    ]
    for process in gone:
        del outbox.workers[process]
    return len(gone)
