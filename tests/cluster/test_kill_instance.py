"""Crash safety of the cluster, small size: one of two instances killed (SIGKILL) under load.

``loadtest/run.py`` with the crash drill on the cluster of ``conftest.py``: 5
citizens, 30 submissions; once 10 are acknowledged, instance 2 gets SIGKILL in the
middle of a write (a submission or log-in it is working on) and comes back 3 s
later. The run's checks: every acknowledged submission in the
database with its PDF and its one mail, no reference number twice, no form filed
twice, nothing else in the database but submissions committed just before their
answer was lost, and no failed request but lost answers inside the kill window.
"""

import json
from pathlib import Path
import pytest
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

USERS = 5
SUBMISSIONS = 30
KILL_AFTER = 10


def test_killing_an_instance_loses_no_acknowledged_submission(cluster):
    settings, env = cluster
    output = settings.directory / "loadtest-kill"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "loadtest" / "run.py"),
            "--users",
            str(USERS),
            "--submissions",
            str(SUBMISSIONS),
            "--spawn-rate",
            str(USERS),
            "--run-time",
            "5m",
            "--kill-instance",
            "2",
            "--kill-instance-after-submissions",
            str(KILL_AFTER),
            "--kill-during-write",
            "--restart-killed",
            "--restart-pause",
            "3",
            "--output",
            str(output),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    report_file = output / "report.json"
    assert report_file.exists(), result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(report_file.read_text())
    failed = [check for check in report["checks"] if not check["ok"]]
    assert failed == [], result.stdout[-3000:]
    assert result.returncode == 0, result.stdout[-3000:]
    crash = report["crash"]
    assert crash["drill"]["killed"]["instance"] == "instance2"
    assert crash["drill"]["killed"]["write_in_flight_at_kill"]
    assert crash["drill"]["acknowledged_before_kill"] >= KILL_AFTER
    assert crash["submissions"]["acknowledged"] == SUBMISSIONS
    # The report names what the kill cost, in both views.
    assert {"locust", "balancer"} <= set(crash["failed_requests"])
    assert "committed_never_shown" in crash["submissions"]
