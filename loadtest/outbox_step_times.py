"""Where the outbox worker's time goes: per entry, wall and CPU time of claim, send and record, taken in the instance.

Installed by ``outbox_delay.py`` as the WSGI filter ``outbox_step_times`` of its own
rendered ``zope.ini`` (``use = call:loadtest.outbox_step_times:filter_factory``), with
``HERNE_OUTBOX_STEP_TIMES`` naming a file: the filter sets the worker's step hook and
appends one JSON line per entry the worker records, and one per claim. Wall time
(``perf_counter``) against the thread's own CPU time (``thread_time``) tells a step that
computes from one that waits (for the network, a lock, or the interpreter lock while the
request threads compute). ``summarise`` reads the file back into the report.
"""

from herne.portal.outbox import worker
from herne.portal.outbox.storage import get_outbox
import json
import os
from pathlib import Path
import threading
import time
from zope.component.hooks import getSite


class StepTimes:
    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()
        self.local = threading.local()

    def write(self, record):
        with self.lock, open(self.path, "a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")

    def step(self, name, entry_id):
        now, cpu, mine = time.perf_counter(), time.thread_time(), self.local
        if name == "claiming":
            mine.claiming = (now, cpu)
            mine.claims = 0
        elif name == "claimed":
            if getattr(mine, "claiming", None) is not None:
                wall, used = now - mine.claiming[0], cpu - mine.claiming[1]
                self.write({"step": "claim", "at": time.time(), "wall": wall, "cpu": used})
                mine.claiming = None
        elif name == "sending":
            portal = getSite()
            outbox = get_outbox(portal, create=False) if portal is not None else None
            entry = outbox.get(entry_id) if outbox is not None else None
            kind = entry.kind if entry is not None else "?"
            if entry is not None and entry.kind == "mail":
                kind = entry.event
            mine.sending = (entry_id, kind, now, cpu)
        elif name == "sent":
            mine.sent = (now, cpu)
        elif name == "recorded":
            sending, sent = getattr(mine, "sending", None), getattr(mine, "sent", None)
            if sending is None or sent is None or sending[0] != entry_id:
                return
            self.write(
                {
                    "step": "entry",
                    "at": time.time(),
                    "kind": sending[1],
                    "thread": threading.get_ident(),
                    "send_wall": sent[0] - sending[2],
                    "send_cpu": sent[1] - sending[3],
                    "record_wall": now - sent[0],
                    "record_cpu": cpu - sent[1],
                }
            )
            mine.sending = mine.sent = None


def filter_factory(global_conf, **local_conf):
    """PasteDeploy filter: installs the step times when ``HERNE_OUTBOX_STEP_TIMES`` is set; passes requests on."""

    def install(app):
        path = os.environ.get("HERNE_OUTBOX_STEP_TIMES")
        if path:
            worker.step_hook = StepTimes(path).step
        return app

    return install


def _spread(values):
    values = sorted(values)
    if not values:
        return {"count": 0}

    def rank(share):
        return values[min(len(values) - 1, max(0, round(share * len(values)) - 1))]

    return {
        "count": len(values),
        "p50_ms": round(rank(0.5) * 1000, 1),
        "p95_ms": round(rank(0.95) * 1000, 1),
        "mean_ms": round(sum(values) / len(values) * 1000, 1),
    }


def summarise(path, load_started, load_ended):
    """Per phase (during the load, after it) and step: wall and CPU time p50 / p95 / mean."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    records = [json.loads(line) for line in lines if line.strip()]
    summary = {}
    for phase, inside in (
        ("during_load", lambda at: load_started <= at <= load_ended),
        ("after_load", lambda at: at > load_ended),
    ):
        mine = [r for r in records if inside(r["at"])]
        claims = [r for r in mine if r["step"] == "claim"]
        entries = [r for r in mine if r["step"] == "entry"]
        phase_summary = {
            "claim": {"wall": _spread([r["wall"] for r in claims])},
            "threads": len({r["thread"] for r in entries}),
        }
        phase_summary["claim"]["cpu"] = _spread([r["cpu"] for r in claims])
        for kind in sorted({r["kind"] for r in entries}):
            of_kind = [r for r in entries if r["kind"] == kind]
            phase_summary[kind] = {
                step: {
                    "wall": _spread([r[f"{step}_wall"] for r in of_kind]),
                    "cpu": _spread([r[f"{step}_cpu"] for r in of_kind]),
                }
                for step in ("send", "record")
            }
        summary[phase] = phase_summary
    return summary
