"""What the backup script refuses, that a refusal changes nothing, and a backup of a site in use.

Small databases with one blob, written with ZODB directly (no Plone).
"""

import hashlib
import os
from pathlib import Path
import pytest
from tests.fixtures.storage import backup_script
from tests.fixtures.storage import succeeded
import transaction


pytestmark = pytest.mark.slow


def make_zodb(var, text):
    """A Data.fs with one blob under ``var``, laid out as the site's var/ is."""
    from ZODB import DB
    from ZODB.blob import Blob
    from ZODB.blob import BlobStorage
    from ZODB.FileStorage import FileStorage

    (var / "filestorage").mkdir(parents=True)
    storage = BlobStorage(str(var / "blobstorage"), FileStorage(str(var / "filestorage/Data.fs")))
    database = DB(storage)
    manager = transaction.TransactionManager()
    connection = database.open(transaction_manager=manager)
    blob = Blob()
    with blob.open("w") as handle:
        handle.write(text)
    connection.root()["document"] = blob
    manager.commit()
    connection.close()
    database.close()


def back_up(var, backups):
    """The script's backup of the database under ``var`` into ``backups``."""
    return backup_script(
        "backup",
        "--data-fs",
        var / "filestorage" / "Data.fs",
        "--blob-dir",
        var / "blobstorage",
        "--to",
        backups,
    )


def open_storage(var):
    """The Data.fs opened the way a running Zope has it open (holding its lock)."""
    from ZODB.FileStorage import FileStorage

    return FileStorage(str(var / "filestorage" / "Data.fs"))


def snapshot(directory):
    """Every file below ``directory`` with a hash of its content."""
    return {
        str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(directory).rglob("*"))
        if path.is_file()
    }


def read_blob(var):
    from ZODB import DB
    from ZODB.blob import BlobStorage
    from ZODB.FileStorage import FileStorage

    storage = BlobStorage(
        str(var / "blobstorage"),
        FileStorage(str(var / "filestorage" / "Data.fs"), read_only=True),
    )
    database = DB(storage)
    connection = database.open()
    try:
        with connection.root()["document"].open() as handle:
            return handle.read()
    finally:
        connection.close()
        database.close()


@pytest.fixture()
def backed_up(tmp_path):
    """A small database with a blob, backed up once with the script."""
    var = tmp_path / "var"
    make_zodb(var, b"aus der Sicherung")
    backups = tmp_path / "backup"
    return var, backups, succeeded(back_up(var, backups))


@pytest.fixture()
def other_site(tmp_path):
    """A second site's var/ with a database of its own."""
    var = tmp_path / "other"
    make_zodb(var, b"die laufende Seite")
    return var


def test_a_second_backup_without_changes_saves_nothing(backed_up):
    var, backups, _output = backed_up
    files = snapshot(backups)
    result = back_up(var, backups)
    assert "Nothing changed since the last backup" in succeeded(result)
    assert snapshot(backups) == files


def test_a_site_in_use_is_backed_up_with_the_blobs_it_just_committed(tmp_path):
    from ZODB import DB
    from ZODB.blob import Blob
    from ZODB.blob import BlobStorage

    var = tmp_path / "var"
    make_zodb(var, b"eins")
    database = DB(BlobStorage(str(var / "blobstorage"), open_storage(var)))  # holds the lock
    try:
        manager = transaction.TransactionManager()
        connection = database.open(transaction_manager=manager)
        connection.root()["second"] = Blob(b"zwei")
        manager.commit()
        result = back_up(var, tmp_path / "backup")
        output = succeeded(result)
        connection.close()
    finally:
        database.close()
    assert "full backup" in output and "2 new files" in output
    restored = tmp_path / "restored"
    output = succeeded(backup_script("restore", "--from", tmp_path / "backup", "--into", restored))
    assert "all 2 blob files they refer to are present" in output
    assert read_blob(restored) == b"eins"


def test_restore_onto_a_running_site_is_refused_and_changes_nothing(backed_up, other_site):
    _var, backups, _output = backed_up
    running = open_storage(other_site)  # as a running Zope holds it: Data.fs.lock locked
    try:
        before = snapshot(other_site)
        result = backup_script("restore", "--from", backups, "--into", other_site)
        assert result.returncode == 1
        assert "is in use: a running Zope holds its lock" in result.stderr
        assert "Nothing was changed" in result.stderr
        assert snapshot(other_site) == before
        assert sorted(os.listdir(other_site)) == ["blobstorage", "filestorage"]
    finally:
        running.close()
    assert read_blob(other_site) == b"die laufende Seite"


def test_restore_onto_a_stopped_site_needs_force_and_keeps_the_old_files(backed_up, other_site):
    _var, backups, _output = backed_up
    before = snapshot(other_site)
    result = backup_script("restore", "--from", backups, "--into", other_site)
    assert result.returncode == 1 and "already holds a database" in result.stderr
    assert snapshot(other_site) == before

    output = succeeded(backup_script("restore", "--from", backups, "--into", other_site, "--force"))
    assert read_blob(other_site) == b"aus der Sicherung"
    kept = sorted(path.name for path in other_site.glob("*.before-restore-*"))
    assert [name.split(".")[0] for name in kept] == ["blobstorage", "filestorage"]
    assert "The replaced files are kept as" in output
    # The replaced database is intact next to the restored one.
    old = other_site / "old"
    old.mkdir()
    for name in kept:
        (other_site / name).rename(old / name.split(".")[0])
    assert read_blob(old) == b"die laufende Seite"


@pytest.mark.parametrize(
    "storage, message",
    [
        ("filestorage", "error: there is no FileStorage backup in"),
        ("relstorage", "error: there is no RelStorage backup (pg_dump file) in"),
    ],
)
def test_restoring_from_a_directory_without_backups_fails_cleanly(tmp_path, storage, message):
    into = tmp_path / "restored"
    result = backup_script(
        "restore", "--storage", storage, "--from", tmp_path / "empty", "--into", into
    )
    assert result.returncode == 1
    assert result.stderr.startswith(message)
    assert "Traceback" not in result.stderr
    assert not into.exists()


def test_a_point_in_time_before_the_first_backup_fails_cleanly(backed_up, tmp_path):
    _var, backups, _output = backed_up
    into = tmp_path / "restored"
    result = backup_script("restore", "--from", backups, "--into", into, "--date", "2001-01-01")
    assert result.returncode == 1
    assert "no FileStorage backup" in result.stderr and "at or before 2001-01-01" in result.stderr
    assert not into.exists()


def test_a_blob_copy_missing_a_blob_is_not_put_in_place(backed_up, tmp_path):
    _var, backups, _output = backed_up
    (blob,) = (backups / "filestorage" / "blobs").rglob("*.blob")
    blob.unlink()
    into = tmp_path / "restored"
    result = backup_script("restore", "--from", backups, "--into", into)
    assert result.returncode == 1
    assert "1 of the 1 blob files the restored database refers to are missing" in result.stderr
    assert not into.exists()


def test_backing_up_a_missing_data_fs_fails_cleanly(tmp_path):
    result = backup_script(
        "backup", "--data-fs", tmp_path / "Data.fs", "--blob-dir", tmp_path, "--to", tmp_path / "b"
    )
    assert result.returncode == 1
    assert result.stderr == f"error: there is no Data.fs at {tmp_path / 'Data.fs'}" + (
        " (has `make start` created the site?)\n"
    )
