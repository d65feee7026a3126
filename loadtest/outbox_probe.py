"""Inside the drill's Zope process: holds the outbox worker at an armed step so the drill kills it there.

Installed only by ``crash_outbox.py``, as the WSGI filter ``outbox_probe`` of its own
rendered ``zope.ini`` (``use = call:loadtest.outbox_probe:filter_factory``), with
``HERNE_OUTBOX_PROBE_DIR`` naming a folder shared with the drill. The drill arms a
window by writing ``arm.json`` (``{"number", "window", "kind"}``); the probe then holds
the worker thread at the first matching point and writes ``held-<number>.json``
(the entry's id, kind, state, tries and reference as the worker's own connection reads
them). It holds until ``arm.json`` is gone or names another number, then writes
``released-<number>.json``: a kill that finds no such file came while the entry was
held, i.e. inside the window.

Windows: ``claimed`` (claim committed, nothing sent), ``sent`` (the sender returned,
the outcome not yet recorded) - the worker's own step hook - and ``handed-over``
(FIT-Connect took the submission, the portal has not yet saved that it did).

The worker sends with several threads at once. The probe holds the first thread that
reaches the armed window, never a second one; while it holds, the other sender threads
wait before their next send, and the held file is written only once the sends that
were already under way are recorded. So the kill comes while exactly one entry is
inside the window aimed at, not while another thread is somewhere between a send and
its record (a window of its own, aimed at with ``sent:<kind>``).
"""

from herne.portal.fitconnect import client as fit_connect_client
from herne.portal.outbox import worker
from herne.portal.outbox.storage import get_outbox
import json
import os
from pathlib import Path
import threading
import time
from zope.component.hooks import getSite


#: the longest a worker is held when the drill never kills (then the hold counts as a miss)
HOLD_LIMIT = 120
#: the longest the probe waits for the other sender threads' sends under way to be recorded
SETTLE_LIMIT = 30


def _write(path, data):
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data))
    temporary.replace(path)


class Probe:
    def __init__(self, folder):
        self.folder = Path(folder)
        self.changed = threading.Condition()
        self.holding = None  # the thread held in a window, if any
        self.sending = set()  # threads between "sending" and "finished"

    def armed(self):
        try:
            return json.loads((self.folder / "arm.json").read_text())
        except (OSError, ValueError):
            return None

    def hold(self, window, kind, details):
        """Hold the calling thread if the drill armed ``window`` for entries of ``kind``."""
        arm = self.armed()
        if not arm or arm.get("window") != window or arm.get("kind") not in ("", None, kind):
            return
        me = threading.get_ident()
        with self.changed:
            if self.holding is not None:
                return  # another sender thread is held already: one entry per kill
            self.holding = me
            deadline = time.monotonic() + SETTLE_LIMIT
            while self.sending - {me} and time.monotonic() < deadline:
                self.changed.wait(0.02)
        try:
            self._hold(arm, window, kind, details)
        finally:
            with self.changed:
                self.holding = None
                self.changed.notify_all()

    def _hold(self, arm, window, kind, details):
        number = arm["number"]
        held = {
            "number": number,
            "window": window,
            "kind": kind,
            "pid": os.getpid(),
            "at": time.time(),
            **details,
        }
        _write(self.folder / f"held-{number}.json", held)
        started = time.monotonic()
        while time.monotonic() - started < HOLD_LIMIT:
            arm = self.armed()
            if not arm or arm.get("number") != number:
                break
            time.sleep(0.02)
        _write(self.folder / f"released-{number}.json", {"number": number, "at": time.time()})

    def step(self, name, entry_id):
        """The worker's step hook: "claimed" and "sent" are windows; the entry read as the worker sees it."""
        me = threading.get_ident()
        if name == "sending":
            with self.changed:
                while self.holding not in (None, me):
                    self.changed.wait(0.05)  # another entry is held: send nothing meanwhile
                self.sending.add(me)
            return
        if name == "finished":
            with self.changed:
                self.sending.discard(me)
                self.changed.notify_all()
            return
        if name not in ("claimed", "sent") or not self.armed():
            return
        portal = getSite()
        outbox = get_outbox(portal, create=False) if portal is not None else None
        entry = outbox.get(entry_id) if outbox is not None else None
        if entry is None:
            return
        details = {
            "entry": entry_id,
            "state": entry.state,
            "tries": entry.tries,
            "reference": entry.reference,
            "key": entry.idempotency_key,
        }
        self.hold(name, entry.kind, details)


def _hold_after_submit(probe, submit):
    def submit_then_hold(self, submission_id, *args, **kwargs):
        result = submit(self, submission_id, *args, **kwargs)
        probe.hold("handed-over", "fit-connect", {"submission": submission_id})
        return result

    return submit_then_hold


def filter_factory(global_conf, **local_conf):
    """PasteDeploy filter: installs the probe when ``HERNE_OUTBOX_PROBE_DIR`` is set; passes requests on."""

    def install(app):
        folder = os.environ.get("HERNE_OUTBOX_PROBE_DIR")
        if folder:
            probe = Probe(folder)
            worker.step_hook = probe.step
            client_class = fit_connect_client.FitConnectClient
            client_class.submit = _hold_after_submit(probe, client_class.submit)
        return app

    return install
