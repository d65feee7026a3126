"""Back up and restore the ZODB with its blobs: repozo for FileStorage, pg_dump/pg_restore for RelStorage."""

import argparse
import fcntl
import os
from pathlib import Path
import re
import shutil
import subprocess
import sys
import time


ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as ``python scripts/backup.py``
    sys.path.insert(0, str(ROOT))

from scripts.cluster import Settings  # noqa: E402
from scripts.cluster import running_pid  # noqa: E402


VAR = ROOT / "var"
DEFAULT_BACKUPS = VAR / "backup"
DEFAULT_DATA_FS = VAR / "filestorage" / "Data.fs"
DEFAULT_BLOB_DIR = VAR / "blobstorage"
#: repozo names its files after the UTC time of the backup; the blob copies and the
#: PostgreSQL dumps are named the same way, so one ``--date`` selects all of them.
STAMP_FORMAT = "%Y-%m-%d-%H-%M-%S"
STAMP = re.compile(r"\d{4}(?:-\d\d){5}$")
DATE = re.compile(r"\d{4}-\d\d-\d\d(?:-\d\d){0,3}$")
REPOZO_FILE = re.compile(r"(\d{4}(?:-\d\d){5})\.(delta)?fsz?$")
SERVE_PORT = 8089


class Failure(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


def now_stamp():
    return time.strftime(STAMP_FORMAT, time.gmtime())


def say(message=""):
    print(message, flush=True)


def human(size):
    if size < 1024:
        return f"{size} bytes"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            return f"{size:.1f} {unit}"


def check_date(date):
    if date is not None and not DATE.match(date):
        raise Failure(f"--date {date!r}: expected UTC as YYYY-MM-DD[-HH[-MM[-SS]]], as repozo does")


def at_or_before(stamp, date):
    """repozo's rule: a backup belongs to ``date`` when its name sorts at or before it."""
    return date is None or stamp <= date


# --- blob directory copies ---------------------------------------------------------------
#
# A blob file never changes once its transaction is committed (a new revision is a new
# file, named after its transaction), so each backup's copy is a full tree in which the
# files the previous copy already has are hard links to it: every copy can be restored on
# its own, and a new copy costs only the space of the blobs added since.


def blob_files(blob_dir):
    """Relative paths of the committed files of a blob directory.

    Not its ``tmp`` (uncommitted uploads) nor the ``.lock`` files RelStorage keeps
    next to the blobs of an object while it writes them.
    """
    for path in sorted(blob_dir.rglob("*")):
        relative = path.relative_to(blob_dir)
        if relative.parts[0] == "tmp" or relative.name == ".lock" or not path.is_file():
            continue
        yield relative


def complete_copies(copies_dir):
    """The finished blob copies, oldest first (a copy is renamed into place when complete)."""
    if not copies_dir.is_dir():
        return []
    return sorted(path for path in copies_dir.iterdir() if STAMP.match(path.name))


def copy_blobs(blob_dir, copies_dir, stamp):
    """Copy ``blob_dir`` to ``copies_dir/stamp``, hard-linking what the last copy holds."""
    if not blob_dir.is_dir():
        raise Failure(f"there is no blob directory at {blob_dir}")
    copies_dir.mkdir(parents=True, exist_ok=True)
    for stale in copies_dir.glob("*.partial"):
        shutil.rmtree(stale)
    previous = (complete_copies(copies_dir) or [None])[-1]
    partial = copies_dir / f"{stamp}.partial"
    linked = copied = copied_bytes = 0
    for relative in blob_files(blob_dir):
        source = blob_dir / relative
        target = partial / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        earlier = previous / relative if previous else None
        if (
            earlier is not None
            and relative.name != ".layout"
            and earlier.is_file()
            and earlier.stat().st_size == source.stat().st_size
        ):
            try:
                os.link(earlier, target)
                linked += 1
                continue
            except OSError:
                pass  # another file system or no hard links: copy instead
        shutil.copy2(source, target)
        if relative.name != ".layout":
            copied += 1
            copied_bytes += source.stat().st_size
    partial.mkdir(parents=True, exist_ok=True)
    partial.rename(copies_dir / stamp)
    return linked, copied, copied_bytes


def blob_copy_for(copies_dir, stamp):
    copy = copies_dir / stamp
    if not copy.is_dir():
        raise Failure(
            f"the blob copy that belongs to the backup {stamp} is missing ({copy}); that backup"
            " did not finish. Choose another point in time with --date (see the list command)."
        )
    return copy


def missing_blobs(records, blob_dir):
    """The blob files that the object records ``(oid, tid, data)`` refer to and that are missing."""
    from ZODB.blob import FilesystemHelper
    from ZODB.blob import is_blob_record

    helper = FilesystemHelper(str(blob_dir))
    objects = blobs = 0
    missing = []
    for oid, tid, data in records:
        objects += 1
        if data and is_blob_record(data):
            blobs += 1
            filename = helper.getBlobFilename(oid, tid)
            if not os.path.exists(filename):
                missing.append(filename)
    return objects, blobs, missing


def report_blob_check(objects, blobs, missing, allow_missing):
    if missing:
        listed = "\n  ".join(missing[:20])
        message = (
            f"{len(missing)} of the {blobs} blob files the restored database refers to are"
            f" missing from the blob copy:\n  {listed}"
        )
        if not allow_missing:
            raise Failure(
                message + "\nNothing was put in place. --allow-missing-blobs restores anyway"
                " (those files then cannot be opened)."
            )
        say(f"WARNING: {message}")
    else:
        say(f"Checked: {objects} objects, all {blobs} blob files they refer to are present.")


def move_aside(path, suffix):
    """Keep what a forced restore replaces, next to it; empty directories are just removed."""
    if not path.exists():
        return None
    if path.is_dir() and not any(path.iterdir()):
        path.rmdir()
        return None
    aside = path.with_name(f"{path.name}.{suffix}")
    path.rename(aside)
    return aside


def run(command, what):
    """Run a tool; its output is shown only when it fails."""
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()
        raise Failure(f"{what} failed (exit code {result.returncode}):\n{output}")
    return result


# --- FileStorage (make start) ------------------------------------------------------------


def repozo(*arguments):
    return run([sys.executable, "-m", "ZODB.scripts.repozo", *arguments], "repozo")


def repozo_files(repository):
    if not repository.is_dir():
        return []
    return sorted(path for path in repository.iterdir() if REPOZO_FILE.match(path.name))


def repozo_chain(repository, date):
    """The full backup and the incrementals repozo recovers for ``date`` (as repozo chooses)."""
    chain = []
    for path in reversed(repozo_files(repository)):
        stamp, delta = REPOZO_FILE.match(path.name).groups()
        if at_or_before(stamp, date):
            chain.append(path)
            if not delta:
                break
    return list(reversed(chain))


def data_fs_in_use(data_fs):
    """Whether a Zope (or another ZODB process) holds the lock of this Data.fs."""
    lock = Path(f"{data_fs}.lock")
    if not lock.exists():
        return False
    with open(lock, "rb") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return False


def filestorage_paths(backups):
    base = backups / "filestorage"
    return base / "repozo", base / "blobs"


def backup_filestorage(args):
    data_fs, blob_dir = args.data_fs.resolve(), args.blob_dir.resolve()
    if not data_fs.is_file():
        raise Failure(f"there is no Data.fs at {data_fs} (has `make start` created the site?)")
    repository, copies = filestorage_paths(args.to.resolve())
    repository.mkdir(parents=True, exist_ok=True)
    before = {path.name for path in repozo_files(repository)}
    # -Q: an incremental checks only the last increment against Data.fs, not the whole
    # file (as collective.recipe.backup does); a pack changes the file and forces a full one.
    repozo("-B", "-Q", "-r", str(repository), "-f", str(data_fs), *(["-F"] if args.full else []))
    new = [path for path in repozo_files(repository) if path.name not in before]
    if not new:
        last = repozo_files(repository)[-1].name
        say(f"Nothing changed since the last backup ({last}): nothing saved.")
        return
    stamp, delta = REPOZO_FILE.match(new[-1].name).groups()
    kind = "incremental" if delta else "full"
    say(f"Saved {data_fs} with repozo: {kind} backup {new[-1]} ({human(new[-1].stat().st_size)}).")
    linked, copied, size = copy_blobs(blob_dir, copies, stamp)
    say(
        f"Copied the blobs of {blob_dir} to {copies / stamp}: {copied} new files"
        f" ({human(size)}), {linked} unchanged ones hard-linked to the previous copy."
    )
    say(f"Backup {stamp} (UTC) complete in {repository.parent}.")


def chosen_chain(backups, date):
    """The repozo files recovering ``date`` and the blob copy that belongs to the last one."""
    repository, copies = filestorage_paths(backups)
    if not repozo_files(repository):
        raise Failure(f"there is no FileStorage backup in {repository}")
    chain = repozo_chain(repository, date)
    if not chain:
        raise Failure(f"no FileStorage backup in {repository} was taken at or before {date}")
    stamp = REPOZO_FILE.match(chain[-1].name).group(1)
    return repository, chain, stamp, blob_copy_for(copies, stamp)


def check_filestorage_target(into, force):
    """Refuse a Data.fs in use, or any existing one, unless forced."""
    target_fs, target_blobs = into / "filestorage" / "Data.fs", into / "blobstorage"
    if data_fs_in_use(target_fs):
        if not force:
            raise Failure(
                f"{target_fs} is in use: a running Zope holds its lock ({target_fs}.lock)."
                " Nothing was changed. Stop the site first (`make start` runs in the"
                " foreground: Ctrl-C), or restore next to it for a look (--into var/restored);"
                " --force replaces it anyway (the running Zope keeps writing to the old files"
                " and must be restarted)."
            )
        say(
            f"WARNING: {target_fs} is in use; replacing it because of --force (restart that"
            " Zope afterwards: until then it keeps the old files open)."
        )
    elif (target_fs.exists() or any(blob_files(target_blobs))) and not force:
        raise Failure(
            f"{into} already holds a database ({target_fs}). Nothing was changed. Restore"
            " somewhere else with --into, or pass --force to replace it (the old files are"
            " kept next to the new ones as *.before-restore-<time>)."
        )


def restore_filestorage(args):
    """repozo into a staging directory next to the target, check it, then move it in place."""
    repository, chain, stamp, blob_copy = chosen_chain(args.source.resolve(), args.date)
    into = args.into.resolve()
    check_filestorage_target(into, args.force)
    target_fs, target_blobs = into / "filestorage" / "Data.fs", into / "blobstorage"
    compact = now_stamp().replace("-", "")
    created = not into.exists()
    staging = into / f".restore-{compact}"
    try:
        staging_fs = staging / "filestorage" / "Data.fs"
        staging_fs.parent.mkdir(parents=True)
        say(f"Recovering with repozo from {', '.join(path.name for path in chain)} ...")
        date = ["-D", args.date] if args.date else []
        repozo("-R", "-r", str(repository), "-o", str(staging_fs), *date)
        check_data_fs(staging_fs)
        shutil.copytree(blob_copy, staging / "blobstorage", symlinks=True)
        (staging / "blobstorage").chmod(0o700)
        objects, blobs, missing = missing_blobs(
            filestorage_records(staging_fs), staging / "blobstorage"
        )
        report_blob_check(objects, blobs, missing, args.allow_missing_blobs)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if created:
            shutil.rmtree(into, ignore_errors=True)
        raise

    suffix = f"before-restore-{compact}"
    kept = [move_aside(into / "filestorage", suffix), move_aside(target_blobs, suffix)]
    (staging / "filestorage").rename(into / "filestorage")
    (staging / "blobstorage").rename(target_blobs)
    staging.rmdir()
    say(f"Restored backup {stamp} (UTC) into {target_fs} and {target_blobs}.")
    for path in filter(None, kept):
        say(f"The replaced files are kept as {path}.")
    if into != VAR.resolve():
        write_serving_configuration(into, args.port)
        say(
            f"Look at it: {ROOT / '.venv/bin/runwsgi'} {into / 'etc' / 'zope.ini'}"
            f"  ->  http://127.0.0.1:{args.port}/{Settings().site_id}"
        )
    else:
        say("Start the site again: make start")


def check_data_fs(data_fs):
    from ZODB.scripts.fstest import FormatError
    from ZODB.scripts.fstest import check

    try:
        check(str(data_fs))
    except FormatError as error:
        raise Failure(f"fstest found damage in the recovered Data.fs: {error}") from error
    say(f"fstest: no errors in the recovered Data.fs ({human(data_fs.stat().st_size)}).")


def filestorage_records(data_fs):
    """The current record of every object in a Data.fs (opened read-only)."""
    from ZODB.FileStorage import FileStorage

    storage = FileStorage(str(data_fs), read_only=True)
    try:
        for oid in list(storage._index.keys()):
            data, tid = storage.load(oid)
            yield oid, tid, data
    finally:
        storage.close()


def write_serving_configuration(into, port):
    """zope.conf and zope.ini of the project's templates, pointed at the restored copy."""
    (into / "etc").mkdir(exist_ok=True)
    (into / "log").mkdir(exist_ok=True)
    (into / "cache").mkdir(exist_ok=True)
    replacements = {
        "@PROJECT@/instance": str(into),
        "@PROJECT@/var": str(into),
        "@HOST@": "127.0.0.1",
        "@PORT@": str(port),
    }
    for name in ("zope.conf", "zope.ini"):
        text = (ROOT / "etc" / f"{name}.in").read_text(encoding="utf-8")
        for key, value in replacements.items():
            text = text.replace(key, value)
        text = text.replace(
            "generated by make from", "restored copy, written by scripts/backup.py from"
        )
        (into / "etc" / name).write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "etc" / "site.zcml", into / "etc" / "site.zcml")


def list_filestorage(args):
    repository, copies = filestorage_paths(args.source.resolve())
    files = repozo_files(repository)
    if not files:
        say(f"No FileStorage backups in {repository}.")
        return
    say(f"FileStorage backups in {repository.parent} (UTC; restore one with --date <name>):")
    for path in files:
        stamp, delta = REPOZO_FILE.match(path.name).groups()
        blobs = "blobs copied" if (copies / stamp).is_dir() else "BLOB COPY MISSING"
        kind = "incremental" if delta else "full"
        say(f"  {stamp}  {kind:<11}  {human(path.stat().st_size):>10}  {blobs}")


# --- RelStorage on PostgreSQL (make start-cluster) -----------------------------------------


def tool(name):
    found = shutil.which(name) or shutil.which(name, path="/usr/lib/postgresql/15/bin")
    if not found:
        raise Failure(
            f"{name} is missing: install the PostgreSQL client tools (Debian: postgresql-client)"
        )
    return found


def relstorage_paths(backups):
    base = backups / "relstorage"
    return base / "dumps", base / "blobs"


def dumps(dumps_dir):
    if not dumps_dir.is_dir():
        return []
    return sorted(
        path for path in dumps_dir.glob("*.dump") if STAMP.match(path.name.removesuffix(".dump"))
    )


def backup_relstorage(args):
    settings = Settings(dsn=args.dsn, directory=args.cluster_dir.resolve())
    blob_dir = settings.directory / "blobstorage"
    if not blob_dir.is_dir():
        raise Failure(f"there is no blob directory at {blob_dir} (has the cluster been started?)")
    dumps_dir, copies = relstorage_paths(args.to.resolve())
    dumps_dir.mkdir(parents=True, exist_ok=True)
    stamp = now_stamp()
    dump = dumps_dir / f"{stamp}.dump"
    if dump.exists():
        raise Failure(f"{dump} exists already: one backup a second")
    partial = dump.with_suffix(".dump.partial")
    # pg_dump reads one snapshot of the database, so the dump is consistent while the
    # cluster keeps writing. The blobs are copied afterwards: see copy_blobs and README.
    try:
        run([tool("pg_dump"), "-Fc", "-f", str(partial), "-d", settings.dsn], "pg_dump")
    except Failure:
        partial.unlink(missing_ok=True)
        raise
    partial.rename(dump)
    say(
        f"Dumped the database ({settings.dsn}) with pg_dump: {dump} ({human(dump.stat().st_size)})."
    )
    if args.full:
        say("(--full changes nothing here: a dump always holds the whole database.)")
    linked, copied, size = copy_blobs(blob_dir, copies, stamp)
    say(
        f"Copied the shared blob directory {blob_dir} to {copies / stamp}: {copied} new files"
        f" ({human(size)}), {linked} unchanged ones hard-linked to the previous copy."
    )
    say(f"Backup {stamp} (UTC) complete in {dumps_dir.parent}.")


def target_dsn(database, into):
    """The DSN to restore into: ``--database`` (a name on the cluster's server, or a DSN)."""
    cluster = Settings()
    if database is None:
        if into == cluster.directory.resolve():
            return cluster.dsn
        raise Failure(
            "name the database to restore into with --database (a new name such as"
            " herne_restored, or a libpq DSN); only the cluster's own directory"
            f" ({cluster.directory}) restores into the cluster's database by default"
        )
    if "=" in database:
        return database
    return dsn_with_database(cluster.dsn, database)


def server_connection(dsn):
    """A connection to the server's ``postgres`` database and the name of ``dsn``'s database."""
    import psycopg2
    from psycopg2.extensions import make_dsn
    from psycopg2.extensions import parse_dsn

    params = parse_dsn(dsn)
    database = params.pop("dbname", None)
    if not database:
        raise Failure(f"the DSN names no database (dbname=...): {dsn!r}")
    try:
        connection = psycopg2.connect(make_dsn(**params, dbname="postgres"), connect_timeout=10)
    except psycopg2.OperationalError as error:
        raise Failure(f"cannot reach PostgreSQL ({dsn}): {str(error).strip()}") from error
    connection.autocommit = True
    return connection, database


def database_state(dsn):
    """Whether the database exists, whether it holds a ZODB, and how many sessions use it."""
    import psycopg2

    connection, database = server_connection(dsn)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,))
            if not cursor.fetchone():
                return False, False, 0
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
                " AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
                (database,),
            )
            sessions = cursor.fetchone()[0]
    finally:
        connection.close()
    try:
        connection = psycopg2.connect(dsn, connect_timeout=10)
    except psycopg2.OperationalError as error:
        raise Failure(f"cannot open the database ({dsn}): {str(error).strip()}") from error
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass('object_state') IS NOT NULL")
            holds_zodb = cursor.fetchone()[0]
    finally:
        connection.close()
    return True, holds_zodb, sessions


def relstorage_records(dsn):
    """The current record of every object of a history-free RelStorage database."""
    import psycopg2
    from ZODB.utils import p64

    connection = psycopg2.connect(dsn, connect_timeout=10)
    try:
        with connection.cursor(name="herne_backup_check") as cursor:
            cursor.itersize = 2000
            cursor.execute("SELECT zoid, tid, state FROM object_state")
            for zoid, tid, state in cursor:
                yield p64(zoid), p64(tid), bytes(state) if state is not None else b""
    finally:
        connection.close()


def chosen_dump(backups, date):
    """The newest dump at or before ``date`` and the blob copy that belongs to it."""
    dumps_dir, copies = relstorage_paths(backups)
    available = dumps(dumps_dir)
    if not available:
        raise Failure(f"there is no RelStorage backup (pg_dump file) in {dumps_dir}")
    stamps = [path.name.removesuffix(".dump") for path in available]
    chosen = [stamp for stamp in stamps if at_or_before(stamp, date)]
    if not chosen:
        raise Failure(f"no RelStorage backup in {dumps_dir} was taken at or before {date}")
    stamp = chosen[-1]
    return dumps_dir / f"{stamp}.dump", stamp, blob_copy_for(copies, stamp)


def check_relstorage_target(into, dsn, force):
    """Refuse a target in use or holding a ZODB unless forced; returns whether the database exists."""
    target_blobs = into / "blobstorage"
    exists, holds_zodb, sessions = database_state(dsn)
    cluster_pid = running_pid(Settings(directory=into))
    if cluster_pid or sessions:
        users = f"the cluster in {into} is running (pid {cluster_pid})" if cluster_pid else ""
        if sessions:
            users += (" and " if users else "") + f"{sessions} session(s) use the database"
        if not force:
            raise Failure(
                f"the target is in use: {users} ({dsn}). Nothing was changed. Stop the cluster"
                " first (make stop-cluster), or restore next to it for a look (--into"
                " var/restored-cluster --database herne_restored); --force replaces it anyway"
                " (its sessions are ended)."
            )
        say(
            f"WARNING: {users}; replacing the database because of --force (restart the"
            " cluster afterwards: its instances still hold the old state in their caches)."
        )
    elif (holds_zodb or any(blob_files(target_blobs))) and not force:
        raise Failure(
            f"the target already holds a ZODB ({dsn}, {target_blobs}). Nothing was changed."
            " Restore somewhere else (--into, --database), or pass --force to replace it (the"
            " old database and blobs are kept as *_before_restore_<time>)."
        )
    return exists


def restore_relstorage(args):
    """pg_restore into a new database and check it; only then rename it to the target's name."""
    from psycopg2 import sql

    dump, stamp, blob_copy = chosen_dump(args.source.resolve(), args.date)
    into = args.into.resolve()
    dsn = target_dsn(args.database, into)
    pg_restore = tool("pg_restore")
    exists = check_relstorage_target(into, dsn, args.force)

    connection, database = server_connection(dsn)
    compact = now_stamp().replace("-", "")
    staging_db = f"{database[:40]}_restoring_{compact}"
    kept_database = f"{database[:40]}_before_restore_{compact}"
    target_blobs = into / "blobstorage"
    created = not into.exists()
    staging = into / f".restore-{compact}"
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(staging_db)))
        say(f"Restoring {dump.name} with pg_restore into a new database {staging_db} ...")
        restore_command = [pg_restore, "--no-owner", "--single-transaction", "--exit-on-error"]
        run([*restore_command, "-d", dsn_with_database(dsn, staging_db), str(dump)], "pg_restore")
        staging.mkdir(parents=True)
        shutil.copytree(blob_copy, staging / "blobstorage", symlinks=True)
        (staging / "blobstorage").chmod(0o700)
        records = relstorage_records(dsn_with_database(dsn, staging_db))
        objects, blobs, missing = missing_blobs(records, staging / "blobstorage")
        report_blob_check(objects, blobs, missing, args.allow_missing_blobs)
        if exists:
            rename_database(connection, database, kept_database, end_sessions=True)
        try:
            rename_database(connection, staging_db, database)
        except BaseException:
            if exists:
                rename_database(connection, kept_database, database)
            raise
    except BaseException:
        drop_database_now(connection, staging_db)
        shutil.rmtree(staging, ignore_errors=True)
        if created:
            shutil.rmtree(into, ignore_errors=True)
        raise
    finally:
        connection.close()
    kept_blobs = move_aside(target_blobs, f"before-restore-{compact}")
    (staging / "blobstorage").rename(target_blobs)
    staging.rmdir()
    say(f"Restored backup {stamp} (UTC) into the database {database} ({dsn}) and {target_blobs}.")
    if exists:
        say(f"The replaced database is kept as {kept_database}.")
    if kept_blobs:
        say(f"The replaced blobs are kept as {kept_blobs}.")
    say(
        "Serve it (after stopping any cluster using the same ports):"
        f" HERNE_CLUSTER_DIR={into} HERNE_CLUSTER_DSN='{dsn}' make start-cluster"
    )


def rename_database(connection, old, new, end_sessions=False):
    from psycopg2 import sql

    with connection.cursor() as cursor:
        if end_sessions:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (old,),
            )
        cursor.execute(
            sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                sql.Identifier(old), sql.Identifier(new)
            )
        )


def drop_database_now(connection, database):
    from psycopg2 import sql

    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
        )


def dsn_with_database(dsn, database):
    from psycopg2.extensions import make_dsn
    from psycopg2.extensions import parse_dsn

    return make_dsn(**{**parse_dsn(dsn), "dbname": database})


def list_relstorage(args):
    dumps_dir, copies = relstorage_paths(args.source.resolve())
    available = dumps(dumps_dir)
    if not available:
        say(f"No RelStorage backups in {dumps_dir}.")
        return
    say(f"RelStorage backups in {dumps_dir.parent} (UTC; restore one with --date <name>):")
    for path in available:
        stamp = path.name.removesuffix(".dump")
        blobs = "blobs copied" if (copies / stamp).is_dir() else "BLOB COPY MISSING"
        say(f"  {stamp}  {human(path.stat().st_size):>10}  {blobs}")


# --- command line ------------------------------------------------------------------------


COMMANDS = {
    ("backup", "filestorage"): backup_filestorage,
    ("restore", "filestorage"): restore_filestorage,
    ("list", "filestorage"): list_filestorage,
    ("backup", "relstorage"): backup_relstorage,
    ("restore", "relstorage"): restore_relstorage,
    ("list", "relstorage"): list_relstorage,
}


def parse(argv):
    cluster = Settings()
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--storage",
        choices=["filestorage", "relstorage"],
        default="filestorage",
        help="filestorage: the site of `make start` (default); relstorage: the cluster",
    )
    parser = argparse.ArgumentParser(description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    backup = commands.add_parser("backup", parents=[common], help="save the database and its blobs")
    backup.add_argument(
        "--to",
        metavar="DIR",
        type=Path,
        default=DEFAULT_BACKUPS,
        help=f"backup directory (default {DEFAULT_BACKUPS})",
    )
    backup.add_argument(
        "--full",
        action="store_true",
        help="filestorage: a full repozo backup (default: incremental once a full one exists)",
    )
    backup.add_argument(
        "--data-fs", type=Path, default=DEFAULT_DATA_FS, help="filestorage: the Data.fs"
    )
    backup.add_argument(
        "--blob-dir", type=Path, default=DEFAULT_BLOB_DIR, help="filestorage: its blobs"
    )
    backup.add_argument(
        "--dsn", default=cluster.dsn, help="relstorage: the cluster's database (HERNE_CLUSTER_DSN)"
    )
    backup.add_argument(
        "--cluster-dir",
        type=Path,
        default=cluster.directory,
        help="relstorage: the cluster directory with the shared blobstorage (HERNE_CLUSTER_DIR)",
    )

    restore = commands.add_parser(
        "restore", parents=[common], help="put a backup in place and check it"
    )
    restore.add_argument(
        "--from",
        dest="source",
        metavar="DIR",
        type=Path,
        default=DEFAULT_BACKUPS,
        help=f"backup directory (default {DEFAULT_BACKUPS})",
    )
    restore.add_argument(
        "--into",
        type=Path,
        required=True,
        help="filestorage: a directory laid out like var/ (filestorage/Data.fs, blobstorage;"
        " `--into var` is the site's own); relstorage: a cluster directory (its blobstorage)",
    )
    restore.add_argument(
        "--database",
        help="relstorage: the database to restore into, a name on the cluster's server or a"
        " libpq DSN (default: the cluster's, when --into is the cluster's directory)",
    )
    restore.add_argument(
        "--date", help="UTC point in time YYYY-MM-DD[-HH[-MM[-SS]]] (default: the latest backup)"
    )
    restore.add_argument(
        "--force", action="store_true", help="replace a storage that exists or is in use"
    )
    restore.add_argument(
        "--allow-missing-blobs",
        action="store_true",
        help="put the restore in place although blob files it refers to are missing",
    )
    restore.add_argument(
        "--port",
        type=int,
        default=SERVE_PORT,
        help=f"filestorage: port of the zope.ini written for a look at the copy (default {SERVE_PORT})",
    )

    listing = commands.add_parser("list", parents=[common], help="show the backups")
    listing.add_argument("--from", dest="source", metavar="DIR", type=Path, default=DEFAULT_BACKUPS)
    args = parser.parse_args(argv)
    check_date(getattr(args, "date", None))
    return args


def main(argv=None):
    try:
        args = parse(argv if argv is not None else sys.argv[1:])
        COMMANDS[args.command, args.storage](args)
    except Failure as failure:
        print(f"error: {failure}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
