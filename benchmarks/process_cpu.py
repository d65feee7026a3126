"""CPU time spent by each kind of process on the machine while a benchmark's load runs (instances, PostgreSQL, HAProxy, the load generator)."""

from collections import defaultdict
import os
import psutil
import threading
import time


#: kind -> words of the command line that make a process one of that kind (first match wins)
KINDS = (
    ("load generator (locust)", ("locust",)),
    ("Zope instances", ("runwsgi", "zope.ini", "instance")),
    ("PostgreSQL", ("postgres",)),
    ("HAProxy", ("haproxy",)),
    ("Varnish", ("varnish",)),
)


def kind_of(process):
    """The kind of ``process`` (one of ``KINDS``, or this process: the benchmark with its mail server) or None."""
    if process.pid == os.getpid():
        return "benchmark (mail server)"
    try:
        words = " ".join(process.cmdline()) or process.name()
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return None
    for kind, markers in KINDS:
        if any(marker in words for marker in markers):
            return kind
    return None


def cpu_seconds(process):
    times = process.cpu_times()
    return times.user + times.system


def machine_busy(before, after):
    """The share of all cores' time between two ``psutil.cpu_times()`` that was not idle (nor waiting for I/O)."""
    spent = {field: getattr(after, field) - getattr(before, field) for field in after._fields}
    idle = spent.get("idle", 0.0) + spent.get("iowait", 0.0)
    total = sum(spent.values()) - spent.get("guest", 0.0) - spent.get("guest_nice", 0.0)
    return 1 - idle / total if total else 0.0


class ProcessCPU:
    """CPU seconds per kind of process between ``start()`` and ``stop()``.

    Processes are sampled every ``interval`` seconds, so that one that ends before
    ``stop()`` (the load generator) still counts with its last sample; a process that
    already ran at ``start()`` counts only what it spent after it.
    """

    def __init__(self, interval=0.5):
        self.interval = interval
        self.first = {}
        self.last = {}
        self.kinds = {}
        self._stop = threading.Event()
        self._thread = None
        self.wall = 0.0
        #: share of the machine's cores busy between ``start()`` and ``stop()`` (kernel included)
        self.machine_busy = 0.0

    def _sample(self, first=False):
        for process in psutil.process_iter():
            pid = process.pid
            if pid not in self.kinds:
                self.kinds[pid] = kind_of(process)
            if self.kinds[pid] is None:
                continue
            try:
                used = cpu_seconds(process)
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                continue
            if first:
                self.first[pid] = used
            else:
                self.first.setdefault(pid, 0.0)
            self.last[pid] = used

    def _run(self):
        while not self._stop.wait(self.interval):
            self._sample()

    def start(self):
        self._started = time.monotonic()
        self._machine = psutil.cpu_times()
        self._sample(first=True)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self._stop.set()
        self._thread.join()
        self._sample()
        self.wall = time.monotonic() - self._started
        self.machine_busy = machine_busy(self._machine, psutil.cpu_times())
        return self.by_kind()

    def by_kind(self):
        """{kind: CPU seconds} spent since ``start()``."""
        spent = defaultdict(float)
        for pid, last in self.last.items():
            spent[self.kinds[pid]] += last - self.first.get(pid, 0.0)
        return dict(spent)
