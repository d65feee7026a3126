"""Outbox crash drill: citizens submit with FIT-Connect delivery on; the instance (and its outbox worker) is killed inside outbox steps.

    .venv/bin/python loadtest/crash_outbox.py                                # 20 citizens, 500 submissions, 2 kills
    .venv/bin/python loadtest/crash_outbox.py --users 5 --submissions 40 --windows claimed,sent

On a copy of the ``make start`` layout in a temporary folder (as
``crash_filestorage.py``): one Zope process whose outbox worker thread sends the
receipt mails (to an aiosmtpd server in this process) and the FIT-Connect
deliveries (to the FIT-Connect test server, also in this process, which decrypts
every submission, checks every attachment's SHA-512 and the data against the
form's schema, and counts what it took by reference number). The dog-tax service
delivers to a destination there.

1. locust citizens submit the dog-tax form with a PDF (``locustfile.py``); a citizen
   whose request finds the instance dead tries again, with the same form, until it
   answers (up to ``--attempts`` times);
2. each planned kill waits for its share of acknowledged submissions, arms its
   window in the instance's probe (``outbox_probe.py``) and SIGKILLs the process
   while the worker is held there, i.e. with an entry in flight: ``claimed``
   (claim committed, nothing sent), ``sent`` (the sender returned, the result not
   recorded) or ``handed-over`` (FIT-Connect took the submission, the portal has
   not saved that it did). It restarts the instance and repeats until the kill hit
   its window (``outbox_kills.py``: hits and misses are reported apart);
3. after the load the drill waits until the outbox (``@ausgang``) has nothing
   left to send, stops the instance and reads the database (``verify_site.py``);
4. checks: every kill hit its window; every submission acknowledged and stored
   once; every application delivered to FIT-Connect exactly once (the test
   server's count), every attachment's hash right there, accepted; every receipt
   mail exactly once; every outbox entry delivered.

Passes (exit code 0) only if every check holds; ``report.json`` in ``--output``.
"""

import argparse
import json
import os
from pathlib import Path
import subprocess
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from herne.portal.fitconnect.test_server import serve  # noqa: E402
from loadtest import crash  # noqa: E402
from loadtest.checks import print_checks  # noqa: E402
from loadtest.filestorage_instance import SITE_ID  # noqa: E402
from loadtest.filestorage_instance import Instance  # noqa: E402
from loadtest.filestorage_instance import admin_json  # noqa: E402
from loadtest.filestorage_instance import render_layout  # noqa: E402
from loadtest.filestorage_instance import zconsole  # noqa: E402
from loadtest.latency import latency_table  # noqa: E402
from loadtest.locust_runner import locust_command  # noqa: E402
from loadtest.locust_runner import locust_environment  # noqa: E402
from loadtest.mailserver import MailServer  # noqa: E402
from loadtest.mailserver import wait_for_mail  # noqa: E402
from loadtest.outbox_checks import evaluate_outbox_drill  # noqa: E402
from loadtest.outbox_checks import repeated_mails  # noqa: E402
from loadtest.outbox_kills import ProbeControl  # noqa: E402
from loadtest.outbox_kills import WindowKills  # noqa: E402
from loadtest.outbox_kills import fit_connect_deliveries  # noqa: E402
from loadtest.outbox_kills import parse_windows  # noqa: E402
from scripts.cluster import warm_up  # noqa: E402


DESTINATION = "6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c"
PROBE_FILTER = """
# Added by loadtest/crash_outbox.py: holds the outbox worker where the drill kills it.
[filter:outbox_probe]
use = call:loadtest.outbox_probe:filter_factory
"""


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20, help="concurrent citizens")
    parser.add_argument("--submissions", type=int, default=500, help="submissions planned")
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument(
        "--windows",
        default="claimed,sent",
        help="one kill per window: claimed, sent, handed-over; ':kind' aims at another "
        "kind of entry than fit-connect (e.g. sent:mail)",
    )
    parser.add_argument(
        "--attempts",
        type=int,
        default=300,
        help="tries of a citizen's request while the instance is down (1 s apart)",
    )
    parser.add_argument(
        "--reach-seconds",
        type=float,
        default=60,
        help="how long an armed window may take to be reached before the attempt is a miss",
    )
    parser.add_argument("--max-attempts", type=int, default=5, help="attempts per planned kill")
    parser.add_argument(
        "--drain-timeout",
        type=float,
        default=900,
        help="seconds the outbox may take after the load (entries cut off by a kill wait for "
        "the sending timeout of the Ausgang settings)",
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("HERNE_CRASH_PORT", 18190)))
    parser.add_argument("--directory", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the folder after a passed run")
    parser.add_argument("--output", type=Path, default=None, help="folder for report.json")
    args = parser.parse_args(argv)
    args.planned = parse_windows(args.windows)
    return args


def filter_before_outbox_worker(zope_ini, name, section):
    """Rewrite ``zope_ini``: the WSGI filter ``name`` (its ``section``) in front of the outbox worker's."""
    text = zope_ini.read_text(encoding="utf-8")
    text = text.replace("    outbox_worker\n", f"    {name}\n    outbox_worker\n", 1)
    text = text.replace("[pipeline:main]", section.lstrip() + "\n[pipeline:main]", 1)
    if f"{name}\n" not in text.split("[pipeline:main]", 1)[1]:
        raise RuntimeError(f"no outbox_worker in the pipeline of {zope_ini}")
    zope_ini.write_text(text, encoding="utf-8")


def add_probe(zope_ini):
    """The drill's ``zope.ini``: the probe filter in front of the outbox worker's."""
    filter_before_outbox_worker(zope_ini, "outbox_probe", PROBE_FILTER)


def create_site(zope_conf, args, mail, fit_connect_url):
    """A new site for the drill: its citizens, mail to ``mail``, the dog tax to FIT-Connect."""
    zconsole(
        zope_conf,
        "loadtest/outbox_site.py",
        HERNE_PUBLIC_URL=f"http://localhost:{args.port}/{SITE_ID}",
        HERNE_LOADTEST_USERS=str(args.users),
        HERNE_LOADTEST_SMTP_HOST=mail.hostname,
        HERNE_LOADTEST_SMTP_PORT=str(mail.port),
        HERNE_FIT_CONNECT_URL=fit_connect_url,
        HERNE_FIT_CONNECT_DESTINATION=DESTINATION,
    )


def kill_points(submissions, kills):
    """Acknowledged submissions after which each kill is armed: evenly through the run."""
    return [max(1, round(submissions * (n + 1) / (kills + 1))) for n in range(kills)]


def run_locust(args, instance, output, kills):
    summary_file, progress_file = output / "locust-summary.json", output / "locust-progress"
    summary_file.unlink(missing_ok=True)
    progress_file.write_text("0")
    env = locust_environment(args, SITE_ID, summary_file, progress_file)
    env["HERNE_LOADTEST_ATTEMPTS"] = str(args.attempts)
    started = time.monotonic()
    kills.progress_file = progress_file
    with open(output / "locust.log", "wb") as log:
        locust = subprocess.Popen(
            locust_command(args, instance.port, "60m"), cwd=ROOT, env=env, stdout=log, stderr=log
        )
        kills.start()
        try:
            locust.wait()
        finally:
            if locust.poll() is None:
                locust.kill()
                locust.wait()
    duration = time.monotonic() - started
    return duration, json.loads(summary_file.read_text())


def drain(instance, fit_connect_url, mail, expected, timeout):
    """Wait until the outbox has nothing left to send, FIT-Connect and the SMTP server have ``expected``."""
    started = time.monotonic()
    counts, delivered = {}, 0
    while time.monotonic() - started < timeout:
        try:
            counts = admin_json(f"{instance.url}/@ausgang")["counts"]
        except OSError as error:
            counts = {"error": repr(error)}
        delivered = len(fit_connect_deliveries(fit_connect_url)["delivered"])
        busy = sum(counts.get(state, 0) for state in ("pending", "sending", "failed"))
        if "error" not in counts and not busy and delivered >= expected:
            break
        time.sleep(2)
    drained = {
        "drained": "error" not in counts
        and not sum(counts.get(state, 0) for state in ("pending", "sending", "failed")),
        "after_load_s": round(time.monotonic() - started, 1),
        "outbox_counts": counts,
        "references_at_fit_connect": delivered,
    }
    # A moment more: a repeat would show itself now.
    _all, mails = wait_for_mail(mail, expected, timeout=max(5, timeout - drained["after_load_s"]))
    return drained, mails


def drain_and_read(instance, zope_conf, script, fit_connect_url, mail, expected, timeout):
    """Drain the outbox (``drain``), stop the instance and read its database with the zconsole
    ``script``: (drained, mails, FIT-Connect's deliveries, the script's JSON result)."""
    drained, mails = drain(instance, fit_connect_url, mail, expected, timeout)
    deliveries = fit_connect_deliveries(fit_connect_url)
    instance.stop()
    with tempfile.NamedTemporaryFile(suffix=".json") as result_file:
        zconsole(zope_conf, script, HERNE_LOADTEST_RESULT=result_file.name)
        result = json.loads(Path(result_file.name).read_text())
    return drained, mails, deliveries, result


def print_report(report):
    print()
    print(
        f"Outbox crash drill: {report['users']} citizens, {report['submissions_planned']} "
        f"submissions, FIT-Connect on; kills: {report['kills_planned']}"
    )
    for kill in report["kills"]:
        for attempt in kill["attempts"]:
            held = attempt.get("held") or {}
            print(
                f"  kill in {kill['window']} ({kill['kind']}): {attempt['outcome']}"
                + (
                    f", entry {held.get('entry') or held.get('submission')} state "
                    f"{held.get('state', '-')} tries {held.get('tries', '-')} held "
                    f"{attempt['held_for_s']} s; at the test server before the kill "
                    f"{attempt['at_server_before_kill']}; restart {attempt['restart_s']} s"
                    if held
                    else f" ({attempt.get('why')})"
                )
            )
    fit = report["fit_connect"]
    print(
        f"  applications {report['applications']}, delivered once {fit['delivered_once']}, "
        f"twice {len(fit['delivered_twice'])}, not {len(fit['not_delivered'])}; attachments "
        f"hash-checked {fit['attachments_checked']}; announced, never submitted "
        f"{fit['announced_never_submitted']}; receipt mails {report['mails']} (repeats with "
        f"the same Message-ID {report['mails_repeated_same_message_id']})"
    )
    print(
        f"  outbox {report['outbox']['by_state']}; sent again after a kill "
        f"{len(report['outbox']['resent_after_kill'])}; drained {report['drained']['after_load_s']} s "
        "after the load"
    )
    print_checks(report["checks"])


def main(argv=None):
    args = parse(argv if argv is not None else sys.argv[1:])
    directory = (args.directory or Path(tempfile.mkdtemp(prefix="herne-crash-outbox-"))).resolve()
    output = (args.output or directory / "report").resolve()
    output.mkdir(parents=True, exist_ok=True)
    zope_conf, zope_ini = render_layout(directory, args.port)
    add_probe(zope_ini)
    control = ProbeControl(directory / "probe")
    control.disarm()
    instance = Instance(
        zope_ini,
        args.port,
        directory / "var" / "log" / "instance.out",
        env={
            "HERNE_OUTBOX_PROBE_DIR": str(control.folder),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        },
    )
    mail = MailServer()
    mail.start()
    fit_connect = serve()
    fit_connect_url = fit_connect.fit_connect.base_url
    timings = {}
    try:
        started = time.monotonic()
        print(f"Creating the site with FIT-Connect delivery in {directory} ...", flush=True)
        create_site(zope_conf, args, mail, fit_connect_url)
        timings["site_s"] = round(time.monotonic() - started, 1)
        timings["start_s"] = round(instance.start(), 1)
        warm_up(argparse.Namespace(site_id=SITE_ID), args.port)
        kills = WindowKills(
            instance,
            control,
            fit_connect_url,
            args.planned,
            kill_points(args.submissions, len(args.planned)),
            output / "locust-progress",
            reach_seconds=args.reach_seconds,
            max_attempts=args.max_attempts,
        )
        print(
            f"locust: {args.users} citizens, {args.submissions} submissions; kills in "
            f"{args.windows} after {kill_points(args.submissions, len(args.planned))} "
            "acknowledged",
            flush=True,
        )
        duration, summary = run_locust(args, instance, output, kills)
        killed = kills.finish()
        acknowledged = sum(1 for t in summary["tickets"].values() if t.get("acknowledged"))
        print(f"load over after {duration:.0f} s; waiting for the outbox ...", flush=True)
        drained, mails, deliveries, database = drain_and_read(
            instance,
            zope_conf,
            "loadtest/verify_site.py",
            fit_connect_url,
            mail,
            acknowledged,
            args.drain_timeout,
        )
    finally:
        instance.stop()
        mail.stop()
        fit_connect.shutdown()
    checks, books, fit, outbox = evaluate_outbox_drill(
        args, killed, summary, database, mails, deliveries, drained
    )
    report = {
        "users": args.users,
        "submissions_planned": args.submissions,
        "kills_planned": args.windows,
        "directory": str(directory),
        "timings_s": {**timings, "locust_s": round(duration, 1)},
        "kills": killed["kills"],
        "kill_error": killed["error"],
        "hits": sum(1 for k in killed["kills"] for a in k["attempts"] if a["outcome"] == "hit"),
        "misses": sum(1 for k in killed["kills"] for a in k["attempts"] if a["outcome"] != "hit"),
        "acknowledged": len(books["acknowledged"]),
        "applications": len(database["applications"]),
        "lost_attempts": books["lost_attempts"],
        "committed_then_shown": len(books["committed_then_shown"]),
        "mails": books["mails"],
        "mails_repeated_same_message_id": repeated_mails(mails),
        "fit_connect": fit,
        "outbox": {
            "by_state": outbox["by_state"],
            "resent_after_kill": outbox["resent_after_kill"],
            "unfinished": outbox["unfinished"][:20],
        },
        "drained": drained,
        "problems": summary["problems"][:20],
        "failed_requests": crash.count_by(summary["failures"], "request"),
        "latency_ms": latency_table(summary["times"], duration),
        "checks": checks,
    }
    return crash.conclude(report, output, directory, args, print_report)


if __name__ == "__main__":
    sys.exit(main())
