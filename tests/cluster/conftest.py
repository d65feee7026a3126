"""The cluster the tests in this folder share: started once, on free ports, with a throw-away database.

Skipped when PostgreSQL cannot be reached at ``HERNE_TEST_PG_DSN`` or HAProxy is
not installed (Debian package ``haproxy``; ``.ci/run`` installs it). Varnish
(Debian package ``varnish``) sits in front when installed; without it the cluster
runs without a cache and the cache's own tests skip.
"""

import os
from pathlib import Path
import pytest
import secrets
import signal
import subprocess
import sys
import time


ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.cluster import Settings  # noqa: E402
from scripts.cluster import drop_database  # noqa: E402
from tests.fixtures.cluster import SERVER_DSN  # noqa: E402
from tests.fixtures.cluster import free_ports  # noqa: E402
from tests.fixtures.cluster import skip_without_postgresql_and_haproxy  # noqa: E402
from tests.fixtures.cluster import varnish_installed  # noqa: E402


INSTANCES = 2


@pytest.fixture(scope="session")
def cluster(tmp_path_factory):
    """(settings, environment) of a running cluster of two instances; stopped at the end."""
    skip_without_postgresql_and_haproxy(SERVER_DSN)
    # The public port, the instances, HAProxy behind the cache.
    base = free_ports(INSTANCES + 2)
    database = f"herne_test_{os.getpid()}_{secrets.token_hex(3)}"
    dsn = SERVER_DSN.replace("dbname=postgres", f"dbname={database}")
    settings = Settings(
        dsn=dsn,
        instances=INSTANCES,
        host="127.0.0.1",
        port=base,
        first_port=base + 1,
        directory=tmp_path_factory.mktemp("cluster"),
        cache=bool(varnish_installed()),
    )
    env = {
        **os.environ,
        "HERNE_CLUSTER_DSN": settings.dsn,
        "HERNE_CLUSTER_INSTANCES": str(settings.instances),
        "HERNE_CLUSTER_HOST": settings.host,
        "HERNE_CLUSTER_PORT": str(settings.port),
        "HERNE_CLUSTER_FIRST_PORT": str(settings.first_port),
        "HERNE_CLUSTER_DIR": str(settings.directory),
        "HERNE_CLUSTER_CACHE": "1" if settings.cache else "0",
    }
    log = open(settings.directory / "cluster.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "cluster.py"), "start"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 600
        while not settings.ready_file.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                tail = (settings.directory / "cluster.log").read_text(errors="replace")[-3000:]
                pytest.fail(f"the cluster did not start:\n{tail}")
            time.sleep(1)
        yield settings, env
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        drop_database(dsn)
