"""Anonymous service page through the cluster's Varnish against straight through HAProxy; edit-to-visible time.

Run (not part of `make test`; needs PostgreSQL, HAProxy and Varnish; starts its own
cluster of two instances on a throw-away database, about 5 minutes on 2 cores):

    .venv/bin/pytest benchmarks/bench_public_cache.py -s -p no:cacheprovider

`HERNE_BENCH_REQUESTS` (default 5000) anonymous GETs of the dog-tax service page
from `HERNE_BENCH_CONNECTIONS` (default 20) keep-alive connections of one asyncio
client (plain HTTP/1.1 on sockets, so that the client is not the bottleneck) go to
the cache; then `HERNE_BENCH_UNCACHED_REQUESTS` (default 200) the same way to HAProxy
behind it (no cache: what Zope does). Requests/s, p50/p95/p99 and the share of
`X-Cache: HIT` are printed. Then, `HERNE_BENCH_EDITS` (default 10) times: the page is
in the cache, its title is changed through plone.restapi (PATCH as the Zope
administrator), and an anonymous client asks every 10 ms until the new title shows;
the time from the PATCH's answer to the first page with the new title is printed.
Last, uncached through HAProxy, one client, interleaved: the service page against a
plain Document with six paragraphs (the one of bench_throughput.py),
`HERNE_BENCH_PAGE_REQUESTS` (default 60) each; p50 and the ratio. Then the same pages
in blocks of 20 requests, one page after the other, `HERNE_BENCH_CPU_BLOCKS` (default 5)
blocks each: the CPU time the
Zope instances (``runwsgi``) spent per page, read from /proc around each block, which
other processes on the machine disturb far less than the wall clock.
`HERNE_BENCH_PORT` (default 18480; the ports up to +14) moves the cluster.
"""

import asyncio
import os
from pathlib import Path
import pytest
import requests
import secrets
import statistics
import sys
import time


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loadtest.cluster_process import start_cluster  # noqa: E402
from loadtest.cluster_process import stop_cluster  # noqa: E402
from scripts.cluster import Settings  # noqa: E402
from scripts.cluster import drop_database  # noqa: E402
from scripts.cluster import varnish_binary  # noqa: E402


REQUESTS = int(os.environ.get("HERNE_BENCH_REQUESTS", "5000"))
UNCACHED_REQUESTS = int(os.environ.get("HERNE_BENCH_UNCACHED_REQUESTS", "200"))
CONNECTIONS = int(os.environ.get("HERNE_BENCH_CONNECTIONS", "20"))
EDITS = int(os.environ.get("HERNE_BENCH_EDITS", "10"))
PAGE_REQUESTS = int(os.environ.get("HERNE_BENCH_PAGE_REQUESTS", "60"))
PORT = int(os.environ.get("HERNE_BENCH_PORT", "18480"))
CPU_BLOCKS = int(os.environ.get("HERNE_BENCH_CPU_BLOCKS", "5"))
SERVER_DSN = os.environ.get(
    "HERNE_TEST_PG_DSN", "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
)
SERVICE_PAGE = "/herne/leistungen/hundesteuer"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


async def _one_connection(port, path, count, latencies, hits):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = f"GET {path} HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n".encode()
    try:
        for _ in range(count):
            started = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            assert lines[0].split(" ")[1] == "200", lines[0]
            headers = {
                name.strip().lower(): value.strip()
                for name, _, value in (line.partition(":") for line in lines[1:] if line)
            }
            await reader.readexactly(int(headers["content-length"]))
            latencies.append((time.perf_counter() - started) * 1000)
            hits.append(headers.get("x-cache") == "HIT")
    finally:
        writer.close()


async def _load(port, path, total, connections):
    latencies, hits = [], []
    shares = [
        total // connections + (1 if n < total % connections else 0) for n in range(connections)
    ]
    started = time.perf_counter()
    await asyncio.gather(
        *(_one_connection(port, path, share, latencies, hits) for share in shares if share)
    )
    elapsed = time.perf_counter() - started
    return {
        "requests": total,
        "connections": connections,
        "rps": total / elapsed,
        "p50": percentile(latencies, 0.5),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
        "hits": sum(hits) / len(hits),
    }


def load(port, path, total, connections):
    return asyncio.run(_load(port, path, total, connections))


def edit_to_visible(base):
    """Seconds from the PATCH's answer to the first anonymous page showing the new title."""
    url = base + SERVICE_PAGE
    requests.get(url, timeout=60)
    cached = requests.get(url, timeout=60)
    assert cached.headers.get("X-Cache") == "HIT"
    title = f"Hundesteuer {secrets.token_hex(3)}"
    answer = requests.patch(
        url,
        json={"title": title},
        auth=("admin", "admin"),
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert answer.status_code == 204, answer.text[:300]
    saved = time.perf_counter()
    while title not in requests.get(url, timeout=60).text:
        assert time.perf_counter() - saved < 30, "edit not visible after 30 s"
        time.sleep(0.01)
    return time.perf_counter() - saved


def instance_cpu_seconds(root_pid):
    """User and system CPU time of the ``runwsgi`` processes below ``root_pid`` (Linux /proc)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            command = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        children[int(entry)] = (int(fields[1]), b"runwsgi" in command, fields)
    below = {root_pid}
    changed = True
    while changed:
        changed = False
        for pid, (parent, _is_instance, _fields) in children.items():
            if parent in below and pid not in below:
                below.add(pid)
                changed = True
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(
        (int(fields[11]) + int(fields[12])) / ticks
        for pid, (_parent, is_instance, fields) in children.items()
        if pid in below and is_instance
    )


def instance_cpu_per_page(pages, root_pid, session, blocks=CPU_BLOCKS, block=20):
    """Milliseconds of the instances' CPU per request of each page, median of the blocks."""
    spent = {name: [] for name in pages}
    for _ in range(blocks):
        for name, url in pages.items():
            before = instance_cpu_seconds(root_pid)
            for _ in range(block):
                session.get(url, timeout=120)
            spent[name].append((instance_cpu_seconds(root_pid) - before) * 1000 / block)
    return {name: statistics.median(values) for name, values in spent.items()}


def service_against_plain_page(base, root_pid=None):
    """Uncached (through HAProxy), one client, the two pages interleaved: p50 of each."""
    from bench_throughput import DOCUMENT_ID
    from bench_throughput import create_document

    create_document(base + "/herne")
    pages = {"service": base + SERVICE_PAGE, "plain": f"{base}/herne/{DOCUMENT_ID}"}
    times = {name: [] for name in pages}
    session = requests.Session()
    for url in pages.values():
        for _ in range(5):
            session.get(url, timeout=120)
    for _ in range(PAGE_REQUESTS):
        for name, url in pages.items():
            started = time.perf_counter()
            response = session.get(url, timeout=120)
            times[name].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200 and response.headers.get("X-Cache") is None
    result = {name: percentile(values, 0.5) for name, values in times.items()}
    if root_pid is not None:
        result["cpu"] = instance_cpu_per_page(pages, root_pid, session)
    return result


def test_public_cache(tmp_path):
    from tests.fixtures.cluster import haproxy_installed
    from tests.fixtures.cluster import postgresql_reachable

    if postgresql_reachable() or not haproxy_installed():
        pytest.skip("PostgreSQL and HAProxy are needed")
    varnish_binary()
    database = f"herne_bench_cache_{secrets.token_hex(3)}"
    settings = Settings(
        dsn=SERVER_DSN.replace("dbname=postgres", f"dbname={database}"),
        instances=2,
        host="127.0.0.1",
        port=PORT + 10,
        first_port=PORT + 11,
        directory=tmp_path / "cluster",
        cache=True,
    )
    settings.directory.mkdir(parents=True)
    load_before = os.getloadavg()
    with open(settings.directory / "cluster.log", "ab") as log:
        process = start_cluster(settings, log)
    try:
        base = f"http://127.0.0.1:{settings.port}"
        load(settings.port, SERVICE_PAGE, 50, 2)  # in the cache
        cached = load(settings.port, SERVICE_PAGE, REQUESTS, CONNECTIONS)
        load(settings.balancer_port, SERVICE_PAGE, 10, 2)
        uncached = load(settings.balancer_port, SERVICE_PAGE, UNCACHED_REQUESTS, 4)
        visible = [edit_to_visible(base) for _ in range(EDITS)]
        pages = service_against_plain_page(
            f"http://127.0.0.1:{settings.balancer_port}", root_pid=process.pid
        )
    finally:
        stop_cluster(process)
        drop_database(settings.dsn)
    load_after = os.getloadavg()
    print(
        f"\nMachine: {os.cpu_count()} cores, load average {load_before[0]:.2f} before,"
        f" {load_after[0]:.2f} after"
    )
    print("| path | requests | connections | requests/s | p50 | p95 | p99 | X-Cache HIT |")
    print("|---|---|---|---|---|---|---|---|")
    for name, result in (("Varnish (cache)", cached), ("HAProxy (no cache)", uncached)):
        print(
            f"| {name} | {result['requests']} | {result['connections']} | {result['rps']:.0f}"
            f" | {result['p50']:.1f} ms | {result['p95']:.1f} ms | {result['p99']:.1f} ms"
            f" | {result['hits']:.1%} |"
        )
    print(
        f"Edit visible to anonymous after: median {statistics.median(visible) * 1000:.0f} ms,"
        f" max {max(visible) * 1000:.0f} ms ({len(visible)} edits)"
    )
    print(
        f"Uncached through HAProxy, one client, {PAGE_REQUESTS} each: service page p50"
        f" {pages['service']:.0f} ms, plain page p50 {pages['plain']:.0f} ms,"
        f" {pages['service'] / pages['plain']:.2f}x"
    )
    cpu = pages["cpu"]
    print(
        f"Instances' CPU time per page (median of {CPU_BLOCKS} blocks of 20): service page"
        f" {cpu['service']:.1f} ms, plain page {cpu['plain']:.1f} ms,"
        f" {cpu['service'] / cpu['plain']:.2f}x"
    )
    assert max(visible) < 1.0
