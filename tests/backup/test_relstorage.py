"""RelStorage (cluster mode): pg_dump plus the shared blob directory, restored into a new database.

The site and an application with an uploaded PDF are written through RelStorage
(history-free, shared blob directory) with the configuration ``scripts/cluster.py``
writes, into a throw-away database ``herne_test_backup_*``; after the backup the
database is dropped and the blobs are deleted. All databases of the test are
dropped afterwards.
"""

import os
from pathlib import Path
import pytest
from scripts.cluster import Settings
from scripts.cluster import drop_database
from scripts.cluster import ensure_database
from scripts.cluster import write_configs
import secrets
import shutil
from tests.fixtures.storage import SERVER_DSN
from tests.fixtures.storage import as_stored
from tests.fixtures.storage import backup_script
from tests.fixtures.storage import blob_files
from tests.fixtures.storage import opened
from tests.fixtures.storage import postgresql_missing
from tests.fixtures.storage import relstorage_zconfig
from tests.fixtures.storage import stamp_of
from tests.fixtures.storage import submit_application
from tests.fixtures.storage import succeeded


pytestmark = pytest.mark.slow


def dsn_for(database):
    return SERVER_DSN.replace("dbname=postgres", f"dbname={database}")


def databases_named(prefix):
    import psycopg2

    with (
        psycopg2.connect(SERVER_DSN, connect_timeout=10) as connection,
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s ORDER BY datname",
            (prefix + "%",),
        )
        names = [row[0] for row in cursor.fetchall()]
    connection.close()
    return names


def object_count(dsn):
    import psycopg2

    with psycopg2.connect(dsn, connect_timeout=10) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT count(*), max(tid) FROM object_state")
        found = cursor.fetchone()
    connection.close()
    return found


@pytest.fixture(scope="module")
def cluster_backup(tmp_path_factory):
    missing = postgresql_missing()
    if missing:
        pytest.skip(missing)
    prefix = f"herne_test_backup_{os.getpid()}_{secrets.token_hex(3)}"
    base = tmp_path_factory.mktemp("cluster-backup")
    settings = Settings(dsn=dsn_for(prefix), directory=base / "cluster")
    try:
        write_configs(settings)
        ensure_database(settings.dsn)
        application = submit_application(settings.zope_conf, "hund-im-cluster", base)
        backups = base / "backup"
        output = succeeded(
            backup_script(
                "backup",
                "--storage",
                "relstorage",
                "--dsn",
                settings.dsn,
                "--cluster-dir",
                settings.directory,
                "--to",
                backups,
            )
        )
        # The demo site holds files of its own (the assisted demo application's Vollmacht).
        files = blob_files(settings.directory / "blobstorage")
        assert "Dumped the database" in output and f"{files} new files" in output
        # The disaster: the database and the shared blobs are gone.
        drop_database(settings.dsn)
        shutil.rmtree(settings.directory / "blobstorage")
        yield {
            "base": base,
            "prefix": prefix,
            "backups": backups,
            "application": application,
            "stamp": stamp_of(output),
            "files": files,
        }
    finally:
        for name in databases_named(prefix):
            drop_database(dsn_for(name))


@pytest.fixture(scope="module")
def restored(cluster_backup):
    """The backup restored into a new database and a new cluster directory."""
    database = cluster_backup["prefix"] + "_restored"
    into = cluster_backup["base"] / "restored-cluster"
    output = succeeded(
        backup_script(
            "restore",
            "--storage",
            "relstorage",
            "--from",
            cluster_backup["backups"],
            "--into",
            into,
            "--database",
            database,
        )
    )
    return dsn_for(database), into, output


def test_the_restore_reports_its_check(cluster_backup, restored):
    _dsn, into, output = restored
    assert f"Restored backup {cluster_backup['stamp']} (UTC)" in output
    assert f"all {cluster_backup['files']} blob files they refer to are present" in output
    assert f"HERNE_CLUSTER_DIR={into}" in output


def test_the_application_comes_back_with_its_file(cluster_backup, restored):
    dsn, into, _output = restored
    with opened(relstorage_zconfig(dsn, into / "blobstorage")) as app:
        assert app["herne"].title == "Serviceportal Stadt Herne"
        application = cluster_backup["application"]
        assert as_stored(app, application) == (application["reference"], application["file_data"])
    # Only the restored database is left: no staging database, nothing renamed aside.
    assert databases_named(cluster_backup["prefix"]) == [cluster_backup["prefix"] + "_restored"]


def test_restore_onto_a_database_in_use_is_refused_and_changes_nothing(cluster_backup, restored):
    import psycopg2

    dsn, into, _output = restored
    before = object_count(dsn)
    blobs = sorted(Path(into / "blobstorage").rglob("*"))
    session = psycopg2.connect(dsn)  # an instance of the cluster, say
    try:
        result = backup_script(
            "restore",
            "--storage",
            "relstorage",
            "--from",
            cluster_backup["backups"],
            "--into",
            into,
            "--database",
            dsn,
        )
    finally:
        session.close()
    assert result.returncode == 1
    assert "the target is in use: 1 session(s) use the database" in result.stderr
    assert "Nothing was changed" in result.stderr
    assert object_count(dsn) == before
    assert sorted(Path(into / "blobstorage").rglob("*")) == blobs
    assert databases_named(cluster_backup["prefix"]) == [cluster_backup["prefix"] + "_restored"]


def test_restore_into_a_running_cluster_directory_is_refused(cluster_backup, tmp_path):
    into = tmp_path / "cluster"
    (into / "run").mkdir(parents=True)
    (into / "run" / "cluster.pid").write_text(str(os.getpid()))  # a live process
    database = cluster_backup["prefix"] + "_running"
    result = backup_script(
        "restore",
        "--storage",
        "relstorage",
        "--from",
        cluster_backup["backups"],
        "--into",
        into,
        "--database",
        database,
    )
    assert result.returncode == 1
    assert f"the cluster in {into} is running (pid {os.getpid()})" in result.stderr
    assert sorted(path.name for path in into.iterdir()) == ["run"]
    assert database not in databases_named(cluster_backup["prefix"])


def test_restore_onto_an_existing_database_needs_force(cluster_backup, restored):
    dsn, into, _output = restored
    database = cluster_backup["prefix"] + "_restored"
    arguments = ["restore", "--storage", "relstorage", "--from", cluster_backup["backups"]]
    arguments += ["--into", into, "--database", database]
    result = backup_script(*arguments)
    assert result.returncode == 1 and "the target already holds a ZODB" in result.stderr

    output = succeeded(backup_script(*arguments, "--force"))
    kept = [name for name in databases_named(database) if "_before_restore_" in name]
    assert len(kept) == 1 and f"The replaced database is kept as {kept[0]}" in output
    assert len(list(into.glob("blobstorage.before-restore-*"))) == 1
    with opened(relstorage_zconfig(dsn, into / "blobstorage")) as app:
        application = cluster_backup["application"]
        assert as_stored(app, application) == (application["reference"], application["file_data"])
