"""Helpers of the backup tests: the script as an operator runs it, real sites, opening restored copies."""

import base64
from contextlib import contextmanager
import json
import os
from pathlib import Path
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = ROOT / ".venv" / "bin"
SERVER_DSN = os.environ.get(
    "HERNE_TEST_PG_DSN", "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
)


def backup_script(*arguments):
    """``scripts/backup.py`` in its own process, as cron or an operator runs it."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "backup.py"), *map(str, arguments)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def succeeded(result):
    assert result.returncode == 0, f"exit code {result.returncode}:\n{result.stdout}{result.stderr}"
    return result.stdout


def stamp_of(output):
    """The name (UTC time) of the backup a ``backup`` run reports."""
    for line in output.splitlines():
        if line.startswith("Backup ") and "complete" in line:
            return line.split()[1]
    raise AssertionError(f"no backup reported:\n{output}")


def instance_layout(base):
    """A site's directory as ``make instance`` lays it out (instance/etc, var/...) under ``base``."""
    etc = base / "instance" / "etc"
    etc.mkdir(parents=True)
    for sub in ("filestorage", "blobstorage", "log", "cache"):
        (base / "var" / sub).mkdir(parents=True)
    for name in ("zope.conf", "zope.ini"):
        text = (ROOT / "etc" / f"{name}.in").read_text()
        text = text.replace("@PROJECT@", str(base)).replace("@HOST@", "127.0.0.1")
        (etc / name).write_text(text.replace("@PORT@", "8080"))
    shutil.copy(ROOT / "etc" / "site.zcml", etc / "site.zcml")
    return etc / "zope.conf"


def submit_application(zope_conf, label, workdir):
    """Create the site unless it exists and submit an application with a PDF, in Zope's own process.

    Returns what ``write_content.py`` reports: path, reference number, file path and bytes.
    """
    result_file = workdir / f"{label}.json"
    process = subprocess.run(
        [str(BIN / "zconsole"), "run", str(zope_conf), str(HERE / "write_content.py")]
        + [label, str(result_file)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert process.returncode == 0, process.stdout + process.stderr[-3000:]
    info = json.loads(result_file.read_text())
    info["file_data"] = base64.b64decode(info["file_data"])
    return info


@contextmanager
def opened(zconfig):
    """The Zope application root of a ZODB given as ZConfig text (e.g. a restored copy)."""
    import ZODB.config

    database = ZODB.config.databaseFromString(zconfig)
    connection = database.open()
    try:
        yield connection.root()["Application"]
    finally:
        connection.close()
        database.close()


def filestorage_zconfig(var):
    return f"""
    <zodb>
      <blobstorage>
        blob-dir {var / "blobstorage"}
        <filestorage>
          path {var / "filestorage" / "Data.fs"}
          read-only true
        </filestorage>
      </blobstorage>
    </zodb>
    """


def relstorage_zconfig(dsn, blob_dir):
    return f"""
    %import relstorage
    <zodb>
      <relstorage>
        keep-history false
        blob-dir {blob_dir}
        shared-blob-dir true
        <postgresql>
          dsn {dsn}
        </postgresql>
      </relstorage>
    </zodb>
    """


def find(app, path):
    """The object at a physical path such as ``/herne/antraege/...``, or None."""
    obj = app
    for name in path.strip("/").split("/"):
        try:
            obj = obj[name]
        except KeyError:
            return None
    return obj


def as_stored(app, info):
    """What the restored copy holds of an application: its reference number and file bytes."""
    application = find(app, info["path"])
    if application is None:
        return None
    upload = find(app, info["file_path"])
    return application.reference_number, upload.file.data


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url, auth=None, timeout=60):
    request = urllib.request.Request(url)
    if auth:
        token = base64.b64encode(":".join(auth).encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, response.read()


@contextmanager
def served(zope_ini, port, log):
    """A real Zope (runwsgi, as ``make start``) serving ``zope_ini`` until the block ends."""
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [str(BIN / "runwsgi"), str(zope_ini)],
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                if get(f"http://127.0.0.1:{port}/herne/@@ok", timeout=5)[0] == 200:
                    break
            except (OSError, urllib.error.URLError):
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"Zope did not start:\n{Path(log).read_text()[-3000:]}")
            time.sleep(0.5)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def postgresql_missing():
    """Why the RelStorage tests cannot run here, or None."""
    import psycopg2

    for tool in ("pg_dump", "pg_restore"):
        if not shutil.which(tool):
            return f"{tool} is not installed (Debian package postgresql-client)"
    try:
        psycopg2.connect(SERVER_DSN, connect_timeout=3).close()
    except psycopg2.OperationalError as error:
        return f"PostgreSQL is not reachable at {SERVER_DSN!r}: {str(error).strip()}"
    return None
