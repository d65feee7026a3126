"""The blob-directory copies of the backups and the check that a restore has all its blobs."""

import os
from scripts.backups.common import STAMP
from scripts.backups.common import Failure
from scripts.backups.common import say
import shutil


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
