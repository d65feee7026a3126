"""The cluster's load test: real SMTP server, locust headless, then every count checked in the database.

    .venv/bin/python loadtest/run.py                         # 50 citizens, 500 submissions
    .venv/bin/python loadtest/run.py --users 5 --submissions 30 --start-cluster
    .venv/bin/python loadtest/run.py --kill-instance-after 20 --restart-killed

Against the cluster of ``scripts/cluster.py`` (same ``HERNE_CLUSTER_*`` settings;
``--start-cluster`` starts one for the run when none answers and stops it
afterwards). Passes (exit code 0) only with exactly N applications with N unique
reference numbers and their uploads in the database and the catalog, N
confirmation mails at the SMTP server, no response 5xx, and no conflict that
Zope gave up on. Prints latency percentiles and the retried conflicts per instance.

Crash drill (``--kill-instance-after SECONDS`` or ``--kill-instance-after-submissions
N``): one instance gets SIGKILL in the middle of the run (``--restart-killed``
starts it again after ``--restart-pause``). Requests it was working on fail; the
citizens send them again (see ``locustfile.py``). The run then passes only if
every acknowledged submission is in the database with its PDF and mail, no
reference number is doubled, no form filed twice, every other application was
filed by an attempt whose answer the kill took (reported apart), every mail
belongs to an application, and every failed request is a lost answer inside the
kill window (reported with its count, never passed over).
"""

import argparse
import base64
import json
import math
import os
from pathlib import Path
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loadtest import crash  # noqa: E402
from loadtest.accounts import is_loadtest_user  # noqa: E402
from loadtest.mailserver import MailServer  # noqa: E402
from loadtest.mailserver import read  # noqa: E402
from scripts.cluster import BIN  # noqa: E402
from scripts.cluster import Settings  # noqa: E402
from scripts.cluster import answers  # noqa: E402
from scripts.cluster import kill_instance  # noqa: E402
from scripts.cluster import restart_instance  # noqa: E402
from scripts.cluster import running_pid  # noqa: E402
from scripts.cluster import writes_in_progress  # noqa: E402


REFERENCE = re.compile(r"HER-\d{4}-\d{6}")
# HAProxy's httplog: client [date] frontend backend/server timers status bytes ...
HAPROXY_LINE = re.compile(
    r"\[(?P<date>[^\]]+)\] (?P<frontend>\S+) (?P<backend>[^/\s]+)/(?P<server>\S+)"
    r" (?P<tq>-?\d+)/(?P<tw>-?\d+)/(?P<tc>-?\d+)/(?P<tr>-?\d+)/(?P<ta>-?\d+) (?P<status>\d{3}) "
    r'.*"(?P<method>[A-Z]+) '
)
# ... actconn/feconn/beconn/srv_conn/retries queues "request": "+N" retries were redispatched.
HAPROXY_RETRIES = re.compile(r" \d+/\d+/\d+/\d+/(?P<retries>\+?\d+) \d+/\d+ \"")
PERCENTILES = (("p50", 0.50), ("p90", 0.90), ("p99", 0.99), ("max", 1.0))


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50, help="concurrent citizens")
    parser.add_argument("--submissions", type=int, default=500, help="applications in total")
    parser.add_argument("--spawn-rate", type=float, default=10, help="citizens started per second")
    parser.add_argument(
        "--run-time", default="30m", help="locust stops after this long, done or not"
    )
    parser.add_argument(
        "--start-cluster",
        action="store_true",
        help="start a cluster for the run when none answers (stopped afterwards)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help="folder for the summaries and report.json (default: <cluster dir>/loadtest)",
    )
    drill = parser.add_argument_group("crash drill")
    drill.add_argument(
        "--kill-instance-after",
        type=float,
        metavar="SECONDS",
        help="SIGKILL one instance this long after locust started",
    )
    drill.add_argument(
        "--kill-instance-after-submissions",
        type=int,
        metavar="N",
        help="SIGKILL one instance once N submissions are acknowledged",
    )
    drill.add_argument(
        "--kill-instance",
        type=int,
        default=None,
        metavar="NUMBER",
        help="which instance to kill (default: the last)",
    )
    drill.add_argument(
        "--kill-during-write",
        action="store_true",
        help="once the kill is due, wait until the instance works on a write (a submission"
        " or log-in) and kill it in the middle of it",
    )
    drill.add_argument(
        "--restart-killed", action="store_true", help="start the killed instance again"
    )
    drill.add_argument(
        "--restart-pause",
        type=float,
        default=5,
        metavar="SECONDS",
        help="how long the killed instance stays down (default 5)",
    )
    drill.add_argument(
        "--kill-window",
        type=float,
        default=30,
        metavar="SECONDS",
        help="failed requests that ended this long after the kill may be its doing (default 30)",
    )
    args = parser.parse_args(argv)
    args.kill = args.kill_instance_after is not None or args.kill_instance_after_submissions
    return args


# --- the cluster -------------------------------------------------------------------------


def start_cluster(settings, log):
    """``scripts/cluster.py start`` as a child; returns it once the cluster is ready."""
    settings.ready_file.unlink(missing_ok=True)
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "cluster.py"), "start"],
        cwd=ROOT,
        env={**os.environ, **cluster_environment(settings)},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 900
    while not settings.ready_file.exists():
        if process.poll() is not None:
            raise SystemExit(
                f"the cluster did not start (exit {process.returncode}), see {log.name}"
            )
        if time.monotonic() > deadline:
            process.send_signal(signal.SIGTERM)
            raise SystemExit("the cluster was not ready after 15 minutes")
        time.sleep(1)
    return process


def stop_cluster(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=90)
    except subprocess.TimeoutExpired:
        process.kill()


def cluster_environment(settings):
    return {
        "HERNE_CLUSTER_DSN": settings.dsn,
        "HERNE_CLUSTER_INSTANCES": str(settings.instances),
        "HERNE_CLUSTER_HOST": settings.host,
        "HERNE_CLUSTER_PORT": str(settings.port),
        "HERNE_CLUSTER_FIRST_PORT": str(settings.first_port),
        "HERNE_CLUSTER_THREADS": str(settings.threads),
        "HERNE_CLUSTER_WRITE_SLOTS": str(settings.write_slots),
        "HERNE_CLUSTER_RETRIES": str(settings.conflict_retries),
        "HERNE_CLUSTER_DIR": str(settings.directory),
    }


def zconsole(settings, script, **env):
    subprocess.run(
        [str(BIN / "zconsole"), "run", str(settings.zope_conf), str(ROOT / "loadtest" / script)],
        cwd=ROOT,
        env={**os.environ, "HERNE_SITE_ID": settings.site_id, **env},
        check=True,
        stdout=subprocess.DEVNULL,
    )


def conflict_stats(settings, tolerate=()):
    """``@@herne-conflict-stats`` of every instance, asked directly (not through the balancer).

    An instance named in ``tolerate`` (the one the crash drill killed) may not answer.
    """
    user = os.environ.get("HERNE_ADMIN_USER", "admin")
    password = os.environ.get("HERNE_ADMIN_PASSWORD", "admin")
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    stats = {}
    for number, port in enumerate(settings.instance_ports, start=1):
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/{settings.site_id}/@@herne-conflict-stats",
            headers={"Authorization": f"Basic {token}"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                stats[f"instance{number}"] = json.load(response)
        except OSError:
            if f"instance{number}" not in tolerate:
                raise
            stats[f"instance{number}"] = {"pid": None, "retried": 0, "given_up": 0, "by_error": {}}
    return stats


def instance_logs(settings):
    return {
        f"instance{number}": settings.directory / "log" / f"instance{number}.log"
        for number in range(1, settings.instances + 1)
    }


def log_offsets(settings):
    return {
        name: path.stat().st_size if path.exists() else 0
        for name, path in instance_logs(settings).items()
    }


def logged_conflicts(settings, offsets):
    """Conflicts retried and given up per instance, from the event logs written since ``offsets``.

    A killed process takes its counters with it; its log keeps them.
    """
    counted = {}
    for name, path in instance_logs(settings).items():
        retried = given_up = 0
        if path.exists():
            with open(path, encoding="utf-8", errors="replace") as log:
                log.seek(offsets.get(name, 0))
                for line in log:
                    if "[herne.portal.conflicts" in line:
                        retried += " retried " in line
                        given_up += " gave up on " in line
        counted[name] = {"retried": retried, "given_up": given_up}
    return counted


def haproxy_log(settings):
    return settings.directory / "log" / "haproxy.out"


def balancer_requests(settings, offset):
    """Requests per instance, responses 5xx, the instances' own time for writes (ms), retries.

    The responses 5xx come as dicts with the status and the time the request ended;
    the retries (a connection an instance refused, tried again or on another one) as
    dicts with the time and whether the request went to another instance.
    """
    per_server, server_errors, write_times, retries = {}, [], [], []
    with open(haproxy_log(settings), encoding="utf-8", errors="replace") as log:
        log.seek(offset)
        for line in log:
            match = HAPROXY_LINE.search(line)
            if not match or "@@ok" in line:
                continue
            # Writes pass the balancer twice (the write gate, then an instance): the
            # instance's line counts the request, the public frontend's the status.
            if match["server"].startswith("instance"):
                per_server[match["server"]] = per_server.get(match["server"], 0) + 1
                if match["method"] == "POST" and int(match["tr"]) >= 0:
                    write_times.append(int(match["tr"]))
            retried = HAPROXY_RETRIES.search(line)
            if match["server"].startswith("instance") and retried and retried["retries"] != "0":
                retries.append(
                    {
                        "at": crash.haproxy_end_time(match["date"], match["ta"]),
                        "redispatched": retried["retries"].startswith("+"),
                        "request": f"{match['method']} {match['backend']}/{match['server']}",
                    }
                )
            if match["frontend"] == "herne" and match["status"].startswith("5"):
                server_errors.append(
                    {
                        "request": f"{match['method']} {match['backend']}/{match['server']}",
                        "status": int(match["status"]),
                        "at": crash.haproxy_end_time(match["date"], match["ta"]),
                        "line": line.strip(),
                    }
                )
    return per_server, server_errors, write_times, retries


# --- the run -----------------------------------------------------------------------------


def run_locust(args, settings, summary_file, progress_file=None, drill=None):
    command = [
        str(BIN / "locust"),
        "-f",
        str(ROOT / "loadtest" / "locustfile.py"),
        "--headless",
        "--users",
        str(args.users),
        "--spawn-rate",
        str(args.spawn_rate),
        "--run-time",
        args.run_time,
        "--host",
        f"http://127.0.0.1:{settings.port}",
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    env = {
        **os.environ,
        "HERNE_LOADTEST_SUBMISSIONS": str(args.submissions),
        "HERNE_LOADTEST_SUMMARY": str(summary_file),
        "HERNE_LOADTEST_PROGRESS": str(progress_file or ""),
        "HERNE_SITE_ID": settings.site_id,
    }
    started = time.monotonic()
    locust = subprocess.Popen(command, cwd=ROOT, env=env)
    if drill is not None:
        drill.start()
    try:
        locust.wait()
    finally:
        if locust.poll() is None:
            locust.terminate()
            locust.wait()
        if drill is not None:
            drill.finish()
    return time.monotonic() - started


def percentile(values, share):
    """Nearest-rank percentile of ``values`` (``share`` between 0 and 1)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def latency_table(times, duration):
    """Exact percentiles per request name (and all together), in milliseconds."""
    rows = []
    everything = [value for values in times.values() for value in values]
    for name, values in sorted(times.items()) + [("all requests", everything)]:
        if not values:
            continue
        rows.append(
            {
                "name": name,
                "requests": len(values),
                "rps": len(values) / duration if duration else 0,
                **{label: round(percentile(values, share)) for label, share in PERCENTILES},
            }
        )
    return rows


def wait_for_mail(server, expected, timeout=120):
    """Mails to load-test citizens; waits for ``expected`` and a moment more for duplicates."""
    deadline = time.monotonic() + timeout
    while True:
        mails = [read(envelope) for envelope in server.collector.received()]
        mine = [mail for mail in mails if any(is_loadtest_user(to) for to in mail["to"])]
        if len(mine) >= expected or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    time.sleep(2)
    mails = [read(envelope) for envelope in server.collector.received()]
    return mails, [mail for mail in mails if any(is_loadtest_user(to) for to in mail["to"])]


def check(results, name, ok, detail=""):
    results.append({"check": name, "ok": bool(ok), "detail": str(detail)})


def cluster_drill(args, settings, progress_file):
    """The crash drill against the cluster: SIGKILL to one instance, restart if asked."""
    number = args.kill_instance or settings.instances
    name = f"instance{number}"

    def kill():
        waited = time.monotonic()
        writing = False
        if args.kill_during_write:
            deadline = waited + 60
            while not writing and time.monotonic() < deadline:
                writing = writes_in_progress(settings, number) > 0
                if not writing:
                    time.sleep(0.005)
            if writing:
                # Somewhere inside the write (an instance takes about 0.3-0.6 s for one
                # submission): before, during or just after its commit.
                time.sleep(random.uniform(0, 0.3))
        return {
            "instance": name,
            "pid": kill_instance(settings, number),
            "during_write": writing,
            "waited_for_write_s": round(time.monotonic() - waited, 2),
        }

    def restart():
        return {"instance": name, "pid": restart_instance(settings, number)}

    return crash.CrashDrill(
        kill,
        after_seconds=args.kill_instance_after,
        after_submissions=args.kill_instance_after_submissions,
        progress_file=progress_file,
        restart=restart if args.restart_killed else None,
        restart_pause=args.restart_pause,
    )


def evaluate_crash(args, database, summary, citizen_mails, given_up, balancer, drill):
    """The checks after a run with a killed instance (see the module's doc)."""
    n = args.submissions
    applications = database["applications"]
    books = crash.account(summary["tickets"], applications, citizen_mails)
    window = crash.kill_window(drill, args.kill_window)
    results = []
    check(
        results,
        "one instance was killed during the run"
        + (" while it worked on a write" if args.kill_during_write else ""),
        "killed_at" in drill
        and "error" not in drill
        and (drill["killed"]["during_write"] or not args.kill_during_write),
        drill.get("not_killed") or drill.get("error") or drill.get("killed"),
    )
    if args.restart_killed:
        check(
            results,
            "the killed instance was restarted and answers",
            "back_at" in drill,
            drill.get("not_restarted") or drill.get("error"),
        )
    check(
        results,
        f"all {n} submissions acknowledged in the end (retried where the answer was lost)",
        len(books["acknowledged"]) == n and not summary["problems"],
        f"{len(books['acknowledged'])} acknowledged; {summary['problems'][:5]}",
    )
    check(
        results,
        "every acknowledged submission is in the database (at the address shown)",
        not books["acknowledged_missing"] and not books["acknowledged_elsewhere"],
        (books["acknowledged_missing"] + books["acknowledged_elsewhere"])[:5],
    )
    check(
        results,
        "no form filed twice (one application per submission token)",
        not books["twice_filed"],
        books["twice_filed"][:5],
    )
    check(
        results,
        "no application the citizens did not send",
        not books["unknown_applications"],
        books["unknown_applications"][:5],
    )
    expected = len(books["acknowledged"]) + len(books["committed_never_shown"])
    check(
        results,
        "applications = acknowledged + committed whose answer the kill took and nobody saw",
        len(applications) == expected
        and len(books["committed_never_shown"]) <= books["lost_attempts"],
        f"{len(applications)} applications, {len(books['acknowledged'])} acknowledged, "
        f"{len(books['committed_never_shown'])} committed but never shown",
    )
    check(
        results,
        "unique reference numbers",
        not books["duplicate_references"] and not books["without_reference"],
        books["duplicate_references"][:5] + books["without_reference"][:5],
    )
    not_submitted = [item["path"] for item in applications if item["state"] != "submitted"]
    check(results, "every application submitted", not not_submitted, not_submitted[:5])
    without_upload = [
        item["path"]
        for item in applications
        if len(item["files"]) != 1 or item["files"][0]["size"] <= 0
    ]
    check(results, "every application holds its PDF", not without_upload, without_upload[:5])
    db_refs = {item["reference"] for item in applications if item["reference"]}
    check(
        results,
        "every application in the catalog, with the same numbers",
        database["catalogued"] == len(applications)
        and set(database["catalogued_references"]) == db_refs,
        database["catalogued"],
    )
    check(
        results,
        "every application has its confirmation mail (one), every mail its application",
        not books["unmailed"]
        and not books["mails_without_application"]
        and not books["mailed_twice"],
        f"without mail {books['unmailed'][:5]}, mail without application "
        f"{books['mails_without_application'][:5]}, twice {books['mailed_twice'][:5]}",
    )
    failures = summary["failures"] + balancer["server_errors"]
    _explained, unexplained = crash.failed_requests(failures, window)
    check(
        results,
        "no failed request but lost answers (none, 502/503/504) inside the kill window",
        not unexplained,
        [{key: item[key] for key in ("request", "status", "at")} for item in unexplained[:5]],
    )
    check(results, "no conflict given up (all retried successfully)", given_up == 0, given_up)
    spread = balancer["per_server"]
    check(
        results,
        f"requests spread over all {balancer['instances']} instances",
        len([count for count in spread.values() if count > 0]) == balancer["instances"],
        spread,
    )
    return results, books, window


def evaluate(args, database, summary, citizen_mails, conflicts, balancer):
    n = args.submissions
    applications = database["applications"]
    references = [item["reference"] for item in applications]
    db_refs = set(filter(None, references))
    results = []
    check(results, f"{n} applications in the database", len(applications) == n, len(applications))
    check(
        results,
        f"{n} unique reference numbers",
        len(db_refs) == n and len(references) == n,
        f"{len(db_refs)} unique of {len(references)}",
    )
    not_submitted = [item["path"] for item in applications if item["state"] != "submitted"]
    check(results, "every application submitted", not not_submitted, not_submitted[:5])
    without_upload = [
        item["path"]
        for item in applications
        if len(item["files"]) != 1 or item["files"][0]["size"] <= 0
    ]
    check(results, "every application holds its PDF", not without_upload, without_upload[:5])
    check(
        results,
        f"{n} applications in the catalog, with the same numbers",
        database["catalogued"] == n and set(database["catalogued_references"]) == db_refs,
        database["catalogued"],
    )
    check(
        results,
        f"{n} submissions accepted and shown to the citizens",
        summary["submitted"] == n and set(summary["references"]) == db_refs,
        f"{summary['submitted']} accepted, {len(set(summary['references']))} shown",
    )
    mailed = [found for mail in citizen_mails for found in REFERENCE.findall(mail["subject"])[:1]]
    check(
        results,
        f"{n} confirmation mails, one per reference number",
        len(citizen_mails) == n and sorted(mailed) == sorted(db_refs),
        f"{len(citizen_mails)} mails, {len(set(mailed))} references",
    )
    server_errors = summary["server_errors"] + [e["line"] for e in balancer["server_errors"]]
    check(results, "no response 5xx", not server_errors, server_errors[:5])
    check(
        results,
        "no problems seen by the citizens",
        not summary["problems"],
        summary["problems"][:5],
    )
    given_up = sum(stats["given_up"] for stats in conflicts.values())
    check(results, "no conflict given up (all retried successfully)", given_up == 0, given_up)
    spread = balancer["per_server"]
    check(
        results,
        f"requests spread over all {len(conflicts)} instances",
        len([count for count in spread.values() if count > 0]) == len(conflicts),
        spread,
    )
    return results


def conflict_delta(before, after):
    delta = {}
    for name, stats in after.items():
        earlier = before.get(name, {})
        same_process = earlier.get("pid") == stats["pid"]
        delta[name] = {
            key: stats[key] - (earlier.get(key, 0) if same_process else 0)
            for key in ("retried", "given_up")
        }
        delta[name]["by_error"] = {
            error: count - (earlier.get("by_error", {}).get(error, 0) if same_process else 0)
            for error, count in stats["by_error"].items()
        }
    return delta


def print_report(report):
    print()
    print(
        f"Load test: {report['users']} citizens, {report['submissions']} submissions, "
        f"{report['instances']} instances, {report['duration_s']:.0f} s "
        f"({report['submissions_per_minute']:.0f} submissions/min)"
    )
    labels = [label for label, _share in PERCENTILES]
    print(f"{'request':<14}{'count':>7}{'req/s':>8}" + "".join(f"{label:>8}" for label in labels))
    for row in report["latency_ms"]:
        print(
            f"{row['name']:<14}{row['requests']:>7}{row['rps']:>8.1f}"
            + "".join(f"{row[label]:>8}" for label in labels)
        )
    print("(response times in ms as locust measured them; max is the slowest request)")
    if report["write_at_instance_ms"]:
        at_instance = ", ".join(f"{k} {v}" for k, v in report["write_at_instance_ms"].items())
        print(f"writes at the instance (without the write queue), ms: {at_instance}")
    for name, stats in report["conflicts"].items():
        print(
            f"{name}: {stats['retried']} conflicts retried, {stats['given_up']} given up {stats['by_error']}"
        )
    print(f"retried conflicts in total: {report['retried_conflicts']}")
    print(f"requests per instance (balancer log): {report['requests_per_instance']}")
    print(f"status codes: {report['status_codes']}")
    if "crash" in report:
        print_crash(report["crash"])
    for result in report["checks"]:
        mark = "ok  " if result["ok"] else "FAIL"
        detail = "" if result["ok"] else f"  ({result['detail']})"
        print(f"  {mark} {result['check']}{detail}")


def print_crash(crash_report):
    drill = crash_report["drill"]
    killed = drill.get("killed") or {}
    print(
        f"crash drill: {killed.get('instance', '-')} (pid {killed.get('pid', '-')}) killed"
        + (" while it worked on a write," if killed.get("during_write") else "")
        + f" {crash_report['killed_after_s']} s into the run, after"
        f" {drill.get('acknowledged_before_kill', '-')} acknowledged submissions"
        + (
            f"; back after {crash_report['down_s']} s"
            if crash_report.get("down_s") is not None
            else ""
        )
    )
    books = crash_report["submissions"]
    print(
        f"  submissions: {books['acknowledged']} acknowledged, {books['applications']} in the"
        f" database; attempts whose answer was lost: {books['lost_attempts']}"
    )
    print(
        f"  committed although the answer was lost: {books['committed_then_shown']} shown to"
        f" the citizen by the retry (same form), {books['committed_never_shown']} never shown"
    )
    print(
        f"  mails: {books['mails']}; applications whose mail the kill stopped (answer lost"
        f" too): {books['unmailed_after_lost_answer']}"
    )
    failed = crash_report["failed_requests"]
    print(
        f"  failed requests explained by the kill: {failed['locust']['explained']} as locust saw"
        f" them {failed['locust']['by_status']} by kind {failed['locust']['by_request']},"
        f" {failed['balancer']['explained']} in HAProxy's log {failed['balancer']['by_status']};"
        f" unexplained: {failed['locust']['unexplained'] + failed['balancer']['unexplained']}"
    )
    print(
        f"  requests HAProxy sent on to another instance after the dead one refused them:"
        f" {crash_report['redispatched']}"
    )


def crash_report(args, drill, books, window, summary, balancer, started_at):
    report = {
        "drill": drill,
        "kill_window": window,
        "killed_after_s": round(drill["killed_at"] - started_at, 1)
        if "killed_at" in drill
        else None,
        "down_s": round(drill["back_at"] - drill["killed_at"], 1) if "back_at" in drill else None,
        "submissions": {
            "acknowledged": len(books["acknowledged"]),
            "applications": None,
            "lost_attempts": books["lost_attempts"],
            "committed_then_shown": len(books["committed_then_shown"]),
            "committed_never_shown": len(books["committed_never_shown"]),
            "unmailed_after_lost_answer": len(books["unmailed_after_lost_answer"]),
            "mails": books["mails"],
            "details": {
                key: books[key]
                for key in (
                    "committed_then_shown",
                    "committed_never_shown",
                    "unmailed_after_lost_answer",
                    "unacknowledged_tickets",
                )
            },
        },
        "failed_requests": {},
        # Requests HAProxy sent to the dead instance before its health check noticed:
        # the connection was refused, and HAProxy tried another instance.
        "redispatched": len(
            [
                item
                for item in balancer["retries"]
                if window and window[0] <= item["at"] <= window[1]
            ]
        ),
    }
    for view, failures in (
        ("locust", summary["failures"]),
        ("balancer", balancer["server_errors"]),
    ):
        explained, unexplained = crash.failed_requests(failures, window)
        report["failed_requests"][view] = {
            "explained": len(explained),
            "unexplained": len(unexplained),
            "by_status": crash.count_by(explained, "status"),
            "by_request": crash.count_by(explained, "request"),
            "unexplained_list": [
                {key: item[key] for key in ("request", "status", "at")} for item in unexplained
            ],
        }
    return report


def main(argv=None):
    args = parse(argv if argv is not None else sys.argv[1:])
    settings = Settings()
    output = (args.output or settings.directory / "loadtest").resolve()
    output.mkdir(parents=True, exist_ok=True)
    cluster = None
    site_url = f"http://127.0.0.1:{settings.port}/{settings.site_id}"
    running = running_pid(settings) and settings.ready_file.exists()
    if not (running and answers(f"{site_url}/@@ok")):
        if not args.start_cluster:
            raise SystemExit(
                f"No cluster is running from {settings.directory}: run `make start-cluster`"
                " first, or pass --start-cluster."
            )
        print(f"Starting a cluster for the run (log: {output / 'cluster.log'}) ...", flush=True)
        with open(output / "cluster.log", "ab") as log:
            cluster = start_cluster(settings, log)
    mail = MailServer()
    mail.start()
    try:
        zconsole(
            settings,
            "prepare_site.py",
            HERNE_LOADTEST_USERS=str(args.users),
            HERNE_LOADTEST_SMTP_HOST=mail.hostname,
            HERNE_LOADTEST_SMTP_PORT=str(mail.port),
        )
        before = conflict_stats(settings)
        log_offset = haproxy_log(settings).stat().st_size
        instance_offsets = log_offsets(settings)
        summary_file = output / "locust-summary.json"
        summary_file.unlink(missing_ok=True)
        progress_file = output / "locust-progress"
        progress_file.write_text("0")
        drill = cluster_drill(args, settings, progress_file) if args.kill else None
        print(f"locust: {args.users} citizens, {args.submissions} submissions ...", flush=True)
        started_at = time.time()
        duration = run_locust(args, settings, summary_file, progress_file, drill)
        summary = json.loads(summary_file.read_text())
        _all_mails, citizen_mails = wait_for_mail(mail, summary["submitted"])
        killed = (
            {drill.events["killed"]["instance"]} if drill and "killed" in drill.events else set()
        )
        after = conflict_stats(settings, tolerate=killed)
        logged = logged_conflicts(settings, instance_offsets)
        per_server, balancer_errors, write_times, retries = balancer_requests(settings, log_offset)
        with tempfile.NamedTemporaryFile(suffix=".json") as result_file:
            zconsole(settings, "verify_site.py", HERNE_LOADTEST_RESULT=result_file.name)
            database = json.loads(Path(result_file.name).read_text())
    finally:
        mail.stop()
        if cluster is not None:
            stop_cluster(cluster)
    conflicts = conflict_delta(before, after)
    balancer = {
        "per_server": per_server,
        "server_errors": balancer_errors,
        "instances": settings.instances,
        "retries": retries,
    }
    crash_details = None
    if drill is None:
        checks = evaluate(args, database, summary, citizen_mails, conflicts, balancer)
    else:
        # The killed process took its counters along: its log has them.
        for name in killed:
            conflicts[name] = {**logged[name], "by_error": {}, "from": "log"}
        given_up = sum(stats["given_up"] for stats in conflicts.values())
        checks, books, window = evaluate_crash(
            args, database, summary, citizen_mails, given_up, balancer, drill.events
        )
        crash_details = crash_report(
            args, drill.events, books, window, summary, balancer, started_at
        )
        crash_details["submissions"]["applications"] = len(database["applications"])
    report = {
        "users": args.users,
        "submissions": args.submissions,
        "instances": settings.instances,
        "duration_s": duration,
        "submissions_per_minute": 60 * summary["submitted"] / duration if duration else 0,
        "latency_ms": latency_table(summary.pop("times"), duration),
        # The instance's own time for each POST (log-ins and submissions), from HAProxy's
        # log: what remains of a write's response time is the wait in the write queue.
        "write_at_instance_ms": {
            label: percentile(write_times, share) for label, share in PERCENTILES
        }
        if write_times
        else {},
        "conflicts": conflicts,
        "retried_conflicts": sum(stats["retried"] for stats in conflicts.values()),
        "requests_per_instance": per_server,
        "status_codes": summary["status_codes"],
        "checks": checks,
    }
    if crash_details is not None:
        report["crash"] = crash_details
    (output / "report.json").write_text(json.dumps(report, indent=1))
    print_report(report)
    print(f"report: {output / 'report.json'}")
    return 0 if all(result["ok"] for result in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
