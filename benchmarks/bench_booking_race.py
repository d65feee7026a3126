"""200 concurrent attempts on the last 10 free places of a day against a running instance.

Run (not part of `make test`; about 5 minutes on 2 cores):

    .venv/bin/pytest benchmarks/bench_booking_race.py -s -p no:cacheprovider

A real Zope process of the ``make start`` layout (FileStorage, waitress with 4
threads, rendered into a temporary folder; the site created by
``scripts/create_site.py`` with its demo bookings). ``_race_site.py`` gives
Bürgerdienste Herne-Mitte 6 counters (4 places per time) and books its fourth
working day full for the 15-minute Personalausweis, but for its last three
times with 4, 4 and 2 places free: the last 10 places of the day. Then
``HERNE_BENCH_ATTEMPTS`` (default 200) threads, each with its own HTTP
connection, released together by a barrier, ``POST /herne/++api++/@termine``
with their own name and e-mail address, the three times in turn. Afterwards the
instance is stopped and ``_race_site.py`` reads the stored bookings of that day
from the FileStorage.

Three set-ups: the write queue of ``etc/zope.ini.in`` (one writing request at
a time in the process, as ``make start HERNE_WRITE_QUEUE=on`` runs); ``slots = 4`` (all four threads
write at once, so bookings of the same time conflict in the ZODB and Zope
retries them); and, when PostgreSQL and HAProxy are there (as for
``bench_throughput.py``), two RelStorage instances of ``scripts/cluster.py``
behind HAProxy letting two writes through at once, so bookings on different
instances conflict. The attempts go to HAProxy there, and the stored bookings
are read while the cluster runs. Conflicts retried and given up come from
``@@herne-conflict-stats`` of each instance.

Demanded (issue 17): exactly 10 answers 201, 190 answers 409 with the German
*ausgebucht* message, no 5xx, and no 5-minute step over capacity in the
database. Results go to stdout; record them in docs/benchmarks.md.
"""

import argparse
import base64
from collections import Counter
import json
import os
from pathlib import Path
import requests
import secrets
import sys
import threading
import time


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loadtest.conflict_counts import conflict_stats  # noqa: E402
from loadtest.filestorage_instance import Instance  # noqa: E402
from loadtest.filestorage_instance import render_layout  # noqa: E402
from loadtest.filestorage_instance import zconsole  # noqa: E402
from loadtest.latency import percentile  # noqa: E402
from loadtest.mailserver import MailServer  # noqa: E402
from scripts.cluster import warm_up  # noqa: E402


ATTEMPTS = int(os.environ.get("HERNE_BENCH_ATTEMPTS", "200"))
PORT = int(os.environ.get("HERNE_BENCH_PORT", "18380"))
SITE_ID = "herne"
SERVER_DSN = os.environ.get(
    "HERNE_TEST_PG_DSN", "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
)
FULL = "ausgebucht"


def race_site(zope_conf, action, **env):
    """Run ``_race_site.py`` (``create`` or ``check``); its ``RACE`` line as a dict."""
    done = zconsole(zope_conf, "benchmarks/_race_site.py", HERNE_RACE_ACTION=action, **env)
    line = [line for line in done.stdout.splitlines() if line.startswith("RACE ")][-1]
    return json.loads(line[len("RACE ") :])


def admin_get(url):
    user = os.environ.get("HERNE_ADMIN_USER", "admin")
    password = os.environ.get("HERNE_ADMIN_PASSWORD", "admin")
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return requests.get(url, headers={"Authorization": f"Basic {token}"}, timeout=60).json()


def free_places(base, prepared):
    """The free places of the race day as ``GET @termine`` offers them."""
    day = prepared["day"]
    answer = requests.get(
        f"{base}/++api++/@termine",
        params={
            "office": prepared["office"],
            "service": prepared["service"],
            "start": day,
            "end": day,
        },
        headers={"Accept": "application/json"},
        timeout=60,
    ).json()
    return {item["start"]: item["free"] for item in answer["items"]}


def race(base, prepared):
    """``ATTEMPTS`` bookings at once; (status, German message, seconds) per attempt."""
    barrier = threading.Barrier(ATTEMPTS)
    outcome = [None] * ATTEMPTS
    starts = prepared["free_starts"]

    def attempt(number):
        session = requests.Session()
        body = {
            "office": prepared["office"],
            "service": prepared["service"],
            "start": starts[number % len(starts)],
            "name": f"Rennen {number}",
            "email": f"rennen-{number}@example.org",
        }
        headers = {"Accept": "application/json", "Accept-Language": "de"}
        barrier.wait(timeout=60)
        started = time.perf_counter()
        try:
            response = session.post(
                f"{base}/++api++/@termine", json=body, headers=headers, timeout=300
            )
            status = response.status_code
            try:
                message = response.json().get("error", {}).get("message", "")
            except ValueError:
                message = response.text[:200]
        except requests.RequestException as error:
            status, message = "no answer", str(error)
        outcome[number] = (status, message, time.perf_counter() - started)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(ATTEMPTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return outcome, time.perf_counter() - started


def measure(base, prepared, stats):
    """The race against ``base``, with ``GET @termine`` before and after and the conflicts counted."""
    offered = free_places(base, prepared)
    before = stats()
    outcome, seconds = race(base, prepared)
    after = stats()
    offered_after = free_places(base, prepared)
    statuses = Counter(status for status, _message, _seconds in outcome)
    latencies = [seconds * 1000 for _status, _message, seconds in outcome]
    return {
        "prepared": prepared,
        "offered_before": offered,
        "offered_after": offered_after,
        "statuses": dict(statuses),
        "full_in_german": sum(
            1 for status, message, _s in outcome if status == 409 and FULL in message
        ),
        "messages_409": sorted({message for status, message, _s in outcome if status == 409}),
        "other_answers": sorted(
            {f"{status}: {message}" for status, message, _s in outcome if status not in (201, 409)}
        )[:5],
        "seconds": seconds,
        "p50_ms": percentile(latencies, 0.5),
        "p95_ms": percentile(latencies, 0.95),
        "max_ms": max(latencies),
        "conflicts_retried": after["retried"] - before["retried"],
        "conflicts_given_up": after["given_up"] - before["given_up"],
    }


def run(directory, write_slots, mail):
    """One FileStorage instance of the ``make start`` layout with ``write_slots`` in its write queue."""
    zope_conf, zope_ini = render_layout(directory, PORT, write_slots=write_slots)
    prepared = race_site(
        zope_conf,
        "create",
        HERNE_BENCH_SMTP_HOST=mail.hostname,
        HERNE_BENCH_SMTP_PORT=str(mail.port),
    )
    instance = Instance(zope_ini, PORT, directory / "var" / "log" / "instance.out")
    instance.start()
    try:
        warm_up(argparse.Namespace(site_id=SITE_ID), PORT)
        row = measure(
            instance.url, prepared, lambda: admin_get(f"{instance.url}/@@herne-conflict-stats")
        )
    finally:
        instance.stop()
    row["stored"] = race_site(zope_conf, "check")
    row["set_up"] = f"1 instance, FileStorage, write queue slots = {write_slots}"
    return row


def run_cluster(directory, mail, instances=2, write_slots=2):
    """``scripts/cluster.py``: RelStorage instances behind HAProxy, ``write_slots`` writes at once."""
    from loadtest.cluster_process import start_cluster
    from loadtest.cluster_process import stop_cluster
    from scripts.cluster import Settings
    from scripts.cluster import drop_database

    database = f"herne_race_{os.getpid()}_{secrets.token_hex(3)}"
    settings = Settings(
        dsn=SERVER_DSN.replace("dbname=postgres", f"dbname={database}"),
        instances=instances,
        host="127.0.0.1",
        port=PORT + 10,
        first_port=PORT + 11,
        write_slots=write_slots,
        directory=directory,
        # Zope itself is measured: no cache in front (bench_public_cache.py measures it).
        cache=False,
    )
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / "cluster.log", "ab") as log:
        process = start_cluster(settings, log)
    try:
        prepared = race_site(
            settings.zope_conf,
            "create",
            HERNE_BENCH_SMTP_HOST=mail.hostname,
            HERNE_BENCH_SMTP_PORT=str(mail.port),
        )
        for port in settings.instance_ports:
            warm_up(argparse.Namespace(site_id=SITE_ID), port)

        def stats():
            counts = conflict_stats(settings)
            return {
                key: sum(instance[key] for instance in counts.values())
                for key in ("retried", "given_up")
            }

        row = measure(f"http://127.0.0.1:{settings.port}/{SITE_ID}", prepared, stats)
        row["stored"] = race_site(settings.zope_conf, "check")
    finally:
        stop_cluster(process)
        drop_database(settings.dsn)
    row["set_up"] = (
        f"{instances} instances, RelStorage, HAProxy with {write_slots} writes at a time"
    )
    return row


def print_result(row):
    prepared, stored = row["prepared"], row["stored"]
    print(
        f"\n{row['set_up']}: day {prepared['day']}, "
        f"{prepared['booked_before']} booked before, offered {row['offered_before']}"
    )
    print(
        f"  {ATTEMPTS} attempts in {row['seconds']:.1f} s: {row['statuses']}, "
        f"{row['full_in_german']} German '{FULL}' answers; latency p50 {row['p50_ms']:.0f} ms, "
        f"p95 {row['p95_ms']:.0f} ms, max {row['max_ms']:.0f} ms"
    )
    print(
        f"  conflicts retried {row['conflicts_retried']}, given up {row['conflicts_given_up']}; "
        f"offered afterwards {row['offered_after']}"
    )
    print(
        f"  stored: {stored['bookings']} bookings of the day ({len(stored['race_bookings'])} "
        f"from the race), steps over capacity {stored['over_capacity']}"
    )
    print(f"  409 said: {row['messages_409']}")
    if row["other_answers"]:
        print(f"  other answers: {row['other_answers']}")


def test_booking_race(tmp_path):
    from tests.fixtures.cluster import haproxy_installed
    from tests.fixtures.cluster import postgresql_reachable

    mail = MailServer()
    mail.start()
    results = []
    try:
        for write_slots in (1, 4):
            results.append(run(tmp_path / f"slots-{write_slots}", write_slots, mail))
        if postgresql_reachable() is None and haproxy_installed():
            results.append(run_cluster(tmp_path / "cluster", mail))
        else:
            print("\nNo PostgreSQL or HAProxy: the cluster run is left out.")
    finally:
        mail.stop()
    for row in results:
        print_result(row)
    load = os.getloadavg()
    print(f"\n{os.cpu_count()} cores, load average {load[0]:.2f} (1 min) after the runs")
    if os.environ.get("HERNE_BENCH_OUTPUT"):
        Path(os.environ["HERNE_BENCH_OUTPUT"]).write_text(json.dumps(results, indent=1))
    for row in results:
        assert sum(row["offered_before"].values()) == row["prepared"]["free_places"] == 10
        assert row["statuses"].get(201) == 10, row["statuses"]
        assert row["full_in_german"] == ATTEMPTS - 10, row["statuses"]
        assert not [status for status in row["statuses"] if str(status)[0] == "5"]
        assert row["stored"]["over_capacity"] == {}
        assert len(row["stored"]["race_bookings"]) == 10
        assert row["stored"]["bookings"] == row["prepared"]["booked_before"] + 10
        assert row["offered_after"] == {}
