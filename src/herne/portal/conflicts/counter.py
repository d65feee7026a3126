"""Count and log every transient error (ZODB conflict) a request hits, retried or not.

Zope's publisher retries a request whose transaction ends in a ``TransientError``
(``ConflictError``, ``ReadConflictError``, ...) up to ``max-conflict-retries``
times. The citizen never notices a retry; only a request that runs out of
retries answers with an error. Both cases are announced by ``IPubFailure``
with its ``retry`` flag, which this subscriber turns into counts per process
and lines on the logger ``herne.portal.conflicts``.
"""

import datetime
import logging
import os
import threading
from transaction.interfaces import TransientError


logger = logging.getLogger("herne.portal.conflicts")

_lock = threading.Lock()
_counts = {}
#: Distinct paths counted one by one; conflicts on further paths are summed up under
#: OTHER_PATHS, so a long-running process keeps a bounded table (every application
#: has its own URL).
MAX_PATHS = 200
OTHER_PATHS = "(andere)"


def _empty():
    return {
        "retried": 0,
        "given_up": 0,
        "by_error": {},
        "by_path": {},
        "since": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }


def reset():
    """Start counting from zero (tests, or an operator after reading the numbers)."""
    with _lock:
        _counts.clear()
        _counts.update(_empty())


reset()


def record(error, retried, path=""):
    """Count one transient error; ``retried`` says whether the request is being retried."""
    name = type(error).__name__
    with _lock:
        _counts["retried" if retried else "given_up"] += 1
        _counts["by_error"][name] = _counts["by_error"].get(name, 0) + 1
        if path:
            by_path = _counts["by_path"]
            if path not in by_path and len(by_path) >= MAX_PATHS:
                path = OTHER_PATHS
            by_path[path] = by_path.get(path, 0) + 1


def snapshot():
    """The counts of this process, safe to hand out as JSON."""
    with _lock:
        counts = dict(_counts)
        counts["by_error"] = dict(_counts["by_error"])
        counts["by_path"] = dict(_counts["by_path"])
    counts["pid"] = os.getpid()
    return counts


def _request_path(request):
    try:
        return request.get("PATH_INFO", "") or ""
    except Exception:  # a half-built request must not break the error handling
        return ""


def publication_failed(event):
    """Subscriber of ``IPubFailure``: count and log transient errors."""
    error = event.exc_info[1]
    if not isinstance(error, TransientError):
        return
    request = event.request
    path = _request_path(request)
    record(error, bool(event.retry), path)
    method = request.get("REQUEST_METHOD", "") if request is not None else ""
    attempt = getattr(request, "retry_count", 0) + 1
    if event.retry:
        logger.info("retried %s %s after attempt %d: %s", method, path, attempt, error)
    else:
        logger.error("gave up on %s %s after attempt %d: %s", method, path, attempt, error)
