"""Crash drill on FileStorage: one Zope instance killed (SIGKILL) while citizens submit.

    .venv/bin/python loadtest/crash_filestorage.py                      # 20 citizens, 200 submissions
    .venv/bin/python loadtest/crash_filestorage.py --users 5 --submissions 40 --kill-after-submissions 12

Runs on a copy of the ``make start`` layout in a temporary folder (never the
project's ``var/``): ``etc/zope.conf.in`` and ``etc/zope.ini.in`` rendered as
``make instance`` does, a new site with demo content, FileStorage and blobs
under its ``var/``. A real SMTP server (aiosmtpd) in this process receives the
mail. Then:

1. the instance serves; locust citizens (``locustfile.py``) log in and submit;
2. once the kill is due, the instance gets SIGKILL; the citizens' requests now
   fail, locust is stopped a moment later;
3. ``fstest`` (``ZODB.scripts.fstest``) checks ``Data.fs`` as the kill left it:
   clean, or only the last transaction unfinished (a commit cut off between
   writing its data and clearing its checkpoint flag; FileStorage drops it when
   it opens the file, and no answer was sent for it);
4. ``zodbverify`` loads every current record of the file;
5. the instance starts again on the same ``Data.fs`` and answers; its catalog
   lists every acknowledged submission;
6. it is stopped cleanly; ``verify_site.py`` reads every application with its
   file, and ``fstest`` (now without any exception) and ``zodbverify`` run again.

Passes (exit code 0) only if every check holds; the report (``report.json`` in
``--output``) lists acknowledged, lost and committed-but-unanswered submissions
and the mails.
"""

import argparse
import json
import os
from pathlib import Path
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loadtest import crash  # noqa: E402
from loadtest.conflict_counts import conflicts_in_log  # noqa: E402
from loadtest.datafs_checks import fstest  # noqa: E402
from loadtest.datafs_checks import zodbverify  # noqa: E402
from loadtest.filestorage_checks import evaluate_filestorage_drill  # noqa: E402
from loadtest.filestorage_drill import run_locust_and_kill_instance  # noqa: E402
from loadtest.filestorage_instance import SITE_ID  # noqa: E402
from loadtest.filestorage_instance import Instance  # noqa: E402
from loadtest.filestorage_instance import catalogued_references  # noqa: E402
from loadtest.filestorage_instance import render_layout  # noqa: E402
from loadtest.filestorage_instance import zconsole  # noqa: E402
from loadtest.filestorage_report import print_report  # noqa: E402
from loadtest.latency import latency_table  # noqa: E402
from loadtest.mailserver import MailServer  # noqa: E402
from loadtest.mailserver import mail_after_kill  # noqa: E402
from loadtest.mailserver import wait_for_mail  # noqa: E402
from loadtest.outbox_checks import repeated_mails  # noqa: E402
from scripts.cluster import warm_up  # noqa: E402


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20, help="concurrent citizens")
    parser.add_argument("--submissions", type=int, default=200, help="submissions planned")
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument(
        "--kill-after-submissions",
        type=int,
        default=None,
        metavar="N",
        help="SIGKILL once N submissions are acknowledged (default: a third of them)",
    )
    parser.add_argument(
        "--kill-after",
        type=float,
        default=None,
        metavar="SECONDS",
        help="SIGKILL this long after locust started (instead of a number of submissions)",
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("HERNE_CRASH_PORT", 18180)))
    parser.add_argument(
        "--directory",
        type=Path,
        default=None,
        help="where the instance and its var/ go (default: a new temporary folder)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the folder (removed after a passed run)"
    )
    parser.add_argument("--output", type=Path, default=None, help="folder for report.json")
    args = parser.parse_args(argv)
    if args.kill_after is None and args.kill_after_submissions is None:
        args.kill_after_submissions = max(1, args.submissions // 3)
    return args


def outbox_takeovers(event_log):
    """Outbox entries the killed process had claimed but not recorded, as the restarted worker logged them.

    The kill fell between an entry's claim and its record (claimed, maybe sent) for
    each entry counted under ``after_kill``; ``after_timeout`` would be claims taken
    over only after the sending timeout (none expected: the drill counts too early).
    """
    counts = {"after_kill": 0, "after_timeout": 0}
    if not event_log.exists():
        return counts
    for line in event_log.read_text(errors="replace").splitlines():
        if "[herne.portal.outbox:" not in line or "sent again" not in line:
            continue
        counts["after_kill" if "which is gone" in line else "after_timeout"] += 1
    return counts


def main(argv=None):
    args = parse(argv if argv is not None else sys.argv[1:])
    directory = (args.directory or Path(tempfile.mkdtemp(prefix="herne-crash-fs-"))).resolve()
    output = (args.output or directory / "report").resolve()
    output.mkdir(parents=True, exist_ok=True)
    zope_conf, zope_ini = render_layout(directory, args.port)
    data_fs = directory / "var" / "filestorage" / "Data.fs"
    instance = Instance(zope_ini, args.port, directory / "var" / "log" / "instance.out")
    mail = MailServer()
    mail.start()
    timings, storage, restarted = {}, {}, {}
    try:
        started = time.monotonic()
        print(f"Creating the site on FileStorage in {directory} ...", flush=True)
        zconsole(
            zope_conf,
            "loadtest/crash_site.py",
            HERNE_PUBLIC_URL=f"http://localhost:{args.port}/{SITE_ID}",
            HERNE_LOADTEST_USERS=str(args.users),
            HERNE_LOADTEST_SMTP_HOST=mail.hostname,
            HERNE_LOADTEST_SMTP_PORT=str(mail.port),
        )
        timings["site_s"] = time.monotonic() - started
        timings["start_s"] = instance.start()
        warm_up(argparse.Namespace(site_id=SITE_ID), args.port)
        summary_file, progress_file = output / "locust-summary.json", output / "locust-progress"
        summary_file.unlink(missing_ok=True)
        progress_file.write_text("0")
        print(
            f"locust: {args.users} citizens, up to {args.submissions} submissions, SIGKILL after "
            + (
                f"{args.kill_after} s"
                if args.kill_after is not None
                else f"{args.kill_after_submissions} acknowledged"
            ),
            flush=True,
        )
        duration, drill = run_locust_and_kill_instance(args, instance, summary_file, progress_file)
        summary = json.loads(summary_file.read_text())
        conflicts = conflicts_in_log(directory / "var" / "log" / "event.log")
        print("fstest and zodbverify on the Data.fs the kill left ...", flush=True)
        storage["fstest_after_kill"] = fstest(data_fs)
        storage["zodbverify_after_kill"] = zodbverify(data_fs)
        print("Starting the instance again on the same Data.fs ...", flush=True)
        try:
            restarted["started_s"] = instance.start()
            restarted["catalogued"] = catalogued_references(instance)
        except (RuntimeError, OSError) as error:
            restarted["error"] = repr(error)
        # Mail leaves through the outbox: the restarted instance's worker sends what the
        # killed one had not sent yet, so it keeps running while the mails are counted.
        # What the killed worker had claimed is taken over as soon as its heartbeat is
        # stale (heartbeat.STALE_AFTER after the kill), not after the sending timeout:
        # the count waits until then.
        settle_until = mail_after_kill(drill["killed_at"]) if "killed_at" in drill else None
        _all, mails = wait_for_mail(
            mail, summary["submitted"], timeout=30, settle_until=settle_until
        )
        instance.stop()
        with tempfile.NamedTemporaryFile(suffix=".json") as result_file:
            zconsole(zope_conf, "loadtest/verify_site.py", HERNE_LOADTEST_RESULT=result_file.name)
            database = json.loads(Path(result_file.name).read_text())
        storage["fstest_after_restart"] = fstest(data_fs)
        storage["zodbverify_after_restart"] = zodbverify(data_fs)
    finally:
        instance.stop()
        mail.stop()
    checks, books, explained, conflict_errors = evaluate_filestorage_drill(
        args, drill, summary, database, mails, storage, restarted, conflicts
    )
    report = {
        "users": args.users,
        "submissions_planned": args.submissions,
        "directory": str(directory),
        "timings_s": {**timings, "locust_s": duration, "restart_s": restarted.get("started_s")},
        "drill": drill,
        "acknowledged": len(books["acknowledged"]),
        "applications": len(database["applications"]),
        "lost_attempts": books["lost_attempts"],
        "committed_never_answered": books["committed_never_shown"],
        "unmailed_after_lost_answer": books["unmailed_after_lost_answer"],
        "mails": books["mails"],
        # a mail sent again after the kill (outbox: at least once) keeps its Message-ID
        "mails_repeated_same_message_id": repeated_mails(mails),
        "failed_after_kill": {
            "count": len(explained),
            "by_request": crash.count_by(explained, "request"),
        },
        "conflicts": {**conflicts, "answered_500": len(conflict_errors)},
        "outbox_claims_taken_over": outbox_takeovers(directory / "var" / "log" / "event.log"),
        "storage": {
            "fstest_after_kill": storage["fstest_after_kill"],
            "zodbverify_after_kill": storage["zodbverify_after_kill"][:2],
            "fstest_after_restart": storage["fstest_after_restart"],
            "zodbverify_after_restart": storage["zodbverify_after_restart"][:2],
            "data_fs_bytes": data_fs.stat().st_size,
        },
        "latency_ms": latency_table(summary["times"], duration),
        "checks": checks,
    }
    return crash.conclude(report, output, directory, args, print_report)


if __name__ == "__main__":
    sys.exit(main())
