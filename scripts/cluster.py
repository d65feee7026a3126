"""Cluster mode: Zope instances on RelStorage (PostgreSQL) behind HAProxy and Varnish, started and stopped together.

    .venv/bin/python scripts/cluster.py start     # foreground; Ctrl-C stops everything
    .venv/bin/python scripts/cluster.py stop      # stops a cluster started elsewhere
    .venv/bin/python scripts/cluster.py kill --instance 2      # SIGKILL, as in a crash
    .venv/bin/python scripts/cluster.py restart --instance 2   # start it again

``start`` creates the PostgreSQL database if it is missing, writes the
configuration from ``etc/cluster-zope.conf.in``, ``etc/cluster-zope.ini.in`` and
``etc/haproxy.cfg.in`` (with the write gate ``etc/haproxy-write-gate.cfg.in`` only
with ``--write-slots N`` or ``HERNE_WRITE_QUEUE=on``; none by default) (and
``etc/varnish.vcl.in``) into the cluster directory,
creates the Herne site with its demo content once (``scripts/create_site.py``
through zconsole), points Plone's cache purging at the cache
(``scripts/cache_proxy.py``), starts the instances on consecutive ports, HAProxy
in front of them and Varnish in front of HAProxy on the public port (``--no-cache``
or ``HERNE_CLUSTER_CACHE=0``: HAProxy on the public port, no cache), waits until
all answer, and stays in the foreground until Ctrl-C or SIGTERM (``stop``).
``kill`` sends SIGKILL to one instance (the crash drill of the load test);
``restart`` asks the running ``start`` to start a dead instance again and waits
until it answers.
Settings come from the command line or the environment (see ``--help``).
"""

import argparse
import base64
from dataclasses import dataclass
from dataclasses import field
from herne.portal.write_queue import default_slots
import json
import os
from pathlib import Path
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request


ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
DEFAULT_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=herne_cluster"
HEALTH_TIMEOUT = 300


def env_int(name, default):
    return int(os.environ.get(name, default))


def env_flag(name, default):
    return os.environ.get(name, default).strip().lower() not in ("0", "no", "false", "off", "")


@dataclass
class Settings:
    """Where and how the cluster runs; defaults from ``HERNE_CLUSTER_*`` variables."""

    dsn: str = field(default_factory=lambda: os.environ.get("HERNE_CLUSTER_DSN", DEFAULT_DSN))
    instances: int = field(default_factory=lambda: env_int("HERNE_CLUSTER_INSTANCES", 2))
    host: str = field(default_factory=lambda: os.environ.get("HERNE_CLUSTER_HOST", "127.0.0.1"))
    port: int = field(default_factory=lambda: env_int("HERNE_CLUSTER_PORT", 8080))
    first_port: int = field(default_factory=lambda: env_int("HERNE_CLUSTER_FIRST_PORT", 8081))
    threads: int = field(default_factory=lambda: env_int("HERNE_CLUSTER_THREADS", 4))
    #: Writes the whole cluster works on at once (HAProxy's write gate); 0: no gate, the
    #: writes go to the instances as they come. Default 0, or 1 with HERNE_WRITE_QUEUE=on.
    write_slots: int = field(
        default_factory=lambda: env_int("HERNE_CLUSTER_WRITE_SLOTS", default_slots())
    )
    conflict_retries: int = field(default_factory=lambda: env_int("HERNE_CLUSTER_RETRIES", 5))
    directory: Path = field(
        default_factory=lambda: Path(os.environ.get("HERNE_CLUSTER_DIR", ROOT / "var" / "cluster"))
    )
    site_id: str = field(default_factory=lambda: os.environ.get("HERNE_SITE_ID", "herne"))
    #: Varnish on the public port in front of HAProxy (HERNE_CLUSTER_CACHE=0: no cache).
    cache: bool = field(default_factory=lambda: env_flag("HERNE_CLUSTER_CACHE", "1"))
    #: HAProxy's port behind the cache; default: the port after the last instance.
    balancer_port_setting: int = field(
        default_factory=lambda: env_int("HERNE_CLUSTER_BALANCER_PORT", 0)
    )

    @property
    def balancer_port(self):
        """Where HAProxy listens: behind the cache, or on the public port without one."""
        if not self.cache:
            return self.port
        return self.balancer_port_setting or self.first_port + self.instances

    @property
    def cache_url(self):
        """The address Plone sends its PURGE requests to (None without a cache)."""
        if not self.cache:
            return None
        host = "127.0.0.1" if self.host in ("0.0.0.0", "", "localhost") else self.host
        return f"http://{host}:{self.port}"

    @property
    def instance_ports(self):
        return [self.first_port + number for number in range(self.instances)]

    @property
    def zope_conf(self):
        return self.directory / "etc" / "zope.conf"

    @property
    def public_url(self):
        return f"http://localhost:{self.port}/{self.site_id}"

    @property
    def pid_file(self):
        return self.directory / "run" / "cluster.pid"

    @property
    def children_file(self):
        return self.directory / "run" / "children.json"

    @property
    def ready_file(self):
        return self.directory / "run" / "ready"

    @property
    def stats_socket(self):
        return self.directory / "run" / "haproxy.sock"

    def restart_request(self, name):
        """The file by which ``restart`` asks the running ``start`` to start ``name`` again."""
        return self.directory / "run" / f"restart-{name}"


# --- PostgreSQL --------------------------------------------------------------------------


def _maintenance_connection(dsn):
    """A connection to the server's ``postgres`` database, for CREATE/DROP DATABASE."""
    import psycopg2
    from psycopg2.extensions import make_dsn
    from psycopg2.extensions import parse_dsn

    params = parse_dsn(dsn)
    database = params.pop("dbname", None)
    if not database:
        raise SystemExit(f"The DSN names no database (dbname=...): {dsn!r}")
    connection = psycopg2.connect(make_dsn(**params, dbname="postgres"))
    connection.autocommit = True
    return connection, database


def ensure_database(dsn):
    """Create the cluster's database unless it exists; returns whether it was created."""
    from psycopg2 import sql

    connection, database = _maintenance_connection(dsn)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,))
            if cursor.fetchone():
                return False
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
            return True
    finally:
        connection.close()


def drop_database(dsn):
    """Remove the database (the tests' throw-away databases)."""
    from psycopg2 import sql

    connection, database = _maintenance_connection(dsn)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
            )
    finally:
        connection.close()


# --- configuration -----------------------------------------------------------------------


def fill(template, values):
    text = (ROOT / "etc" / template).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", str(value))
    return text


def write_configs(settings):
    """The shared zope.conf, one WSGI ini per instance and the HAProxy configuration."""
    directory = settings.directory
    for sub in ("etc", "log", "run", "cache", "blobstorage"):
        (directory / sub).mkdir(parents=True, exist_ok=True)
    # ZConfig substitutes $names: a literal dollar in the DSN (a password) is written $$.
    common = {
        "CLUSTER_DIR": directory,
        "DSN": settings.dsn.replace("$", "$$"),
        "CONFLICT_RETRIES": settings.conflict_retries,
        "THREADS": settings.threads,
    }
    (directory / "etc" / "zope.conf").write_text(fill("cluster-zope.conf.in", common))
    shutil.copy(ROOT / "etc" / "site.zcml", directory / "etc" / "site.zcml")
    if settings.write_slots < 0:
        raise SystemExit("--write-slots: 0 (no write gate) or more")
    servers, write_servers = [], []
    for number, port in enumerate(settings.instance_ports, start=1):
        name = f"instance{number}"
        ini = fill("cluster-zope.ini.in", {**common, "NAME": name, "PORT": port})
        (directory / "etc" / f"{name}.ini").write_text(ini)
        # observe layer4: the first connection an instance refuses takes it out at once. A
        # killed instance refuses at once, so it looked free next to a busy live one, and
        # until the health check (two checks, 2 s apart) took it out every waiting request
        # was sent there and answered with 503 (issue 20: 139 in the crash drill without the
        # write queue). Taken out, it is back with the first health check it passes.
        check = (
            f"127.0.0.1:{port} check inter 2s fall 2 rise 1"
            " observe layer4 error-limit 1 on-error mark-down"
        )
        # maxconn: with the write gate, reads get the threads a write leaves free; without
        # it, reads and writes share them. Either way one thread answers the health check
        # (an instance busy on every thread misses it and is taken out: 503), and the rest
        # wait at the balancer.
        servers.append(f"    server {name} {check} maxconn {max(1, settings.threads - 1)}")
        write_servers.append(f"    server {name} {check}")
    if settings.cache:
        # Varnish in front sets X-Forwarded-For to the visitor's address; keep it.
        forwarded = "# X-Forwarded-For comes from Varnish in front (the visitor's address)."
    else:
        forwarded = "http-request del-header X-Forwarded-For"
    if settings.write_slots:
        route = "    acl write method POST PUT PATCH DELETE\n    use_backend zope_writes if write"
        gate = "\n" + fill(
            "haproxy-write-gate.cfg.in",
            {
                "PORT": settings.balancer_port,
                "WRITE_SERVERS": "\n".join(write_servers),
                "WRITE_SLOTS": settings.write_slots,
            },
        )
    else:
        route = "    # No write gate (the default): writes go to backend zope like the reads."
        gate = ""
    haproxy = fill(
        "haproxy.cfg.in",
        {
            "HOST": "127.0.0.1" if settings.cache else settings.host,
            "PORT": settings.balancer_port,
            "FORWARDED_FOR": forwarded,
            "WRITE_ROUTE": route,
            "SERVERS": "\n".join(servers),
            "WRITE_GATE": gate,
            "STATS_SOCKET": settings.stats_socket,
        },
    )
    (directory / "etc" / "haproxy.cfg").write_text(haproxy)
    if settings.cache:
        extra = "" if settings.host in ("0.0.0.0", "", "localhost", "127.0.0.1") else settings.host
        vcl = fill(
            "varnish.vcl.in",
            {
                "BALANCER_PORT": settings.balancer_port,
                "PURGE_HOSTS": f'    "{extra}";' if extra else "",
            },
        )
        (directory / "etc" / "varnish.vcl").write_text(vcl)


def debian_binary(name, package, title):
    """A program from Debian's packages, installed with apt-get where it is missing."""
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/local/sbin")
    if found:
        return found
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print(f"Installing {title} (Debian package {package}) ...", flush=True)
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
    subprocess.run(
        [*sudo, "apt-get", "install", "-y", "-qq", package],
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
    return shutil.which(name, path="/usr/sbin:/usr/bin:/usr/local/sbin")


def haproxy_binary():
    return debian_binary("haproxy", "haproxy", "HAProxy")


def varnish_binary():
    return debian_binary("varnishd", "varnish", "Varnish")


def varnish_command(settings, varnishd):
    """Varnish in the foreground, its work files in the cluster directory, no jail."""
    return [
        varnishd,
        "-F",
        "-j",
        "none",
        "-n",
        str(settings.directory / "run" / "varnish"),
        "-a",
        f"{settings.host}:{settings.port}",
        "-f",
        str(settings.directory / "etc" / "varnish.vcl"),
        "-s",
        "malloc,256m",
        "-p",
        "vsl_space=16M",
    ]


def zconsole(settings, script, env=None, check=True):
    """Run ``script`` inside the cluster's Zope (its own process, next to the instances)."""
    return subprocess.run(
        [str(BIN / "zconsole"), "run", str(settings.zope_conf), str(script)],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        check=check,
    )


def create_site(settings):
    """The Herne site with demo content, once per database."""
    marker = settings.directory / "site-created"
    if marker.exists() and marker.read_text() == settings.dsn:
        return
    print(f"Creating the site {settings.site_id!r} in PostgreSQL (once) ...", flush=True)
    zconsole(
        settings,
        ROOT / "scripts" / "create_site.py",
        env={"HERNE_PUBLIC_URL": settings.public_url, "HERNE_SITE_ID": settings.site_id},
    )
    marker.write_text(settings.dsn)


def point_purging_at_cache(settings):
    """Plone's cache purging sends to this cluster's Varnish (or nowhere), set once per change."""
    marker = settings.directory / "cache-proxy"
    wanted = f"{settings.dsn}\n{settings.cache_url or ''}"
    if marker.exists() and marker.read_text() == wanted:
        return
    zconsole(
        settings,
        ROOT / "scripts" / "cache_proxy.py",
        env={"HERNE_CACHE_PROXY": settings.cache_url or "", "HERNE_SITE_ID": settings.site_id},
    )
    marker.write_text(wanted)


def prepare(settings):
    write_configs(settings)
    if ensure_database(settings.dsn):
        print(f"Created the PostgreSQL database ({settings.dsn})", flush=True)
        # A new database holds no site, whatever an earlier database had.
        (settings.directory / "site-created").unlink(missing_ok=True)
        (settings.directory / "cache-proxy").unlink(missing_ok=True)
    create_site(settings)
    point_purging_at_cache(settings)


# --- processes ---------------------------------------------------------------------------


def answers(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


#: Pages requested once, one after the other, so that an instance's templates are
#: compiled before citizens wait for them. Python 3.11 can fail to compile two templates
#: at the same moment in two threads ("SystemError: AST constructor recursion depth
#: mismatch", CPython gh-106905, chameleon #387): herne.portal.template_compilation
#: compiles one at a time per process, also for requests that come in while (after a
#: restart) the warm-up is still running. CHAMELEON_CACHE keeps only the templates
#: stored in the database across restarts, not the file-system ones (seen 2026-12-05).
WARM_UP_PAGES = (
    "",
    "/login",
    "/leistungen",
    "/leistungen/hundesteuer",
    "/leistungen/hundesteuer/antrag",
    "/@@postkorb",
    "/@@lebenslagen",
    "/@@leistungssuche?SearchableText=Hund",
)


def warm_up(settings, port):
    """Render the common pages once as the Zope administrator (every widget shows)."""
    user = os.environ.get("HERNE_ADMIN_USER", "admin")
    password = os.environ.get("HERNE_ADMIN_PASSWORD", "admin")
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    base = f"http://127.0.0.1:{port}/{settings.site_id}"

    def get(url, accept="text/html"):
        request = urllib.request.Request(
            url, headers={"Authorization": f"Basic {token}", "Accept": accept}
        )
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.read()
        except (OSError, urllib.error.URLError) as error:
            print(f"warning: warm-up of {url} failed: {error}", flush=True)
            return b""

    for page in WARM_UP_PAGES:
        get(base + page)
    # An application's page, where there is one already.
    found = get(f"{base}/@search?portal_type=Application&b_size=1", accept="application/json")
    items = json.loads(found or b"{}").get("items") or []
    if items:
        get(items[0]["@id"])


class Cluster:
    """The instances and the balancer of one cluster directory, as child processes."""

    def __init__(self, settings):
        self.settings = settings
        self.processes = {}

    def _spawn(self, name, command):
        log = open(self.settings.directory / "log" / f"{name}.out", "ab")  # noqa: SIM115
        # Own session: Ctrl-C reaches only this script, which then stops the children in order.
        self.processes[name] = subprocess.Popen(
            command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()

    def _spawn_instance(self, number):
        ini = self.settings.directory / "etc" / f"instance{number}.ini"
        self._spawn(f"instance{number}", [str(BIN / "runwsgi"), str(ini)])

    def start(self):
        """Instances first, each warmed up; then the balancer hands them requests; the cache in front."""
        settings = self.settings
        haproxy = haproxy_binary()
        varnishd = varnish_binary() if settings.cache else None
        for number in range(1, settings.instances + 1):
            self._spawn_instance(number)
        self._record_children()
        self.wait_until_healthy(settings.instance_ports)
        for port in settings.instance_ports:
            warm_up(settings, port)
        self._spawn(
            "haproxy", [haproxy, "-db", "-f", str(settings.directory / "etc" / "haproxy.cfg")]
        )
        self._record_children()
        self.wait_until_healthy([settings.balancer_port])
        if varnishd:
            self._spawn("varnish", varnish_command(settings, varnishd))
            self._record_children()
            self.wait_until_healthy([settings.port])

    def _record_children(self):
        pids = {name: process.pid for name, process in self.processes.items()}
        self.settings.children_file.write_text(json.dumps(pids))

    def wait_until_healthy(self, ports, timeout=HEALTH_TIMEOUT):
        settings = self.settings
        urls = [f"http://127.0.0.1:{port}/{settings.site_id}/@@ok" for port in ports]
        deadline = time.monotonic() + timeout
        waiting = list(urls)
        while waiting:
            dead = self.dead()
            if dead:
                raise RuntimeError(
                    f"ended during start-up: {', '.join(dead)} (see {settings.directory}/log)"
                )
            if time.monotonic() > deadline:
                raise RuntimeError(f"not answering after {timeout} s: {', '.join(waiting)}")
            waiting = [url for url in waiting if not answers(url)]
            if waiting:
                time.sleep(1)

    def dead(self):
        return [name for name, process in self.processes.items() if process.poll() is not None]

    def restart_requested(self):
        """Start again the dead instances ``restart`` asked for; returns their names.

        The balancer's health check sends the instance requests again as soon as it
        answers ``/@@ok``; it is warmed up first all the same (templates compiled before
        the crash come from the cache).
        """
        restarted = []
        for number, port in enumerate(self.settings.instance_ports, start=1):
            name = f"instance{number}"
            request = self.settings.restart_request(name)
            if not request.exists():
                continue
            if self.processes[name].poll() is not None:
                print(f"Restarting {name} ...", flush=True)
                self._spawn_instance(number)
                self._record_children()
                url = f"http://127.0.0.1:{port}/{self.settings.site_id}/@@ok"
                deadline = time.monotonic() + HEALTH_TIMEOUT
                while not answers(url):
                    if self.processes[name].poll() is not None or time.monotonic() > deadline:
                        print(f"warning: {name} did not come back (see its log)", flush=True)
                        break
                    time.sleep(0.5)
                else:
                    warm_up(self.settings, port)
                    print(f"{name} is back", flush=True)
                restarted.append(name)
            request.unlink(missing_ok=True)
        return restarted

    def stop(self, timeout=30):
        """Cache and balancer first (no new requests), then the instances; SIGKILL after ``timeout``."""
        front = ("varnish", "haproxy")
        balancer = [name for name in self.processes if name in front]
        instances = [name for name in self.processes if name not in front]
        for group in (balancer, instances):
            for name in group:
                if self.processes[name].poll() is None:
                    self.processes[name].terminate()
            deadline = time.monotonic() + timeout
            for name in group:
                try:
                    self.processes[name].wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    self.processes[name].kill()
                    self.processes[name].wait()
        self.settings.children_file.unlink(missing_ok=True)


# --- commands ----------------------------------------------------------------------------


class Stop(Exception):
    """Raised by the signal handler to leave the foreground loop."""


def _raise_stop(signum, frame):
    raise Stop(signal.Signals(signum).name)


def start(settings):
    running = running_pid(settings)
    if running:
        raise SystemExit(f"A cluster is already running from {settings.directory} (pid {running}).")
    prepare(settings)
    settings.pid_file.write_text(str(os.getpid()))
    settings.ready_file.unlink(missing_ok=True)
    cluster = Cluster(settings)
    signal.signal(signal.SIGTERM, _raise_stop)
    signal.signal(signal.SIGINT, _raise_stop)
    try:
        cluster.start()
        settings.ready_file.write_text(json.dumps({"url": settings.public_url}))
        ports = ", ".join(str(port) for port in settings.instance_ports)
        if settings.cache:
            front = (
                f"Varnish on {settings.host}:{settings.port},"
                f" HAProxy on 127.0.0.1:{settings.balancer_port}"
            )
        else:
            front = f"HAProxy on {settings.host}:{settings.port}"
        print(
            f"Cluster ready: {settings.public_url} ({front},"
            f" instances on 127.0.0.1:{ports}; logs in {settings.directory / 'log'})."
            " Ctrl-C stops it.",
            flush=True,
        )
        reported = set()
        while True:
            time.sleep(0.5)
            reported -= set(cluster.restart_requested())
            for name in set(cluster.dead()) - reported:
                print(f"warning: {name} has ended (see its log); the balancer skips it", flush=True)
                reported.add(name)
    except Stop as stop:
        print(f"Stopping the cluster ({stop}) ...", flush=True)
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        cluster.stop()
        settings.ready_file.unlink(missing_ok=True)
        settings.pid_file.unlink(missing_ok=True)
        print("Cluster stopped.", flush=True)


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def running_pid(settings):
    try:
        pid = int(settings.pid_file.read_text())
    except (OSError, ValueError):
        return None
    return pid if _alive(pid) else None


def _ours(pid, settings):
    """Whether ``pid`` still is a process of this cluster (not a recycled pid)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return False
    return str(settings.directory) in cmdline


def stop(settings, timeout=60):
    """Ask the supervising ``start`` to stop; clean up its children if it is gone."""
    pid = running_pid(settings)
    if pid:
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
    try:
        children = json.loads(settings.children_file.read_text())
    except (OSError, ValueError):
        children = {}
    for name, child in children.items():
        if _alive(child) and _ours(child, settings):
            print(f"stopping left-over {name} (pid {child})")
            os.kill(child, signal.SIGTERM)
    settings.children_file.unlink(missing_ok=True)
    settings.pid_file.unlink(missing_ok=True)
    print("Cluster stopped." if pid or children else "No cluster was running.")


def _instance_pid(settings, name):
    try:
        children = json.loads(settings.children_file.read_text())
    except (OSError, ValueError):
        children = {}
    pid = children.get(name)
    return pid if pid and _alive(pid) and _ours(pid, settings) else None


def writes_in_progress(settings, number):
    """How many writes instance ``number`` is working on now (HAProxy's statistics socket).

    Without the write gate (the default) HAProxy does not tell writes from reads:
    then the requests of any kind the instance works on.
    """
    import csv
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(5)
        sock.connect(str(settings.stats_socket))
        sock.sendall(b"show stat\n")
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    rows = csv.DictReader(answer.decode().lstrip("# ").splitlines())
    backend = "zope_writes_spread" if settings.write_slots else "zope"
    for row in rows:
        if row["pxname"] == backend and row["svname"] == f"instance{number}":
            return int(row["scur"] or 0)
    return 0


def kill_instance(settings, number):
    """SIGKILL to instance ``number`` of the running cluster, as in a crash; returns its pid."""
    name = f"instance{number}"
    pid = _instance_pid(settings, name)
    if pid is None:
        raise SystemExit(f"{name} of the cluster in {settings.directory} is not running.")
    os.kill(pid, signal.SIGKILL)
    return pid


def restart_instance(settings, number, timeout=HEALTH_TIMEOUT):
    """Ask the running ``start`` to start a dead instance again; wait until it answers."""
    name = f"instance{number}"
    if not running_pid(settings):
        raise SystemExit(f"No cluster is running from {settings.directory}.")
    request = settings.restart_request(name)
    request.write_text(str(time.time()))
    deadline = time.monotonic() + timeout
    while request.exists():
        if time.monotonic() > deadline:
            request.unlink(missing_ok=True)
            raise SystemExit(f"{name} was not restarted within {timeout} s.")
        time.sleep(0.2)
    port = settings.instance_ports[number - 1]
    if not answers(f"http://127.0.0.1:{port}/{settings.site_id}/@@ok"):
        raise SystemExit(f"{name} did not come back (see {settings.directory / 'log'}).")
    return _instance_pid(settings, name)


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["start", "stop", "prepare", "kill", "restart"])
    parser.add_argument(
        "--instance",
        type=int,
        default=None,
        help="kill, restart: the number of the instance (default: the last)",
    )
    defaults = Settings()
    parser.add_argument("--dsn", default=defaults.dsn, help="libpq DSN (HERNE_CLUSTER_DSN)")
    parser.add_argument(
        "--instances", type=int, default=defaults.instances, help="HERNE_CLUSTER_INSTANCES"
    )
    parser.add_argument(
        "--host", default=defaults.host, help="balancer address (HERNE_CLUSTER_HOST)"
    )
    parser.add_argument(
        "--port", type=int, default=defaults.port, help="balancer port (HERNE_CLUSTER_PORT)"
    )
    parser.add_argument(
        "--first-port",
        type=int,
        default=defaults.first_port,
        help="port of the first instance, the others follow (HERNE_CLUSTER_FIRST_PORT)",
    )
    parser.add_argument(
        "--threads", type=int, default=defaults.threads, help="HERNE_CLUSTER_THREADS"
    )
    parser.add_argument(
        "--write-slots",
        type=int,
        default=defaults.write_slots,
        help="writes (POST ...) the whole cluster works on at once; 0: no write gate"
        " (HERNE_CLUSTER_WRITE_SLOTS; default 0, 1 with HERNE_WRITE_QUEUE=on)",
    )
    parser.add_argument(
        "--conflict-retries",
        type=int,
        default=defaults.conflict_retries,
        help="HERNE_CLUSTER_RETRIES",
    )
    parser.add_argument(
        "--directory", type=Path, default=defaults.directory, help="HERNE_CLUSTER_DIR"
    )
    parser.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        default=defaults.cache,
        help="no Varnish in front: HAProxy on the public port (HERNE_CLUSTER_CACHE=0)",
    )
    parser.add_argument(
        "--balancer-port",
        type=int,
        default=defaults.balancer_port_setting,
        help="HAProxy's port behind Varnish (default: after the last instance;"
        " HERNE_CLUSTER_BALANCER_PORT)",
    )
    args = parser.parse_args(argv)
    settings = Settings(
        dsn=args.dsn,
        instances=args.instances,
        host=args.host,
        port=args.port,
        first_port=args.first_port,
        threads=args.threads,
        write_slots=args.write_slots,
        conflict_retries=args.conflict_retries,
        directory=args.directory.resolve(),
        site_id=defaults.site_id,
        cache=args.cache,
        balancer_port_setting=args.balancer_port,
    )
    return args.command, settings, args.instance or settings.instances


def main(argv=None):
    command, settings, instance = parse(argv if argv is not None else sys.argv[1:])
    if command == "start":
        start(settings)
    elif command == "stop":
        stop(settings)
    elif command == "kill":
        print(f"instance{instance} (pid {kill_instance(settings, instance)}) killed")
    elif command == "restart":
        print(f"instance{instance} answers again (pid {restart_instance(settings, instance)})")
    else:
        prepare(settings)


if __name__ == "__main__":
    main()
