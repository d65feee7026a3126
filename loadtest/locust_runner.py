"""Locust headless with the citizens of ``locustfile.py``, as a child process of a runner."""

import os
from pathlib import Path
from scripts.cluster import BIN
import subprocess
import time


ROOT = Path(__file__).resolve().parents[1]


def locust_command(args, port, run_time):
    """The locust command line: ``args.users`` citizens against the port, only the summary."""
    return [
        str(BIN / "locust"),
        "-f",
        str(ROOT / "loadtest" / "locustfile.py"),
        "--headless",
        "--users",
        str(args.users),
        "--spawn-rate",
        str(args.spawn_rate),
        "--run-time",
        run_time,
        "--host",
        f"http://127.0.0.1:{port}",
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]


def locust_environment(args, site_id, summary_file, progress_file):
    """What ``locustfile.py`` reads: submissions in total, summary and progress files, site."""
    return {
        **os.environ,
        "HERNE_LOADTEST_SUBMISSIONS": str(args.submissions),
        "HERNE_LOADTEST_SUMMARY": str(summary_file),
        "HERNE_LOADTEST_PROGRESS": str(progress_file or ""),
        "HERNE_SITE_ID": site_id,
    }


def run_locust(args, settings, summary_file, progress_file=None, drill=None):
    """Locust against the balancer (or the instance) at ``settings.port``; returns its duration.

    A crash ``drill`` (``crash.CrashDrill``) runs alongside and is finished with it.
    """
    command = locust_command(args, settings.port, args.run_time)
    env = locust_environment(args, settings.site_id, summary_file, progress_file)
    started = time.monotonic()
    locust = subprocess.Popen(command, cwd=ROOT, env=env)
    if drill is not None:
        drill.start()
    try:
        locust.wait()
    finally:
        if locust.poll() is None:
            locust.terminate()
            locust.wait()
        if drill is not None:
            drill.finish()
    return time.monotonic() - started
