"""FileStorage (make start): repozo backup/restore/list, fstest check, serving a restored copy."""

import fcntl
from herne.portal.write_queue import default_slots
from pathlib import Path
import re
from scripts.backups.blobs import blob_copy_for
from scripts.backups.blobs import blob_files
from scripts.backups.blobs import copy_blobs
from scripts.backups.blobs import missing_blobs
from scripts.backups.blobs import report_blob_check
from scripts.backups.common import ROOT
from scripts.backups.common import VAR
from scripts.backups.common import Failure
from scripts.backups.common import at_or_before
from scripts.backups.common import human
from scripts.backups.common import move_aside
from scripts.backups.common import now_stamp
from scripts.backups.common import run
from scripts.backups.common import say
from scripts.cluster import Settings
import shutil
import sys


REPOZO_FILE = re.compile(r"(\d{4}(?:-\d\d){5})\.(delta)?fsz?$")


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
        "@WRITE_SLOTS@": str(default_slots()),
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
