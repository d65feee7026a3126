"""The cluster of a run: ``scripts/cluster.py start`` as a child, and zconsole scripts in it."""

import os
from pathlib import Path
from scripts.cluster import BIN
import signal
import subprocess
import sys
import time


ROOT = Path(__file__).resolve().parents[1]


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
        "HERNE_CLUSTER_CACHE": "1" if settings.cache else "0",
        "HERNE_CLUSTER_BALANCER_PORT": str(settings.balancer_port_setting),
    }


def zconsole(settings, script, **env):
    subprocess.run(
        [str(BIN / "zconsole"), "run", str(settings.zope_conf), str(ROOT / "loadtest" / script)],
        cwd=ROOT,
        env={**os.environ, "HERNE_SITE_ID": settings.site_id, **env},
        check=True,
        stdout=subprocess.DEVNULL,
    )
