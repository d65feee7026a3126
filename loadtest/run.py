"""The cluster's load test: real SMTP server, locust headless, then every count checked in the database.

    .venv/bin/python loadtest/run.py                         # 50 citizens, 500 submissions
    .venv/bin/python loadtest/run.py --users 5 --submissions 30 --start-cluster

Against the cluster of ``scripts/cluster.py`` (same ``HERNE_CLUSTER_*`` settings;
``--start-cluster`` starts one for the run when none answers and stops it
afterwards). Passes (exit code 0) only with exactly N applications with N unique
reference numbers and their uploads in the database and the catalog, N
confirmation mails at the SMTP server, no response 5xx, and no conflict that
Zope gave up on. Prints latency percentiles and the retried conflicts per instance.
"""

import argparse
import base64
import json
import math
import os
from pathlib import Path
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loadtest.accounts import is_loadtest_user  # noqa: E402
from loadtest.mailserver import MailServer  # noqa: E402
from loadtest.mailserver import read  # noqa: E402
from scripts.cluster import BIN  # noqa: E402
from scripts.cluster import Settings  # noqa: E402
from scripts.cluster import answers  # noqa: E402
from scripts.cluster import running_pid  # noqa: E402


REFERENCE = re.compile(r"HER-\d{4}-\d{6}")
# HAProxy's httplog: client [date] frontend backend/server timers status bytes ...
HAPROXY_LINE = re.compile(
    r"\] (?P<frontend>\S+) (?P<backend>[^/\s]+)/(?P<server>\S+)"
    r" (?P<tq>-?\d+)/(?P<tw>-?\d+)/(?P<tc>-?\d+)/(?P<tr>-?\d+)/(?P<ta>-?\d+) (?P<status>\d{3}) "
    r'.*"(?P<method>[A-Z]+) '
)
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
    return parser.parse_args(argv)


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


def conflict_stats(settings):
    """``@@herne-conflict-stats`` of every instance, asked directly (not through the balancer)."""
    user = os.environ.get("HERNE_ADMIN_USER", "admin")
    password = os.environ.get("HERNE_ADMIN_PASSWORD", "admin")
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    stats = {}
    for number, port in enumerate(settings.instance_ports, start=1):
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/{settings.site_id}/@@herne-conflict-stats",
            headers={"Authorization": f"Basic {token}"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            stats[f"instance{number}"] = json.load(response)
    return stats


def haproxy_log(settings):
    return settings.directory / "log" / "haproxy.out"


def balancer_requests(settings, offset):
    """Requests per instance, responses 5xx and the instances' own time for writes (ms)."""
    per_server, server_errors, write_times = {}, [], []
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
            if match["frontend"] == "herne" and match["status"].startswith("5"):
                server_errors.append(line.strip())
    return per_server, server_errors, write_times


# --- the run -----------------------------------------------------------------------------


def run_locust(args, settings, summary_file):
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
        "HERNE_SITE_ID": settings.site_id,
    }
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, env=env, check=False)
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
    server_errors = summary["server_errors"] + balancer["server_errors"]
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
    for result in report["checks"]:
        mark = "ok  " if result["ok"] else "FAIL"
        detail = "" if result["ok"] else f"  ({result['detail']})"
        print(f"  {mark} {result['check']}{detail}")


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
        summary_file = output / "locust-summary.json"
        summary_file.unlink(missing_ok=True)
        print(f"locust: {args.users} citizens, {args.submissions} submissions ...", flush=True)
        duration = run_locust(args, settings, summary_file)
        summary = json.loads(summary_file.read_text())
        _all_mails, citizen_mails = wait_for_mail(mail, summary["submitted"])
        after = conflict_stats(settings)
        per_server, balancer_errors, write_times = balancer_requests(settings, log_offset)
        with tempfile.NamedTemporaryFile(suffix=".json") as result_file:
            zconsole(settings, "verify_site.py", HERNE_LOADTEST_RESULT=result_file.name)
            database = json.loads(Path(result_file.name).read_text())
    finally:
        mail.stop()
        if cluster is not None:
            stop_cluster(cluster)
    conflicts = conflict_delta(before, after)
    checks = evaluate(
        args,
        database,
        summary,
        citizen_mails,
        conflicts,
        {"per_server": per_server, "server_errors": balancer_errors},
    )
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
    (output / "report.json").write_text(json.dumps(report, indent=1))
    print_report(report)
    print(f"report: {output / 'report.json'}")
    return 0 if all(result["ok"] for result in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
