"""RelStorage on PostgreSQL (make start-cluster): pg_dump/pg_restore, database checks, renames."""

from scripts.backups.blobs import blob_copy_for
from scripts.backups.blobs import blob_files
from scripts.backups.blobs import copy_blobs
from scripts.backups.blobs import missing_blobs
from scripts.backups.blobs import report_blob_check
from scripts.backups.common import STAMP
from scripts.backups.common import Failure
from scripts.backups.common import at_or_before
from scripts.backups.common import human
from scripts.backups.common import move_aside
from scripts.backups.common import now_stamp
from scripts.backups.common import run
from scripts.backups.common import say
from scripts.cluster import Settings
from scripts.cluster import running_pid
import shutil


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
