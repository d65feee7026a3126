"""Kills of the outbox drill that hit their window: arm the probe, wait until the worker is held there, SIGKILL, restart.

Each planned kill names a window (``claimed``, ``sent``, ``handed-over``; see
``outbox_probe.py``) and the kind of entry it aims at (``fit-connect`` unless given
as ``window:kind``). An attempt is a **hit** when the worker was held inside the
window when SIGKILL came (the probe had written ``held-N`` and never
``released-N``: a dead process writes nothing more); a **miss** when the worker did
not reach the window within ``reach_seconds`` (nothing is killed then) or was
released before the kill. The drill repeats a planned kill until it hits, at most
``max_attempts`` times, and reports both.
"""

import json
from pathlib import Path
import threading
import time
import traceback
import urllib.request


WINDOWS = ("claimed", "sent", "handed-over")


def parse_windows(text):
    """``claimed,sent:mail`` as [("claimed", "fit-connect"), ("sent", "mail")]."""
    planned = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        window, _sep, kind = item.partition(":")
        if window not in WINDOWS:
            raise ValueError(f"unknown window {window!r}; known: {', '.join(WINDOWS)}")
        planned.append((window, kind or "fit-connect"))
    return planned


def fit_connect_deliveries(base_url):
    """The test server's record: submissions (without their encrypted parts) and counts by reference."""
    with urllib.request.urlopen(f"{base_url}/_deliveries", timeout=30) as response:
        return json.load(response)


class ProbeControl:
    """The drill's side of the folder it shares with ``outbox_probe.py`` in the instance."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.number = 0

    def arm(self, window, kind):
        self.number += 1
        path = self.folder / "arm.json"
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"number": self.number, "window": window, "kind": kind}))
        temporary.replace(path)
        return self.number

    def disarm(self):
        (self.folder / "arm.json").unlink(missing_ok=True)

    def held(self, number):
        try:
            return json.loads((self.folder / f"held-{number}.json").read_text())
        except (OSError, ValueError):
            return None

    def released(self, number):
        return (self.folder / f"released-{number}.json").exists()


def _at_server(base_url, held):
    """What the test server had taken of the held entry's application when the kill came."""
    deliveries = fit_connect_deliveries(base_url)
    if held.get("submission"):
        found = [s for s in deliveries["submissions"] if s["submissionId"] == held["submission"]]
        reference = found[0]["reference"] if found else ""
        return {
            "reference": reference,
            "submission_status": found[0]["status"] if found else None,
            "delivered": deliveries["delivered"].get(reference, 0),
        }
    reference = held.get("reference", "")
    return {"reference": reference, "delivered": deliveries["delivered"].get(reference, 0)}


class WindowKills(threading.Thread):
    """Runs the planned kills one after the other, each once ``after_submissions[i]`` are acknowledged."""

    def __init__(
        self,
        instance,
        control,
        fit_connect_url,
        planned,
        after_submissions,
        progress_file,
        reach_seconds=60,
        restart_pause=3.0,
        max_attempts=5,
    ):
        super().__init__(daemon=True, name="outbox-window-kills")
        self.instance, self.control, self.fit_connect_url = instance, control, fit_connect_url
        self.planned, self.after_submissions = planned, after_submissions
        self.progress_file = Path(progress_file)
        self.reach_seconds, self.restart_pause = reach_seconds, restart_pause
        self.max_attempts = max_attempts
        self.kills = []
        self.error = None
        self.load_over = threading.Event()

    def acknowledged(self):
        try:
            return int(self.progress_file.read_text() or 0)
        except (OSError, ValueError):
            return 0

    def run(self):
        try:
            for (window, kind), due in zip(self.planned, self.after_submissions, strict=True):
                while self.acknowledged() < due and not self.load_over.wait(0.1):
                    pass
                self.kills.append(self.kill_in(window, kind, due))
        except BaseException as error:  # noqa: B036 - reported, never swallowed
            self.error = f"{error!r}\n{traceback.format_exc()}"

    def kill_in(self, window, kind, due):
        """Attempts until one kill hits ``window`` of an entry of ``kind``; every attempt reported."""
        planned = {"window": window, "kind": kind, "due_after": due, "attempts": []}
        for _attempt in range(self.max_attempts):
            attempt = self.attempt(window, kind)
            planned["attempts"].append(attempt)
            if attempt["outcome"] == "hit":
                break
        planned["hit"] = any(a["outcome"] == "hit" for a in planned["attempts"])
        planned["misses"] = sum(a["outcome"] != "hit" for a in planned["attempts"])
        return planned

    def attempt(self, window, kind):
        number = self.control.arm(window, kind)
        armed_at = time.time()
        attempt = {"number": number, "acknowledged_at_arm": self.acknowledged()}
        deadline = time.monotonic() + self.reach_seconds
        held = None
        while held is None and time.monotonic() < deadline:
            held = self.control.held(number)
            if held is None:
                time.sleep(0.02)
        if held is None:
            self.control.disarm()
            attempt.update(
                outcome="miss",
                why=f"the worker did not reach the window within {self.reach_seconds} s",
                waited_s=round(time.time() - armed_at, 2),
            )
            return attempt
        attempt["held"] = held
        attempt["at_server_before_kill"] = _at_server(self.fit_connect_url, held)
        killed = self.instance.kill()
        attempt["killed_at"] = time.time()
        attempt["killed"] = killed
        # The process is gone: whether it had been released before is settled now.
        released = self.control.released(number)
        self.control.disarm()
        attempt["held_for_s"] = round(attempt["killed_at"] - held["at"], 3)
        attempt["acknowledged_at_kill"] = self.acknowledged()
        if released:
            attempt.update(outcome="miss", why="the worker was released before the kill")
        else:
            attempt["outcome"] = "hit"
        time.sleep(self.restart_pause)
        attempt["restart_s"] = round(self.instance.start(), 1)
        attempt["back_at"] = time.time()
        return attempt

    def finish(self, timeout=900):
        """After the load: a kill still waiting for its number of submissions is tried now."""
        self.load_over.set()
        self.join(timeout)
        return {"kills": self.kills, "error": self.error}
