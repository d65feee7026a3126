"""Shared helpers: Failure, output, UTC stamps and dates, running tools, moving files aside."""

from pathlib import Path
import re
import subprocess
import time


ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var"
#: repozo names its files after the UTC time of the backup; the blob copies and the
#: PostgreSQL dumps are named the same way, so one ``--date`` selects all of them.
STAMP_FORMAT = "%Y-%m-%d-%H-%M-%S"
STAMP = re.compile(r"\d{4}(?:-\d\d){5}$")
DATE = re.compile(r"\d{4}-\d\d-\d\d(?:-\d\d){0,3}$")


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
