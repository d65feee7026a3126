"""Submissions per second on FileStorage, RelStorage and two RelStorage instances; page views.

Run (not part of `make test`; needs PostgreSQL and HAProxy like the cluster, about
15 minutes on 2 cores):

    .venv/bin/pytest benchmarks/bench_throughput.py -s -p no:cacheprovider

In one run, with real processes (waitress, 4 threads per instance) and the same
load each time (``loadtest/locustfile.py`` headless: ``HERNE_BENCH_USERS``
citizens, default 20, submitting ``HERNE_BENCH_SUBMISSIONS`` dog-tax applications
with a 25 kB PDF, default 200; mail to a real SMTP server in this process):

1. one instance on FileStorage (the ``make start`` layout, rendered into a
   temporary folder), requests straight to the instance;
2. one instance on RelStorage/PostgreSQL (``scripts/cluster.py --instances 1``),
   straight to the instance, then through HAProxy and its write queue;
3. two instances on RelStorage behind HAProxy (``--instances 2``), with one write
   at a time for the cluster (``HERNE_CLUSTER_WRITE_SLOTS=1``, the default until
   2026-12-05; now ``HERNE_WRITE_QUEUE=on``) and with two.

For each: submissions per second (steady state: between the first and the last
acknowledged submission, and over locust's whole run), the submit request's p50,
p90 and p99 as the citizen waits for it, and the conflicts retried and given up
(from the instances' event logs). On the FileStorage and the single RelStorage
instance, anonymous GETs of the dog-tax service page against a plain Plone page
(a Document the benchmark creates with some paragraphs of text) and the site's
front page: ``HERNE_BENCH_PAGE_REQUESTS`` (default 100) one after the other, then
as many from ``HERNE_BENCH_PAGE_CONCURRENCY`` (default 4) clients at once;
requests per second, p50 and p90. Results go to stdout (and, as JSON, to
``HERNE_BENCH_OUTPUT`` when set); record them in docs/benchmarks.md.
"""

import argparse
import base64
from concurrent.futures import ThreadPoolExecutor
import json
import os
from pathlib import Path
import requests
import secrets
import shutil
import sys
import time


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loadtest.cluster_process import start_cluster  # noqa: E402
from loadtest.cluster_process import stop_cluster  # noqa: E402
from loadtest.cluster_process import zconsole as cluster_zconsole  # noqa: E402
from loadtest.conflict_counts import conflicts_in_log  # noqa: E402
from loadtest.conflict_counts import instance_logs  # noqa: E402
from loadtest.filestorage_instance import Instance  # noqa: E402
from loadtest.filestorage_instance import render_layout  # noqa: E402
from loadtest.filestorage_instance import zconsole  # noqa: E402
from loadtest.latency import percentile as percentile_of  # noqa: E402
from loadtest.locust_runner import run_locust  # noqa: E402
from loadtest.mailserver import MailServer  # noqa: E402
from scripts.cluster import Settings  # noqa: E402
from scripts.cluster import drop_database  # noqa: E402
from scripts.cluster import warm_up  # noqa: E402


USERS = int(os.environ.get("HERNE_BENCH_USERS", "20"))
SUBMISSIONS = int(os.environ.get("HERNE_BENCH_SUBMISSIONS", "200"))
PAGE_REQUESTS = int(os.environ.get("HERNE_BENCH_PAGE_REQUESTS", "100"))
PAGE_CONCURRENCY = int(os.environ.get("HERNE_BENCH_PAGE_CONCURRENCY", "4"))
FIRST_PORT = int(os.environ.get("HERNE_BENCH_PORT", "18280"))
SERVER_DSN = os.environ.get(
    "HERNE_TEST_PG_DSN", "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
)
SITE_ID = "herne"
SERVICE_PAGE = "leistungen/hundesteuer"
DOCUMENT_ID = "ueber-das-serviceportal"
PARAGRAPH = (
    "<p>Das Serviceportal der Stadt Herne bündelt die Leistungen der Verwaltung. "
    "Hier finden Sie, was Sie für einen Antrag brauchen, wo Sie ihn stellen und "
    "wie lange die Bearbeitung dauert. Viele Anträge stellen Sie direkt online.</p>"
)


def admin_headers():
    token = base64.b64encode(b"admin:admin").decode()
    return {"Authorization": f"Basic {token}", "Accept": "application/json"}


def create_document(base):
    """A published Document with some paragraphs of text: the plain Plone page."""
    session = requests.Session()
    session.headers.update(admin_headers())
    if session.get(f"{base}/{DOCUMENT_ID}", timeout=60).status_code == 200:
        return
    created = session.post(
        base,
        json={
            "@type": "Document",
            "id": DOCUMENT_ID,
            "title": "Über das Serviceportal",
            "description": "Was das Serviceportal der Stadt Herne bietet.",
            "text": {"content-type": "text/html", "data": PARAGRAPH * 6},
        },
        timeout=60,
    )
    assert created.status_code == 201, created.text[:500]
    published = session.post(f"{base}/{DOCUMENT_ID}/@workflow/publish", timeout=60)
    assert published.status_code == 200, published.text[:500]


def percentile(values, share):
    return percentile_of(values, share) if values else None


def time_gets(url, count, concurrency):
    """``count`` anonymous GETs (``concurrency`` clients): (requests/s, p50 ms, p90 ms)."""

    def client(share):
        session = requests.Session()
        latencies = []
        for _ in range(share):
            started = time.perf_counter()
            response = session.get(url, timeout=120)
            latencies.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        return latencies

    shares = [
        count // concurrency + (1 if n < count % concurrency else 0) for n in range(concurrency)
    ]
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        latencies = [value for part in pool.map(client, shares) for value in part]
    elapsed = time.perf_counter() - started
    return {
        "requests": count,
        "concurrency": concurrency,
        "rps": count / elapsed,
        "p50": percentile(latencies, 0.5),
        "p90": percentile(latencies, 0.9),
    }


def measure_pages(base):
    """Service page, Document and front page, interleaved per round so load hits all alike."""
    create_document(base)
    pages = {
        "service page (Leistung)": f"{base}/{SERVICE_PAGE}",
        "plain page (Document)": f"{base}/{DOCUMENT_ID}",
        "front page (site root)": base,
    }
    for url in pages.values():  # compiled and cached before timing
        time_gets(url, 5, 1)
    results = {name: {} for name in pages}
    for concurrency in (1, PAGE_CONCURRENCY):
        for name, url in pages.items():
            results[name][concurrency] = time_gets(url, PAGE_REQUESTS, concurrency)
    return results


def event_log_offsets(logs):
    return {path: path.stat().st_size if path.exists() else 0 for path in logs}


def logged_conflicts(offsets):
    counts = [conflicts_in_log(path, offset) for path, offset in offsets.items()]
    return {key: sum(count[key] for count in counts) for key in ("retried", "given_up")}


def submission_load(name, port, logs, output):
    """The fixed locust load against ``port``; throughput, latency and conflicts."""
    args = argparse.Namespace(users=USERS, submissions=SUBMISSIONS, spawn_rate=10, run_time="30m")
    target = argparse.Namespace(port=port, site_id=SITE_ID)
    summary_file = output / f"{name}-summary.json"
    summary_file.unlink(missing_ok=True)
    offsets = event_log_offsets(logs)
    duration = run_locust(args, target, summary_file)
    summary = json.loads(summary_file.read_text())
    acknowledged = sorted(
        ticket["attempts"][-1]["at"]
        for ticket in summary["tickets"].values()
        if ticket.get("acknowledged")
    )
    steady = (len(acknowledged) - 1) / (acknowledged[-1] - acknowledged[0])
    submit = summary["times"].get("submit", [])
    return {
        "acknowledged": len(acknowledged),
        "problems": len(summary["problems"]),
        "failed_requests": len(summary["failures"]),
        "status_codes": summary["status_codes"],
        "submissions_per_s": steady,
        "submissions_per_s_whole_run": len(acknowledged) / duration,
        "duration_s": duration,
        "submit_p50": percentile(submit, 0.5),
        "submit_p90": percentile(submit, 0.9),
        "submit_p99": percentile(submit, 0.99),
        **logged_conflicts(offsets),
    }


class Cluster:
    """``scripts/cluster.py start`` as a child, on the benchmark's ports and database."""

    def __init__(self, directory, dsn, instances, write_slots):
        self.settings = Settings(
            dsn=dsn,
            instances=instances,
            host="127.0.0.1",
            port=FIRST_PORT + 10,
            first_port=FIRST_PORT + 11,
            write_slots=write_slots,
            directory=directory,
            # Zope itself is measured: no cache in front (bench_public_cache.py measures it).
            cache=False,
        )
        self.process = None

    def __enter__(self):
        log = open(self.settings.directory / "cluster.log", "ab")  # noqa: SIM115
        self.process = start_cluster(self.settings, log)
        log.close()
        return self

    def __exit__(self, *exc):
        stop_cluster(self.process)

    def logs(self):
        return list(instance_logs(self.settings).values())

    def prepare(self, mail):
        cluster_zconsole(
            self.settings,
            "prepare_site.py",
            HERNE_LOADTEST_USERS=str(USERS),
            HERNE_LOADTEST_SMTP_HOST=mail.hostname,
            HERNE_LOADTEST_SMTP_PORT=str(mail.port),
        )


def machine_note(when):
    load = os.getloadavg()
    return (
        f"{os.cpu_count()} cores, load average {when} {load[0]:.2f} (1 min) {load[1]:.2f} (5 min)"
    )


def print_results(results):
    print()
    print(f"Submissions: {USERS} citizens, {SUBMISSIONS} dog-tax submissions each run")
    print(
        f"{'set-up':<52}{'subm/s':>8}{'whole':>7}{'p50':>8}{'p90':>8}{'p99':>8}"
        f"{'retried':>9}{'gave up':>9}{'5xx/0':>7}"
    )
    for name, row in results["submissions"].items():
        print(
            f"{name:<52}{row['submissions_per_s']:>8.2f}{row['submissions_per_s_whole_run']:>7.2f}"
            f"{row['submit_p50']:>8.0f}{row['submit_p90']:>8.0f}{row['submit_p99']:>8.0f}"
            f"{row['retried']:>9}{row['given_up']:>9}{row['failed_requests']:>7}"
        )
    print(
        "(submit latency in ms as the citizen waited; subm/s between first and last"
        " acknowledged submission, 'whole' over locust's whole run)"
    )
    for storage, pages in results["pages"].items():
        print(f"\nAnonymous page views on {storage}:")
        print(f"{'page':<28}{'clients':>8}{'req/s':>8}{'p50':>8}{'p90':>8}")
        for page, by_concurrency in pages.items():
            for concurrency, row in by_concurrency.items():
                print(
                    f"{page:<28}{concurrency:>8}{row['rps']:>8.1f}{row['p50']:>8.0f}"
                    f"{row['p90']:>8.0f}"
                )


def test_throughput(tmp_path):
    from tests.fixtures.cluster import skip_without_postgresql_and_haproxy

    skip_without_postgresql_and_haproxy(SERVER_DSN)
    output = tmp_path / "runs"
    output.mkdir()
    results = {"machine": machine_note("before the run"), "submissions": {}, "pages": {}}
    mail = MailServer()
    mail.start()
    database = f"herne_bench_{os.getpid()}_{secrets.token_hex(3)}"
    dsn = SERVER_DSN.replace("dbname=postgres", f"dbname={database}")
    try:
        # 1. FileStorage, the make start layout.
        directory = tmp_path / "filestorage"
        zope_conf, zope_ini = render_layout(directory, FIRST_PORT)
        zconsole(
            zope_conf,
            "loadtest/crash_site.py",
            HERNE_LOADTEST_USERS=str(USERS),
            HERNE_LOADTEST_SMTP_HOST=mail.hostname,
            HERNE_LOADTEST_SMTP_PORT=str(mail.port),
        )
        instance = Instance(zope_ini, FIRST_PORT, directory / "var" / "log" / "instance.out")
        instance.start()
        try:
            warm_up(argparse.Namespace(site_id=SITE_ID), FIRST_PORT)
            results["submissions"]["1 instance, FileStorage"] = submission_load(
                "filestorage", FIRST_PORT, [directory / "var" / "log" / "event.log"], output
            )
            results["pages"]["1 instance, FileStorage"] = measure_pages(instance.url)
        finally:
            instance.stop()

        # 2. One instance on RelStorage: straight, then through HAProxy's write queue.
        cluster_dir = tmp_path / "cluster"
        cluster_dir.mkdir()
        with Cluster(cluster_dir, dsn, instances=1, write_slots=1) as cluster:
            port = cluster.settings.first_port
            cluster.prepare(mail)
            results["submissions"]["1 instance, RelStorage, straight"] = submission_load(
                "relstorage-1-straight", port, cluster.logs(), output
            )
            results["pages"]["1 instance, RelStorage"] = measure_pages(
                f"http://127.0.0.1:{port}/{SITE_ID}"
            )
            cluster.prepare(mail)
            results["submissions"]["1 instance, RelStorage, HAProxy (1 write at a time)"] = (
                submission_load(
                    "relstorage-1-haproxy", cluster.settings.port, cluster.logs(), output
                )
            )

        # 3. Two instances behind HAProxy, one and two writes at a time.
        for slots in (1, 2):
            with Cluster(cluster_dir, dsn, instances=2, write_slots=slots) as cluster:
                cluster.prepare(mail)
                label = f"2 instances, RelStorage, HAProxy ({slots} write{'s' if slots > 1 else ''} at a time)"
                results["submissions"][label] = submission_load(
                    f"relstorage-2-slots{slots}", cluster.settings.port, cluster.logs(), output
                )
    finally:
        mail.stop()
        drop_database(dsn)
    results["machine_after"] = machine_note("after the run")
    print_results(results)
    print(f"\n{results['machine']}; {results['machine_after']}")
    if os.environ.get("HERNE_BENCH_OUTPUT"):
        Path(os.environ["HERNE_BENCH_OUTPUT"]).write_text(json.dumps(results, indent=1))
    shutil.rmtree(tmp_path / "filestorage", ignore_errors=True)
    for row in results["submissions"].values():
        assert row["acknowledged"] == SUBMISSIONS, row
