"""Crash safety on FileStorage: one Zope instance killed (SIGKILL) while citizens submit.

``loadtest/crash_filestorage.py`` at a small size on a copy of the ``make start``
layout in a temporary folder: 5 citizens, up to 40 submissions, SIGKILL once 12
are acknowledged; then fstest and zodbverify on the Data.fs the kill left, a
restart on the same file and every acknowledged submission checked. The checks
of fstest's verdict on an unfinished last transaction run here too, on small
storages made for them.
"""

import json
from pathlib import Path
import pytest
import subprocess
import sys
from tests.fixtures.ports import free_port
import transaction
from ZODB import DB
from ZODB.FileStorage import FileStorage


ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from loadtest.datafs_checks import fstest  # noqa: E402


@pytest.mark.slow
def test_a_killed_instance_leaves_a_sound_data_fs_with_every_acknowledged_submission(tmp_path):
    output = tmp_path / "report"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "loadtest" / "crash_filestorage.py"),
            "--users",
            "5",
            "--submissions",
            "40",
            "--kill-after-submissions",
            "12",
            "--port",
            str(free_port()),
            "--directory",
            str(tmp_path / "instance"),
            "--output",
            str(output),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    report_file = output / "report.json"
    assert report_file.exists(), result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(report_file.read_text())
    failed = [check for check in report["checks"] if not check["ok"]]
    assert failed == [], result.stdout[-3000:]
    assert result.returncode == 0
    assert report["acknowledged"] >= 12
    records, broken = report["storage"]["zodbverify_after_kill"]
    assert records > 1000 and broken == 0


def make_storage(path, transactions=3):
    """A small FileStorage with ``transactions`` commits after the root's creation."""
    db = DB(FileStorage(str(path)))
    # Its own transaction manager: nothing else the test process holds is committed.
    manager = transaction.TransactionManager()
    connection = db.open(manager)
    for number in range(transactions):
        connection.root()[f"key{number}"] = "x" * 1000
        manager.commit()
    connection.close()
    db.close()
    return path.stat().st_size


def last_transaction_start(path):
    """Where the last transaction record begins (its length stands in the file's last 8 bytes)."""
    data = path.read_bytes()
    length = int.from_bytes(data[-8:], "big")
    return len(data) - 8 - length


def test_fstest_clean(tmp_path):
    path = tmp_path / "Data.fs"
    make_storage(path)
    assert fstest(path) == ("clean", "")


def test_fstest_accepts_a_last_transaction_cut_off_while_written(tmp_path):
    path = tmp_path / "Data.fs"
    size = make_storage(path)
    start = last_transaction_start(path)
    with open(path, "r+b") as data:
        data.truncate(start + (size - start) // 2)
    status, message = fstest(path)
    assert status == "tail", message
    assert message.endswith(f"at {start}")


def test_fstest_accepts_a_last_transaction_whose_checkpoint_flag_stayed(tmp_path):
    path = tmp_path / "Data.fs"
    make_storage(path)
    start = last_transaction_start(path)
    with open(path, "r+b") as data:
        # The status byte follows the tid (8 bytes) and the length (8 bytes).
        data.seek(start + 16)
        data.write(b"c")
    status, message = fstest(path)
    assert status == "tail", message
    assert "checkpoint flag was not cleared" in message


def test_fstest_refuses_damage_before_the_last_transaction(tmp_path):
    path = tmp_path / "Data.fs"
    make_storage(path)
    start = last_transaction_start(path)
    with open(path, "r+b") as data:
        # The redundant length after the last-but-one transaction no longer matches.
        data.seek(start - 8)
        data.write(b"\xff" * 8)
    status, _message = fstest(path)
    assert status == "damaged"
