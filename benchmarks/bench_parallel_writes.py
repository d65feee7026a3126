"""Writes in parallel: one and two RelStorage instances without any write queue (the default), against the queue.

Run (not part of `make test`; needs PostgreSQL at 127.0.0.1:5432 and HAProxy like
the cluster, about 10 minutes on 2 cores):

    .venv/bin/pytest benchmarks/bench_parallel_writes.py -s -p no:cacheprovider

The same load each time as ``benchmarks/bench_throughput.py`` (locust headless,
``loadtest/locustfile.py``: ``HERNE_BENCH_USERS`` citizens, default 20, submitting
``HERNE_BENCH_SUBMISSIONS`` dog-tax applications with a 25 kB PDF, default 200;
mail to a real SMTP server in this process), always through HAProxy
(``scripts/cluster.py``, no cache in front), one set-up after the other on one
database:

1. one instance, no queue (``--instances 1 --write-slots 0``: no write gate in
   HAProxy, writes go to the instances like reads, at most threads - 1 requests
   per instance; the cluster's instances have no queue of their own);
2. two instances, no queue (``--instances 2 --write-slots 0``);
3. two instances with the queue (``--instances 2 --write-slots 1``, as with
   ``HERNE_WRITE_QUEUE=on``; the default before 2026-12-05).

For each: submissions per second (steady state: between the first and the last
acknowledged submission), the submit request's p50, p95 and p99 as the citizen
waits for it, the conflicts Zope retried and gave up on (the instances' event
logs, logger ``herne.portal.conflicts``; retried also as a share of the
submissions, and by request and by the class of the object that conflicted), the answers 5xx the citizens got, the load average before and
after, the CPU seconds each kind of process spent during the load (instances, PostgreSQL,
HAProxy, locust, this process with the mail server; ``benchmarks/process_cpu.py``); then
the ratio of two instances to one without the queue. The targets of
issue 20: ratio ≥ 1.6, p95 of two instances ≤ 2 s, retried ≤ 2 % of the
submissions and none given up. ``HERNE_BENCH_PORT`` (default 18380; the
benchmark uses the ports from +10 to +12) and ``HERNE_BENCH_OUTPUT`` (JSON of the
results) change the set-up; ``HERNE_BENCH_SET_UPS=1,2`` runs only the set-ups named.
A set-up named twice runs twice: ``HERNE_BENCH_SET_UPS=1,2,2,1`` runs one instance, two,
two and one again (a drift of the machine during the run then falls on both alike; on
the 2-core benchmark machine the instances' CPU per submission of the same code varied
by half between runs minutes apart), and the ratio compares all runs of each set-up
(their submissions over their steady seconds).
"""

from collections import Counter
import json
import os
from pathlib import Path
import re
import secrets
import sys
import time


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# Its own ports, so that it can run next to bench_throughput.py (default 18280).
os.environ.setdefault("HERNE_BENCH_PORT", "18380")

from benchmarks.bench_throughput import SERVER_DSN  # noqa: E402
from benchmarks.bench_throughput import SUBMISSIONS  # noqa: E402
from benchmarks.bench_throughput import USERS  # noqa: E402
from benchmarks.bench_throughput import Cluster  # noqa: E402
from benchmarks.bench_throughput import event_log_offsets  # noqa: E402
from benchmarks.bench_throughput import machine_note  # noqa: E402
from benchmarks.bench_throughput import percentile  # noqa: E402
from benchmarks.bench_throughput import submission_load  # noqa: E402
from benchmarks.process_cpu import ProcessCPU  # noqa: E402
from loadtest.mailserver import MailServer  # noqa: E402
from scripts.cluster import drop_database  # noqa: E402


SINGLE = "1 instance, no queue"
DOUBLE = "2 instances, no queue"
QUEUED = "2 instances, queue (1 write at a time)"
SET_UPS = [(SINGLE, 1, 0), (DOUBLE, 2, 0), (QUEUED, 2, 1)]
#: ``HERNE_BENCH_SET_UPS=1,2`` runs only the first two set-ups (numbers as in the docstring);
#: a number named twice runs twice, e.g. ``1,2,2,1`` (see the docstring)
CHOSEN = [
    SET_UPS[int(number) - 1] for number in os.environ.get("HERNE_BENCH_SET_UPS", "1,2,3").split(",")
]


CONFLICT_LINE = re.compile(
    r"\[herne\.portal\.conflicts:\d+\]\[[^\]]*\] (retried|gave up on) (\S+) (\S+) after attempt"
    r" \d+: (.*)$"
)


def conflict_kind(message):
    """What conflicted: the object's class, PostgreSQL's row lock, or a read conflict."""
    found = re.search(r"class ([\w.]+)", message)
    if found:
        return found[1]
    if "lock_not_available" in message:
        return "PostgreSQL lock_not_available"
    return "read conflict" if "read conflict" in message else message[:60]


def conflicts_by_request(offsets):
    """The retried conflicts in the event logs since ``offsets``, by request and by what conflicted."""
    by_request, by_kind, other = Counter(), Counter(), Counter()
    for path, offset in offsets.items():
        if not path.exists():
            continue
        with open(path, encoding="utf-8", errors="replace") as log:
            log.seek(offset)
            for line in log:
                found = CONFLICT_LINE.search(line)
                if found and found[1] == "retried":
                    request = re.sub(r"-[0-9a-f]{8,}", "-*", f"{found[2]} {found[3]}")
                    by_request[request] += 1
                    by_kind[conflict_kind(found[4])] += 1
                elif not found and "[herne.portal.conflicts" in line and " ERROR " in line:
                    # e.g. the short transaction that catalogues after the commit failing
                    other[line.split("] ", 2)[-1].strip()[:60]] += 1
    return {
        "by_request": dict(by_request),
        "by_kind": dict(by_kind.most_common(8)),
        "other_errors": dict(other),
    }


def server_errors(status_codes):
    return sum(count for code, count in status_codes.items() if code.startswith("5"))


ACTIVITY = (
    "xact_commit",
    "xact_rollback",
    "tup_inserted",
    "tup_updated",
    "tup_deleted",
    "tup_fetched",
)


def database_activity(dsn):
    """PostgreSQL's counters of the benchmark's database (``pg_stat_database``)."""
    import psycopg2

    connection = psycopg2.connect(dsn)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {', '.join(ACTIVITY)} FROM pg_stat_database WHERE datname = current_database()"
            )
            return dict(zip(ACTIVITY, cursor.fetchone(), strict=True))
    finally:
        connection.close()


def measure(cluster, name, output):
    """The fixed load through the cluster's HAProxy, with p95 and 5xx from locust's summary, and the CPU each kind of process spent."""
    offsets = event_log_offsets(cluster.logs())
    cpu = ProcessCPU().start()
    activity = database_activity(cluster.settings.dsn)
    row = submission_load(name, cluster.settings.port, cluster.logs(), output)
    row["cpu_s"] = cpu.stop()
    row["cpu_wall_s"] = cpu.wall
    row["machine_busy"] = cpu.machine_busy
    time.sleep(1)  # PostgreSQL sends its counters at most every 500 ms
    after = database_activity(cluster.settings.dsn)
    row["database"] = {key: after[key] - activity[key] for key in ACTIVITY}
    row.update(conflicts_by_request(offsets))
    summary = json.loads((output / f"{name}-summary.json").read_text())
    submit = summary["times"].get("submit", [])
    row["submit_p95"] = percentile(submit, 0.95)
    row["server_errors"] = server_errors(row["status_codes"])
    row["retried_share"] = row["retried"] / max(1, row["acknowledged"])
    return row


def print_results(results):
    print()
    print(
        f"Submissions through HAProxy on RelStorage: {USERS} citizens,"
        f" {SUBMISSIONS} dog-tax submissions each set-up"
    )
    print(
        f"{'set-up':<40}{'subm/s':>8}{'p50':>8}{'p95':>8}{'p99':>8}"
        f"{'retried':>9}{'share':>7}{'gave up':>9}{'5xx':>6}"
    )
    for name, row in results["runs"]:
        print(
            f"{name:<40}{row['submissions_per_s']:>8.2f}{row['submit_p50']:>8.0f}"
            f"{row['submit_p95']:>8.0f}{row['submit_p99']:>8.0f}{row['retried']:>9}"
            f"{row['retried_share']:>7.1%}{row['given_up']:>9}{row['server_errors']:>6}"
        )
        print(f"    {row['machine_before']}; {row['machine_after']}")
        print(f"    retried by request: {row['by_request']}")
        print(f"    retried by object: {row['by_kind']}")
        spent = ", ".join(
            f"{kind} {seconds:.0f} s ({seconds * 1000 / max(1, row['acknowledged']):.0f} ms"
            f" per submission, {seconds / row['cpu_wall_s']:.0%} of a core)"
            for kind, seconds in sorted(row["cpu_s"].items(), key=lambda item: -item[1])
        )
        print(f"    CPU during the load: {spent}")
        print(
            f"    machine busy during the load: {row['machine_busy']:.0%} of {os.cpu_count()} cores"
            " (every process and the kernel)"
        )
        per_submission = ", ".join(
            f"{key} {value / max(1, row['acknowledged']):.1f}"
            for key, value in row["database"].items()
        )
        print(f"    PostgreSQL per submission: {per_submission}")
        if row["other_errors"]:
            print(f"    other errors on herne.portal.conflicts: {row['other_errors']}")
    print(
        "(submit latency in ms as the citizen waited; subm/s between first and last"
        " acknowledged submission; share: retried per acknowledged submission)"
    )
    if len(results["runs"]) > len(results["set_ups"]):
        for name, row in results["set_ups"].items():
            print(f"{name}, all its runs: {row['submissions_per_s']:.2f} subm/s")
    print(f"\n2 instances vs 1, no queue: {results['ratio']:.2f}x (target >= 1.6x)")


def test_parallel_writes(tmp_path):
    from tests.fixtures.cluster import skip_without_postgresql_and_haproxy

    skip_without_postgresql_and_haproxy(SERVER_DSN)
    output = tmp_path / "runs"
    output.mkdir()
    cluster_dir = tmp_path / "cluster"
    cluster_dir.mkdir()
    results = {"runs": [], "set_ups": {}}
    mail = MailServer()
    mail.start()
    database = f"herne_bench_{os.getpid()}_{secrets.token_hex(3)}"
    dsn = SERVER_DSN.replace("dbname=postgres", f"dbname={database}")
    try:
        for label, instances, write_slots in CHOSEN:
            with Cluster(cluster_dir, dsn, instances=instances, write_slots=write_slots) as cluster:
                cluster.prepare(mail)
                before = machine_note("before")
                name = f"relstorage-{instances}-slots{write_slots}"
                row = measure(cluster, name, output)
                row["machine_before"] = before
                row["machine_after"] = machine_note("after")
                results["runs"].append((label, row))
    finally:
        mail.stop()
        drop_database(dsn)
    for label in dict.fromkeys(label for label, _row in results["runs"]):
        runs = [row for name, row in results["runs"] if name == label]
        # every run of the set-up as one: its submissions over its steady seconds
        steady_s = sum((row["acknowledged"] - 1) / row["submissions_per_s"] for row in runs)
        results["set_ups"][label] = {
            "submissions_per_s": sum(row["acknowledged"] - 1 for row in runs) / steady_s
        }
    rates = {name: row["submissions_per_s"] for name, row in results["set_ups"].items()}
    results["ratio"] = rates[DOUBLE] / rates[SINGLE] if {SINGLE, DOUBLE} <= set(rates) else 0
    print_results(results)
    if os.environ.get("HERNE_BENCH_OUTPUT"):
        Path(os.environ["HERNE_BENCH_OUTPUT"]).write_text(json.dumps(results, indent=1))
    for _label, row in results["runs"]:
        assert row["acknowledged"] == SUBMISSIONS, row
