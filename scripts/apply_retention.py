"""Apply the retention rules (closed applications, stale drafts) with zconsole, e.g. from cron.

.venv/bin/zconsole run instance/etc/zope.conf scripts/apply_retention.py [--dry-run] [--json] [--pack]

Closed applications whose service's retention period is over are anonymised or
deleted (per service, defaults in the control panel "Anträge"), stale drafts are
removed, and the search index forgets words no document uses any more. Prints what
it did. zconsole opens the storage itself: with FileStorage the instance must be
stopped (a running instance is served by ``POST @aufbewahrung`` instead); with
RelStorage (cluster mode) it runs next to the instances. ``--pack`` then packs
the database to the present, so that no earlier revision of a removed record and
no blob only they used remains (a FileStorage's ``Data.fs.old``, which holds them,
is deleted, and its transaction buffer ``Data.fs.tmp`` emptied): this also ends undo
up to now.
"""

from herne.portal.applications.retention import apply_retention
from herne.portal.console_jobs import SITE_ID
from herne.portal.console_jobs import open_site
import json
from pathlib import Path
import sys
import transaction


def main(app, argv=()):
    dry_run = "--dry-run" in argv
    app, _site = open_site(app, SITE_ID)
    report = apply_retention(dry_run=dry_run)
    if dry_run:
        transaction.abort()
    else:
        transaction.commit()
    if "--pack" in argv and not dry_run:
        pack(app._p_jar.db())
    if "--json" in argv:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        for line in report.lines():
            print(line)
    if "--pack" in argv and not dry_run:
        print("Database packed to the present; no earlier revision is left")
    return report


def pack(database):
    """Pack to now: earlier revisions and unreferenced blobs go (with FileStorage's old copy)."""
    database.pack(days=0)
    storage = database.storage
    file_name = getattr(storage, "_file_name", None)
    if file_name and Path(f"{file_name}.old").exists():
        Path(f"{file_name}.old").unlink()
    # FileStorage buffers each transaction in Data.fs.tmp and only ever overwrites it from
    # the start: what a larger earlier transaction wrote stays behind the end of the last.
    buffer = getattr(storage, "_tfile", None)
    if buffer is not None:
        with storage._lock:
            buffer.seek(0)
            buffer.truncate()
            buffer.flush()


if __name__ == "__main__":
    main(app, sys.argv[1:])  # noqa: F821 - zconsole provides ``app``
