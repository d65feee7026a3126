"""Crash safety of the outbox: the worker's process killed twice inside outbox steps while citizens submit with FIT-Connect on.

``loadtest/crash_outbox.py`` at a small size: 5 citizens, 40 submissions, one kill
with a FIT-Connect delivery claimed but not sent, one with it sent but its result
not recorded; each kill is made while the worker is held inside its window and
repeated until it hit it. Every application must reach the FIT-Connect test server
exactly once with its attachment's hash right, and every receipt mail arrive once.
"""

import json
from pathlib import Path
import pytest
import subprocess
import sys
from tests.fixtures.ports import free_port


ROOT = Path(__file__).resolve().parents[2]
SUBMISSIONS = 40


@pytest.fixture(scope="module")
def drill(tmp_path_factory):
    folder = tmp_path_factory.mktemp("outbox-drill")
    output = folder / "report"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "loadtest" / "crash_outbox.py"),
            "--users",
            "5",
            "--submissions",
            str(SUBMISSIONS),
            "--windows",
            "claimed,sent",
            "--port",
            str(free_port()),
            "--directory",
            str(folder / "instance"),
            "--output",
            str(output),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    report_file = output / "report.json"
    assert report_file.exists(), result.stdout[-3000:] + result.stderr[-3000:]
    return result, json.loads(report_file.read_text())


@pytest.mark.slow
def test_every_check_of_the_drill_passes(drill):
    result, report = drill
    failed = [check for check in report["checks"] if not check["ok"]]
    assert failed == [], result.stdout[-3000:]
    assert result.returncode == 0


@pytest.mark.slow
def test_both_kills_came_while_a_fit_connect_delivery_was_in_flight(drill):
    _result, report = drill
    assert [(kill["window"], kill["kind"], kill["hit"]) for kill in report["kills"]] == [
        ("claimed", "fit-connect", True),
        ("sent", "fit-connect", True),
    ]
    hits = [
        attempt
        for kill in report["kills"]
        for attempt in kill["attempts"]
        if attempt["outcome"] == "hit"
    ]
    claimed, sent = hits
    # Claimed: the entry was "sending" and FIT-Connect had nothing of it yet.
    assert claimed["held"]["state"] == "sending"
    assert claimed["at_server_before_kill"]["delivered"] == 0
    # Sent: FIT-Connect had taken it once, the outbox still said "sending".
    assert sent["held"]["state"] == "sending"
    assert sent["at_server_before_kill"]["delivered"] == 1


@pytest.mark.slow
def test_every_application_reached_fit_connect_once_with_its_hashes_and_one_mail(drill):
    _result, report = drill
    fit = report["fit_connect"]
    assert report["applications"] == SUBMISSIONS
    assert fit["delivered_once"] == SUBMISSIONS
    assert fit["delivered_twice"] == [] and fit["not_delivered"] == []
    assert fit["attachments_checked"] == SUBMISSIONS and fit["hash_wrong"] == []
    assert report["mails"] == SUBMISSIONS
    # The entries the kills cut off were sent again after the restart, once.
    resent = {(item["kind"], item["reference"]) for item in report["outbox"]["resent_after_kill"]}
    cut_off = {
        ("fit-connect", attempt["at_server_before_kill"]["reference"])
        for kill in report["kills"]
        for attempt in kill["attempts"]
        if attempt["outcome"] == "hit"
    }
    assert cut_off <= resent
