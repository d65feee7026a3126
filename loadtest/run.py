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
import json
from pathlib import Path
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# benchmarks/bench_throughput.py takes percentile, run_locust, start_cluster, stop_cluster,
# instance_logs and zconsole from this module (``loadtest.run.<name>``).
from loadtest.cluster_checks import evaluate_crash_drill  # noqa: E402
from loadtest.cluster_checks import evaluate_load_test  # noqa: E402
from loadtest.cluster_drill import cluster_drill  # noqa: E402
from loadtest.cluster_process import start_cluster  # noqa: E402
from loadtest.cluster_process import stop_cluster  # noqa: E402
from loadtest.cluster_process import zconsole  # noqa: E402
from loadtest.cluster_report import crash_report  # noqa: E402
from loadtest.cluster_report import print_report  # noqa: E402
from loadtest.conflict_counts import conflict_delta  # noqa: E402
from loadtest.conflict_counts import conflict_stats  # noqa: E402
from loadtest.conflict_counts import log_offsets  # noqa: E402
from loadtest.conflict_counts import logged_conflicts  # noqa: E402
from loadtest.haproxy_log import balancer_requests  # noqa: E402
from loadtest.haproxy_log import haproxy_log  # noqa: E402
from loadtest.latency import PERCENTILES  # noqa: E402
from loadtest.latency import latency_table  # noqa: E402
from loadtest.latency import percentile  # noqa: E402
from loadtest.locust_runner import run_locust  # noqa: E402
from loadtest.mailserver import MailServer  # noqa: E402
from loadtest.mailserver import mail_after_kill  # noqa: E402
from loadtest.mailserver import wait_for_mail  # noqa: E402
from scripts.cluster import Settings  # noqa: E402
from scripts.cluster import answers  # noqa: E402
from scripts.cluster import running_pid  # noqa: E402


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
        killed_at = drill.events.get("killed_at") if drill else None
        _all_mails, citizen_mails = wait_for_mail(
            mail,
            summary["submitted"],
            settle_until=mail_after_kill(killed_at) if killed_at else None,
        )
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
        checks = evaluate_load_test(args, database, summary, citizen_mails, conflicts, balancer)
    else:
        # The killed process took its counters along: its log has them.
        for name in killed:
            conflicts[name] = {**logged[name], "by_error": {}, "from": "log"}
        given_up = sum(stats["given_up"] for stats in conflicts.values())
        checks, books, window = evaluate_crash_drill(
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
        # log: what remains of a write's response time is the wait at the balancer (its
        # write gate with HERNE_WRITE_QUEUE=on, or busy instances).
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
