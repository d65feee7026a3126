"""The cluster's write gate in HAProxy: none by default, one write at a time with HERNE_WRITE_QUEUE=on."""

from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path
import pytest
import socket
import subprocess
import sys
import threading
import time
import urllib.request


ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.cluster import Settings  # noqa: E402
from scripts.cluster import parse  # noqa: E402
from scripts.cluster import write_configs  # noqa: E402
from tests.fixtures.cluster import free_ports  # noqa: E402
from tests.fixtures.cluster import haproxy_installed  # noqa: E402


@pytest.fixture
def environment(monkeypatch):
    monkeypatch.delenv("HERNE_WRITE_QUEUE", raising=False)
    monkeypatch.delenv("HERNE_CLUSTER_WRITE_SLOTS", raising=False)
    return monkeypatch


def cluster_settings(directory, write_slots, ports=(18080, 18081, 18082)):
    return Settings(
        dsn="host=127.0.0.1 dbname=unused",
        instances=2,
        port=ports[0],
        first_port=ports[1],
        directory=directory,
        cache=False,
        write_slots=write_slots,
    )


def haproxy_config(directory, write_slots):
    write_configs(cluster_settings(directory, write_slots))
    return (directory / "etc" / "haproxy.cfg").read_text()


def test_by_default_the_cluster_has_no_write_gate(environment, tmp_path):
    assert Settings().write_slots == 0
    assert parse(["start"])[1].write_slots == 0
    config = haproxy_config(tmp_path, parse(["start"])[1].write_slots)
    assert "zope_writes" not in config.replace("No write gate", "")
    assert "use_backend" not in config


def test_herne_write_queue_on_closes_the_gate_to_one_write_at_a_time(environment, tmp_path):
    environment.setenv("HERNE_WRITE_QUEUE", "on")
    assert Settings().write_slots == 1
    assert parse(["start"])[1].write_slots == 1
    config = haproxy_config(tmp_path, parse(["start"])[1].write_slots)
    assert "use_backend zope_writes if write" in config
    assert "server gate abns@herne-writes-18080 maxconn 1" in config
    # an explicit number still wins
    assert parse(["start", "--write-slots", "0"])[1].write_slots == 0
    assert parse(["start", "--write-slots", "2"])[1].write_slots == 2
    environment.setenv("HERNE_CLUSTER_WRITE_SLOTS", "3")
    assert Settings().write_slots == 3


def test_write_slots_alone_put_the_gate_in(environment):
    assert parse(["start", "--write-slots", "1"])[1].write_slots == 1
    environment.setenv("HERNE_CLUSTER_WRITE_SLOTS", "2")
    assert Settings().write_slots == 2


def test_without_the_gate_writes_go_to_the_instances_like_reads(environment, tmp_path):
    config = haproxy_config(tmp_path, parse(["start", "--write-slots", "0"])[1].write_slots)
    assert "zope_writes" not in config.replace("No write gate", "")
    assert "use_backend" not in config
    # every instance keeps a thread free for the health check (4 threads: 3 requests)
    assert config.count(" maxconn 3") == 2


def test_a_negative_number_of_write_slots_is_refused(environment, tmp_path):
    with pytest.raises(SystemExit):
        haproxy_config(tmp_path, -1)


# HAProxy itself, in front of two stand-in instances that note how many posts they serve at once.


class StandIn(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port, most, handler=None):
        super().__init__(("127.0.0.1", port), handler or StandInHandler)
        self.most = most


class StandInHandler(BaseHTTPRequestHandler):
    lock = threading.Lock()
    inside = 0

    def log_message(self, *args):
        pass

    def answer(self):
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def do_GET(self):
        self.answer()

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        cls = type(self)
        with cls.lock:
            cls.inside += 1
            self.server.most.append(cls.inside)
        time.sleep(0.3)
        with cls.lock:
            cls.inside -= 1
        self.answer()


@contextmanager
def haproxy_in_front(directory, write_slots, handler=None, dead=()):
    """The rendered HAProxy in front of stand-in instances; ``dead``: numbers of instances not listening.

    Yields the balancer's port and the list of how many posts the instances served at once.
    """
    base = free_ports(3)
    ports = (base, base + 1, base + 2)
    settings = cluster_settings(directory, write_slots, ports)
    write_configs(settings)
    most = []
    servers = [
        StandIn(port, most, handler)
        for number, port in enumerate(ports[1:], start=1)
        if number not in dead
    ]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    haproxy = subprocess.Popen(
        [haproxy_installed(), "-db", "-f", str(directory / "etc" / "haproxy.cfg")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", ports[0]), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield ports[0], most
    finally:
        haproxy.terminate()
        haproxy.wait(timeout=10)
        for server in servers:
            server.shutdown()
            server.server_close()


def most_posts_at_once(directory, write_slots):
    """Eight posts at once through the rendered HAProxy: the most the instances served together."""
    with haproxy_in_front(directory, write_slots) as (port, most):

        def post(_):
            request = urllib.request.Request(f"http://127.0.0.1:{port}/herne", data=b"x=1")
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status

        with ThreadPoolExecutor(8) as pool:
            assert list(pool.map(post, range(8))) == [200] * 8
    return max(most)


@pytest.mark.skipif(not haproxy_installed(), reason="HAProxy is not installed")
def test_haproxy_lets_writes_overlap_only_without_the_gate(environment, tmp_path):
    assert most_posts_at_once(tmp_path / "gate", 1) == 1
    # no gate: both instances at once, each up to its threads less one
    assert 1 < most_posts_at_once(tmp_path / "open", 0) <= 2 * 3


class SlowReads(StandInHandler):
    """An instance whose pages take a while, so that the balancer has requests waiting."""

    def do_GET(self):
        if not self.path.endswith("@@ok"):
            time.sleep(0.2)
        self.answer()


def statuses_with_one_instance_dead(directory, write_slots):
    """24 page requests at once while instance 2 is dead and the health check has not noticed yet."""
    with haproxy_in_front(directory, write_slots, SlowReads, dead={2}) as (port, _most):

        def get(_):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/herne", timeout=30
                ) as response:
                    return response.status
            except urllib.error.HTTPError as error:
                return error.code

        with ThreadPoolExecutor(24) as pool:
            return list(pool.map(get, range(24)))


@pytest.mark.skipif(not haproxy_installed(), reason="HAProxy is not installed")
@pytest.mark.parametrize("write_slots", [0, 1])
def test_a_dead_instance_costs_the_citizens_no_error_page(environment, tmp_path, write_slots):
    # A killed instance refuses connections at once, so to the balancer it looks free while
    # the live one is busy: before the health check took it out (two checks, 2 s apart),
    # every waiting request was sent there, refused, sent there again and answered with 503
    # (139 error pages in the crash drill without the write queue). Its first refused
    # connection takes it out now, and the requests wait for the live instance.
    assert statuses_with_one_instance_dead(tmp_path, write_slots) == [200] * 24
