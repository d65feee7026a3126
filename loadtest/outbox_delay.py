"""Outbox delivery delay and throughput under the 50-citizen load: submission commit to FIT-Connect and to the receipt mail.

    .venv/bin/python loadtest/outbox_delay.py                              # 50 citizens, 500 submissions
    .venv/bin/python loadtest/outbox_delay.py --users 5 --submissions 30

The set-up of ``crash_outbox.py`` without its kills: the ``make start`` layout
(FileStorage, one Zope process whose outbox worker thread sends) in a temporary
folder with a new site; the dog tax delivers to a destination of the FIT-Connect
test server and the receipt mails go to an aiosmtpd server, both in this process.
locust citizens submit the dog-tax form with a PDF (``locustfile.py``); after the
load the script waits until the outbox has nothing left to send, stops the
instance and reads every outbox entry (``outbox_times.py``).

Per application: the delay from the commit of its submission (the time of the
transaction that wrote its outbox entries) to the moment the test server took its
FIT-Connect submit (``received_at``), and to the moment the SMTP server took its
receipt mail. Printed as p50 / p95 / max, with the outbox's throughput: entries
delivered per second while the load ran (every kind: FIT-Connect, its decision
read, mails), the most entries waiting at once, and how long after the load the
last one was delivered; and where the worker's time went, per step (claim, send,
record) and kind of entry, wall against CPU time (``outbox_step_times.py``, a filter
only this script's ``zope.ini`` has). Passes (exit code 0) only if every acknowledged
application was delivered and mailed exactly once; ``report.json`` in ``--output``.
"""

import argparse
import json
import os
from pathlib import Path
import sys
import tempfile
import time
from types import SimpleNamespace


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from herne.portal.fitconnect.sender import DELIVERY  # noqa: E402
from herne.portal.fitconnect.test_server import serve  # noqa: E402
from loadtest import crash  # noqa: E402
from loadtest.checks import check  # noqa: E402
from loadtest.checks import print_checks  # noqa: E402
from loadtest.crash_outbox import create_site  # noqa: E402
from loadtest.crash_outbox import drain_and_read  # noqa: E402
from loadtest.crash_outbox import filter_before_outbox_worker  # noqa: E402
from loadtest.filestorage_instance import SITE_ID  # noqa: E402
from loadtest.filestorage_instance import Instance  # noqa: E402
from loadtest.filestorage_instance import render_layout  # noqa: E402
from loadtest.latency import latency_table  # noqa: E402
from loadtest.latency import percentile  # noqa: E402
from loadtest.locust_runner import run_locust  # noqa: E402
from loadtest.mailserver import MailServer  # noqa: E402
from loadtest.outbox_step_times import summarise as step_times  # noqa: E402
from scripts.cluster import warm_up  # noqa: E402


RECEIPT = "mail:receipt"
STEP_TIMES_FILTER = """
# Added by loadtest/outbox_delay.py: the outbox worker's time per step.
[filter:outbox_step_times]
use = call:loadtest.outbox_step_times:filter_factory
"""


def add_step_times(zope_ini):
    """This script's ``zope.ini``: the step-times filter in front of the outbox worker's."""
    filter_before_outbox_worker(zope_ini, "outbox_step_times", STEP_TIMES_FILTER)


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50, help="concurrent citizens")
    parser.add_argument("--submissions", type=int, default=500, help="submissions in total")
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--run-time", default="30m", help="locust stops after this long")
    parser.add_argument(
        "--drain-timeout",
        type=float,
        default=900,
        help="seconds the outbox may take after the load",
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("HERNE_DELAY_PORT", 18195)))
    parser.add_argument("--directory", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the folder after a passed run")
    parser.add_argument("--output", type=Path, default=None, help="folder for report.json")
    return parser.parse_args(argv)


def spread(values):
    """p50 / p95 / max in milliseconds (nearest rank), and how many."""
    if not values:
        return {"count": 0}
    return {
        "count": len(values),
        **{
            label: round(percentile(values, share) * 1000)
            for label, share in (("p50", 0.50), ("p95", 0.95), ("max", 1.0))
        },
    }


def delivered_at(entry):
    """When the worker noted the entry delivered (its first "delivered" step), or None."""
    return next((at for at, state in entry["history"] if state == "delivered"), None)


def delays(entries, deliveries, mails):
    """Commit -> FIT-Connect submit and commit -> receipt mail, per reference number (seconds)."""
    received = {}
    for submission in deliveries["submissions"]:
        if submission.get("received_at") is not None:
            reference = submission["reference"]
            received[reference] = min(received.get(reference, 1e18), submission["received_at"])
    mailed = {}
    for mail in mails:
        for reference in crash.REFERENCE.findall(mail["subject"])[:1]:
            mailed[reference] = min(mailed.get(reference, 1e18), mail["received_at"])
    fit, receipt, missing = {}, {}, []
    for entry in entries:
        if entry["committed"] is None:
            missing.append(entry["id"])
        elif entry["kind"] == DELIVERY and entry["reference"] in received:
            fit[entry["reference"]] = received[entry["reference"]] - entry["committed"]
        elif entry["event"] == RECEIPT and entry["reference"] in mailed:
            receipt[entry["reference"]] = mailed[entry["reference"]] - entry["committed"]
    return fit, receipt, missing


def throughput(entries, load_started, load_ended):
    """Entries delivered while the load ran (per second, by kind), most waiting at once, drain time."""
    steps, during, by_kind = [], 0, {}
    for entry in entries:
        done = delivered_at(entry)
        if entry["committed"] is not None:
            steps.append((entry["committed"], 1))
        if done is None:
            continue
        steps.append((done, -1))
        if load_started <= done <= load_ended:
            during += 1
            kind = entry["event"] if entry["kind"] == "mail" else entry["kind"]
            by_kind[kind] = by_kind.get(kind, 0) + 1
    waiting = most = 0
    for _at, step in sorted(steps):
        waiting += step
        most = max(most, waiting)
    finished = [done for done in map(delivered_at, entries) if done is not None]
    committed = [e["committed"] for e in entries if e["committed"] is not None]
    load_s = load_ended - load_started
    return {
        "entries": len(entries),
        "written_during_load": sum(1 for at in committed if load_started <= at <= load_ended),
        "delivered_during_load": during,
        "delivered_during_load_by_kind": by_kind,
        "delivered_per_s_during_load": round(during / load_s, 2) if load_s else None,
        "most_waiting_at_once": most,
        "last_delivered_after_load_s": round(max(finished) - load_ended, 1) if finished else None,
        "delivered_per_s_overall": round(len(finished) / (max(finished) - min(committed)), 2)
        if finished and committed
        else None,
    }


def evaluate(summary, entries, deliveries, mails, fit, receipt, missing):
    results = []
    acknowledged = {
        t.get("reference") for t in summary["tickets"].values() if t.get("acknowledged")
    }
    twice = sorted(r for r, n in deliveries["delivered"].items() if n > 1)
    mail_counts = {}
    for mail in mails:
        for reference in crash.REFERENCE.findall(mail["subject"])[:1]:
            mail_counts[reference] = mail_counts.get(reference, 0) + 1
    check(
        results,
        "every acknowledged application delivered to FIT-Connect, none twice",
        acknowledged <= set(fit) and not twice,
        f"not delivered {sorted(acknowledged - set(fit))[:5]}, twice {twice[:5]}",
    )
    check(
        results,
        "every acknowledged application has its receipt mail, exactly one",
        acknowledged <= set(receipt) and all(n == 1 for n in mail_counts.values()),
        f"without {sorted(acknowledged - set(receipt))[:5]}, more than one "
        f"{sorted(r for r, n in mail_counts.items() if n > 1)[:5]}",
    )
    unfinished = [e["id"] for e in entries if e["state"] != "delivered"]
    check(results, "every outbox entry delivered", not unfinished, unfinished[:5])
    check(results, "every entry's commit found in the transaction log", not missing, missing[:5])
    return results


def print_report(report):
    print()
    print(
        f"Outbox under load: {report['users']} citizens, {report['acknowledged']} submissions "
        f"acknowledged in {report['load_s']} s, FIT-Connect on"
    )
    for name, label in (("fit_connect", "FIT-Connect submit"), ("receipt_mail", "receipt mail")):
        row = report["delay_ms"][name]
        print(
            f"  commit -> {label}: {row['count']} applications, p50 {row.get('p50')} ms, "
            f"p95 {row.get('p95')} ms, max {row.get('max')} ms"
        )
    out = report["outbox"]
    print(
        f"  outbox: {out['entries']} entries, {out['delivered_during_load']} delivered during the "
        f"load ({out['delivered_per_s_during_load']}/s; {out['delivered_during_load_by_kind']}), "
        f"at most {out['most_waiting_at_once']} waiting at once; last delivered "
        f"{out['last_delivered_after_load_s']} s after the load"
    )
    for phase, steps in report.get("worker_steps", {}).items():
        print(f"  worker's steps {phase.replace('_', ' ')} (wall / CPU p50 ms):")
        claim = steps.get("claim", {})
        print(
            f"    claim: {claim.get('wall', {}).get('count', 0)} batches, "
            f"{claim.get('wall', {}).get('p50_ms')} / {claim.get('cpu', {}).get('p50_ms')}"
        )
        for kind, row in steps.items():
            if kind in ("claim", "threads"):
                continue
            print(
                f"    {kind}: {row['send']['wall']['count']} entries, send "
                f"{row['send']['wall'].get('p50_ms')} / {row['send']['cpu'].get('p50_ms')}, "
                f"record {row['record']['wall'].get('p50_ms')} / "
                f"{row['record']['cpu'].get('p50_ms')}"
            )
    print_checks(report["checks"])


def main(argv=None):
    args = parse(argv if argv is not None else sys.argv[1:])
    directory = (args.directory or Path(tempfile.mkdtemp(prefix="herne-outbox-delay-"))).resolve()
    output = (args.output or directory / "report").resolve()
    output.mkdir(parents=True, exist_ok=True)
    zope_conf, zope_ini = render_layout(directory, args.port)
    add_step_times(zope_ini)
    steps_file = output / "worker-steps.jsonl"
    steps_file.unlink(missing_ok=True)
    instance = Instance(
        zope_ini,
        args.port,
        directory / "var" / "log" / "instance.out",
        env={
            "HERNE_OUTBOX_STEP_TIMES": str(steps_file),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        },
    )
    mail = MailServer()
    mail.start()
    fit_connect = serve()
    fit_connect_url = fit_connect.fit_connect.base_url
    try:
        print(f"Creating the site with FIT-Connect delivery in {directory} ...", flush=True)
        create_site(zope_conf, args, mail, fit_connect_url)
        instance.start()
        warm_up(argparse.Namespace(site_id=SITE_ID), args.port)
        print(f"locust: {args.users} citizens, {args.submissions} submissions", flush=True)
        summary_file = output / "locust-summary.json"
        load_started = time.time()
        duration = run_locust(
            args,
            SimpleNamespace(port=args.port, site_id=SITE_ID),
            summary_file,
            output / "progress",
        )
        load_ended = time.time()
        summary = json.loads(summary_file.read_text())
        acknowledged = sum(1 for t in summary["tickets"].values() if t.get("acknowledged"))
        print(f"load over after {duration:.0f} s; waiting for the outbox ...", flush=True)
        drained, mails, deliveries, entries = drain_and_read(
            instance,
            zope_conf,
            "loadtest/outbox_times.py",
            fit_connect_url,
            mail,
            acknowledged,
            args.drain_timeout,
        )
    finally:
        instance.stop()
        mail.stop()
        fit_connect.shutdown()
    fit, receipt, missing = delays(entries, deliveries, mails)
    report = {
        "users": args.users,
        "submissions_planned": args.submissions,
        "acknowledged": acknowledged,
        "directory": str(directory),
        "load_s": round(load_ended - load_started, 1),
        "delay_ms": {
            "fit_connect": spread(list(fit.values())),
            "receipt_mail": spread(list(receipt.values())),
        },
        "outbox": throughput(entries, load_started, load_ended),
        "worker_steps": step_times(steps_file, load_started, load_ended),
        "drained": drained,
        "failed_requests": crash.count_by(summary["failures"], "request"),
        "latency_ms": latency_table(summary["times"], duration),
        "checks": evaluate(summary, entries, deliveries, mails, fit, receipt, missing),
    }
    return crash.conclude(report, output, directory, args, print_report)


if __name__ == "__main__":
    sys.exit(main())
