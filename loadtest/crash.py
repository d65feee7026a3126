"""Crash drill of the load test: kill an instance mid-run, then account for every submission.

``CrashDrill`` waits (in a thread of the runner) until the run has lasted long
enough or enough submissions are acknowledged, kills, and optionally restarts.
``account`` compares what the citizens were told (``locustfile.py``'s tickets and
attempts) with what the database holds (``verify_site.py``) and the mails the
SMTP server received, and ``failed_requests`` sorts the failed requests into
those the kill explains and the others.
"""

import json
from pathlib import Path
import re
import shutil
import threading
import time
import traceback


REFERENCE = re.compile(r"HER-\d{4}-\d{6}")
#: "Bello <ticket>/<attempt>": the dog's name the load test writes into every attempt.
DOG_NAME = re.compile(r"Bello (?P<ticket>\d+)/(?P<attempt>\d+)$")
#: The answers a dying instance leaves behind: none (0) or the balancer's 502/503/504.
LOST = frozenset({0, 502, 503, 504})
#: A request that ended this long before the kill cannot have been hit by it (clock steps).
BEFORE_KILL = 1.0


class CrashDrill(threading.Thread):
    """Kills (and optionally restarts) once, when ``after_seconds`` or ``after_submissions`` is reached.

    ``kill()`` returns a description of what was killed; ``restart()`` (optional)
    returns once the instance answers again. ``progress_file`` holds the number of
    acknowledged submissions (written by the locust citizens).
    """

    def __init__(
        self,
        kill,
        after_seconds=None,
        after_submissions=None,
        progress_file=None,
        restart=None,
        restart_pause=5.0,
    ):
        super().__init__(daemon=True, name="crash-drill")
        self.kill, self.restart = kill, restart
        self.after_seconds, self.after_submissions = after_seconds, after_submissions
        self.progress_file = Path(progress_file) if progress_file else None
        self.restart_pause = restart_pause
        self.done = threading.Event()
        self.events = {"planned": True}

    def acknowledged(self):
        try:
            return int(self.progress_file.read_text() or 0)
        except (OSError, ValueError, AttributeError):
            return 0

    def due(self, started):
        if self.after_seconds is not None and time.monotonic() - started >= self.after_seconds:
            return True
        return self.after_submissions is not None and self.acknowledged() >= self.after_submissions

    def run(self):
        started = time.monotonic()
        try:
            while not self.due(started):
                if self.done.wait(0.05):
                    self.events["not_killed"] = "the run ended before the kill was due"
                    return
            self.events["due_at"] = time.time()
            self.events["acknowledged_before_kill"] = self.acknowledged()
            # kill() may wait for the right moment (a write in progress); SIGKILL is its
            # last step, so the time after it is the time of the kill.
            self.events["killed"] = self.kill()
            self.events["killed_at"] = time.time()
            if self.restart is not None:
                if self.done.wait(self.restart_pause):
                    self.events["not_restarted"] = "the run ended before the restart"
                    return
                self.events["restart_requested_at"] = time.time()
                self.events["restarted"] = self.restart()
                self.events["back_at"] = time.time()
        except BaseException as error:  # noqa: B036 - reported, never swallowed
            self.events["error"] = f"{error!r}\n{traceback.format_exc()}"

    def finish(self):
        """Called when the load is over: a drill still waiting gives up."""
        self.done.set()
        self.join(timeout=600)
        return self.events


def kill_window(events, window):
    """(start, end) of the time in which the kill explains failed requests, or None."""
    if "killed_at" not in events:
        return None
    return events["killed_at"] - BEFORE_KILL, events["killed_at"] + window


def failed_requests(failures, window):
    """Split failed requests (dicts with ``status`` and ``at``) into explained and the others.

    Explained are only the answers a dying instance leaves (no answer, 502, 503, 504)
    that ended inside the kill window; a 500 is Zope's own error and never explained.
    """
    explained, unexplained = [], []
    for failure in failures:
        inside = window is not None and window[0] <= failure["at"] <= window[1]
        (explained if inside and failure["status"] in LOST else unexplained).append(failure)
    return explained, unexplained


def count_by(failures, key):
    counted = {}
    for failure in failures:
        counted[str(failure[key])] = counted.get(str(failure[key]), 0) + 1
    return dict(sorted(counted.items()))


def _creator(application):
    match = DOG_NAME.match(application.get("dog_name") or "")
    return (int(match["ticket"]), int(match["attempt"])) if match else (None, None)


def account(tickets, applications, mails):
    """What the citizens were told against what the database and the SMTP server hold.

    ``tickets``: the locust summary's tickets; ``applications``: verify_site.py's;
    ``mails``: the subjects and recipients of the mails to load-test citizens.
    Returns the figures and the lists behind every check.
    """
    by_token = {}
    for application in applications:
        by_token.setdefault(application.get("token"), []).append(application)
    by_path = {application["path"]: application for application in applications}
    known_tokens = {ticket["token"] for ticket in tickets.values()}
    result = {
        "acknowledged": [],
        "acknowledged_missing": [],
        "acknowledged_elsewhere": [],
        "committed_then_shown": [],
        "committed_never_shown": [],
        "lost_attempts": 0,
        "unacknowledged_tickets": [],
        "twice_filed": [],
        "unknown_applications": [],
    }
    lost_creators = set()
    for number, ticket in sorted(tickets.items(), key=lambda item: int(item[0])):
        filed = by_token.get(ticket["token"], [])
        lost = [a["attempt"] for a in ticket["attempts"] if a["status"] in LOST]
        result["lost_attempts"] += len(lost)
        if len(filed) > 1:
            result["twice_filed"].append({"ticket": number, "paths": [a["path"] for a in filed]})
        if ticket.get("acknowledged"):
            result["acknowledged"].append(number)
            application = by_path.get(ticket.get("target"))
            if application is None:
                result["acknowledged_missing"].append({"ticket": number, **ticket})
                continue
            if application.get("token") != ticket["token"]:
                result["acknowledged_elsewhere"].append(
                    {"ticket": number, "path": ticket["target"]}
                )
            _ticket, attempt = _creator(application)
            acknowledging = ticket["attempts"][-1]["attempt"]
            if attempt is not None and attempt < acknowledging:
                # Filed by an attempt whose answer was lost; the retry with the same form
                # (same token) was shown the application instead of filing a second one.
                result["committed_then_shown"].append(
                    {"ticket": number, "path": application["path"], "filed_by_attempt": attempt}
                )
                lost_creators.add(application["path"])
        else:
            result["unacknowledged_tickets"].append(number)
            for application in filed:
                result["committed_never_shown"].append(
                    {"ticket": number, "path": application["path"], "lost_attempts": lost}
                )
                lost_creators.add(application["path"])
    for application in applications:
        if application.get("token") not in known_tokens:
            result["unknown_applications"].append(application["path"])

    references = [application.get("reference") for application in applications]
    stored = {reference for reference in references if reference}
    mailed = {}
    message_ids = {}
    for mail in mails:
        for reference in REFERENCE.findall(mail["subject"])[:1]:
            mailed[reference] = mailed.get(reference, 0) + 1
            message_ids.setdefault(reference, set()).add(mail.get("message_id") or id(mail))
    result["duplicate_references"] = sorted(
        {reference for reference in references if references.count(reference) > 1}
    )
    result["without_reference"] = [a["path"] for a in applications if not a.get("reference")]
    result["mails_without_application"] = sorted(set(mailed) - stored)
    # Two different mails for one application: a mail written twice.
    result["mailed_twice"] = sorted(
        reference for reference, ids in message_ids.items() if len(ids) > 1
    )
    # The same mail (same Message-ID) again: the outbox sends at least once, and a kill
    # between the mail server's acceptance and the outbox's record sends it again.
    result["mailed_again_same_message_id"] = sorted(
        reference for reference, n in mailed.items() if n > 1 and len(message_ids[reference]) == 1
    )
    unmailed = [a for a in applications if a.get("reference") and a["reference"] not in mailed]
    # Committed, then the kill came before the MailHost handed the mail over (it leaves
    # after the commit): possible only for an application whose answer was lost too.
    result["unmailed_after_lost_answer"] = [
        a["path"] for a in unmailed if a["path"] in lost_creators
    ]
    result["unmailed"] = [a["path"] for a in unmailed if a["path"] not in lost_creators]
    result["mails"] = sum(mailed.values())
    return result


def conclude(report, output, directory, args, print_report):
    """Write and print a drill's report; its exit code, 0 only if every check held.

    A passed run's folder goes, unless the run was asked to keep it (``--keep``), was given
    it (``--directory``) or keeps its report in it (no ``--output``).
    """
    (output / "report.json").write_text(json.dumps(report, indent=1))
    print_report(report)
    passed = all(result["ok"] for result in report["checks"])
    if passed and not args.keep and args.directory is None and args.output is not None:
        shutil.rmtree(directory, ignore_errors=True)
    print(f"report: {output / 'report.json'}")
    return 0 if passed else 1
