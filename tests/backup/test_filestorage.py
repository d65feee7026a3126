"""FileStorage (``make start``): repozo full and incremental backups with blobs, restored into a working site.

A real site gets an application with an uploaded PDF, a full backup, a second
application, an incremental backup; then its Data.fs is damaged and its blobs are
deleted. Restores into new places must bring back what a citizen would look for.
"""

import pytest
import shutil
import subprocess
import sys
from tests.fixtures.ports import free_port
from tests.fixtures.storage import as_stored
from tests.fixtures.storage import backup_script
from tests.fixtures.storage import blob_files
from tests.fixtures.storage import filestorage_zconfig
from tests.fixtures.storage import get
from tests.fixtures.storage import instance_layout
from tests.fixtures.storage import opened
from tests.fixtures.storage import served
from tests.fixtures.storage import stamp_of
from tests.fixtures.storage import submit_application
from tests.fixtures.storage import succeeded


pytestmark = pytest.mark.slow

CITIZEN = ("buerger", "demo-buerger-2026")


def fstest(data_fs):
    return subprocess.run(
        [sys.executable, "-m", "ZODB.scripts.fstest", str(data_fs)], capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The story: first application, full backup, second application, incremental, damage."""
    base = tmp_path_factory.mktemp("site")
    zope_conf = instance_layout(base)
    var, backups = base / "var", base / "backup"
    locations = ["--data-fs", var / "filestorage" / "Data.fs", "--blob-dir", var / "blobstorage"]

    first = submit_application(zope_conf, "erster-hund", base)
    # The demo site holds files of its own (the assisted demo application's Vollmacht).
    files = blob_files(var / "blobstorage")
    output = succeeded(backup_script("backup", "--full", *locations, "--to", backups))
    assert "full backup" in output and f"{files} new files" in output
    full = stamp_of(output)

    second = submit_application(zope_conf, "zweiter-hund", base)
    output = succeeded(backup_script("backup", *locations, "--to", backups))
    assert "incremental backup" in output
    # The first upload is hard-linked to the previous copy, not copied again.
    assert "1 new files" in output and f"{files} unchanged" in output
    incremental = stamp_of(output)
    assert incremental > full

    # The disaster: the end of Data.fs is lost, and so are the blobs.
    data_fs = var / "filestorage" / "Data.fs"
    with open(data_fs, "r+b") as handle:
        handle.truncate(data_fs.stat().st_size - 1000)
    shutil.rmtree(var / "blobstorage")
    assert fstest(data_fs).returncode != 0

    return {
        "base": base,
        "backups": backups,
        "first": first,
        "second": second,
        "full": full,
        "incremental": incremental,
        "files": files + 1,  # and the second application's
    }


@pytest.fixture(scope="module")
def restored(site):
    """The latest backup restored into a new place next to the damaged site."""
    into = site["base"] / "restored"
    port = free_port()
    result = backup_script("restore", "--from", site["backups"], "--into", into, "--port", port)
    return into, port, succeeded(result)


def test_the_restore_reports_its_checks(site, restored):
    _into, _port, output = restored
    assert f"Restored backup {site['incremental']} (UTC)" in output
    assert "fstest: no errors in the recovered Data.fs" in output
    assert f"all {site['files']} blob files they refer to are present" in output


def test_fstest_passes_on_the_restored_data_fs(restored):
    into, _port, _output = restored
    result = fstest(into / "filestorage" / "Data.fs")
    assert result.returncode == 0, result.stdout + result.stderr


def test_both_applications_come_back_with_their_files(site, restored):
    into, _port, _output = restored
    with opened(filestorage_zconfig(into)) as app:
        for application in (site["first"], site["second"]):
            assert as_stored(app, application) == (
                application["reference"],
                application["file_data"],
            )


def test_a_point_in_time_before_the_incremental_has_only_the_first(site):
    into = site["base"] / "restored-at-full"
    result = backup_script(
        "restore", "--from", site["backups"], "--into", into, "--date", site["full"]
    )
    output = succeeded(result)
    assert f"Restored backup {site['full']} (UTC)" in output
    assert fstest(into / "filestorage" / "Data.fs").returncode == 0
    with opened(filestorage_zconfig(into)) as app:
        first = site["first"]
        assert as_stored(app, first) == (first["reference"], first["file_data"])
        assert as_stored(app, site["second"]) is None


def test_the_restored_site_serves_the_application_and_its_file(site, restored):
    """A real Zope started on the restored copy with the configuration the restore wrote."""
    into, port, output = restored
    assert f"runwsgi {into / 'etc' / 'zope.ini'}" in output
    with served(into / "etc" / "zope.ini", port, into / "log" / "serve.log") as url:
        status, page = get(f"{url}/herne")
        assert status == 200 and "Serviceportal Stadt Herne" in page.decode()
        for application in (site["first"], site["second"]):
            status, page = get(url + application["path"], auth=CITIZEN)
            assert status == 200 and application["reference"] in page.decode()
            status, data = get(f"{url}{application['file_path']}/@@download/file", auth=CITIZEN)
            assert status == 200 and data == application["file_data"]
