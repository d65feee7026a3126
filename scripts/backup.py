"""Back up and restore the ZODB with its blobs: repozo for FileStorage, pg_dump/pg_restore for RelStorage."""

import argparse
from pathlib import Path
import sys


ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as ``python scripts/backup.py``
    sys.path.insert(0, str(ROOT))

from scripts.backups.common import VAR  # noqa: E402
from scripts.backups.common import Failure  # noqa: E402
from scripts.backups.common import check_date  # noqa: E402
from scripts.backups.filestorage import backup_filestorage  # noqa: E402
from scripts.backups.filestorage import list_filestorage  # noqa: E402
from scripts.backups.filestorage import restore_filestorage  # noqa: E402
from scripts.backups.relstorage import backup_relstorage  # noqa: E402
from scripts.backups.relstorage import list_relstorage  # noqa: E402
from scripts.backups.relstorage import restore_relstorage  # noqa: E402
from scripts.cluster import Settings  # noqa: E402


DEFAULT_BACKUPS = VAR / "backup"
DEFAULT_DATA_FS = VAR / "filestorage" / "Data.fs"
DEFAULT_BLOB_DIR = VAR / "blobstorage"
SERVE_PORT = 8089


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
