"""The conflict map: concurrent submissions without the write queue, each conflict by role.

Run (not part of `make test`; about a minute for the defaults on 2 cores):

    .venv/bin/python benchmarks/conflict_map.py --submitters 8 --submissions 80 [--prefill 2000]

Renders the ``make start`` layout (FileStorage with blobs, MVCC as in production)
into a temporary folder, creates the site with its demo content and the load
test's citizens (``loadtest/crash_site.py``), then runs ``_conflict_submitters.py``
in one Zope process: ``--submitters`` threads, each a citizen with its own
in-process WSGI client on Zope's publisher (its own ZODB connection per request,
Zope's retries as configured, no write queue), posting the dog-tax form with a
25 kB PDF until ``--submissions`` are filed; ``--prefill N`` first creates N
applications in one transaction (a site in use holds thousands; a fresh site's small
trees split more often). One submission alone goes first, so
that the department's area exists. Every ``ConflictError`` (the publisher's
retries and the reference counter's own) is reported by the role of the object
it named (which index, BTree, Length, folder, annotation), resolved from the
database afterwards, and by class. ``--json`` keeps the raw report.
"""

import argparse
from collections import Counter
import json
import os
from pathlib import Path
import statistics
import subprocess
import sys
import tempfile


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loadtest.filestorage_instance import render_layout  # noqa: E402
from loadtest.filestorage_instance import zconsole  # noqa: E402
from loadtest.mailserver import MailServer  # noqa: E402


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submitters", type=int, default=8)
    parser.add_argument("--submissions", type=int, default=80)
    parser.add_argument(
        "--prefill",
        type=int,
        default=0,
        help="applications created in one transaction before the run (a site in use)",
    )
    parser.add_argument("--json", type=Path, help="write the raw report here")
    parser.add_argument("--port", type=int, default=18390, help="only written into zope.ini")
    return parser.parse_args(argv)


def collect(args, directory, mail):
    zope_conf, _ini = render_layout(directory, args.port)
    environment = {
        "HERNE_LOADTEST_USERS": str(args.submitters + 1),
        "HERNE_LOADTEST_SMTP_HOST": mail.hostname,
        "HERNE_LOADTEST_SMTP_PORT": str(mail.port),
    }
    zconsole(zope_conf, "loadtest/crash_site.py", **environment)
    output = directory / "conflict-map.json"
    try:
        zconsole(
            zope_conf,
            "benchmarks/_conflict_submitters.py",
            HERNE_CONFLICT_MAP_SUBMITTERS=str(args.submitters),
            HERNE_CONFLICT_MAP_SUBMISSIONS=str(args.submissions),
            HERNE_CONFLICT_MAP_PREFILL=str(args.prefill),
            HERNE_CONFLICT_MAP_OUTPUT=str(output),
            **environment,
        )
    except subprocess.CalledProcessError as error:
        print(error.stdout[-3000:], error.stderr[-5000:], file=sys.stderr)
        raise
    return json.loads(output.read_text())


COUNTER = "reference-counter"
#: Short transactions of their own that retry themselves (not Zope's request retries).
OWN_TRANSACTIONS = (COUNTER, "reference-words", "index-after-commit")


def short_class(name):
    return (name or "?").rsplit(".", 1)[-1]


def summarise(report):
    """Rows of (role, object class, retried, given up), most conflicts first."""
    roles = report["roles"]
    rows = Counter()
    for event in report["events"]:
        if event["oid"] is None:
            key = ("(no object named: " + event["error"] + ")", "", "")
        else:
            role = roles[str(event["oid"])]
            key = (role["role"], role["way"], short_class(event["class"] or role["class"]))
        rows[(*key, event["retried"])] += 1
    table = {}
    for (role, way, klass, retried), count in rows.items():
        entry = table.setdefault((role, way, klass), [0, 0])
        entry[0 if retried else 1] += count
    return sorted(table.items(), key=lambda item: -sum(item[1]))


def print_report(report):
    events = report["events"]
    requests = [event for event in events if event["path"] not in OWN_TRANSACTIONS]
    retried = sum(1 for event in requests if event["retried"])
    given_up = sum(1 for event in requests if not event["retried"])
    counter = [event for event in events if event["path"] == COUNTER]
    times = report["submit_seconds"]
    quantiles = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
    print(
        f"\n{report['submitters']} submitters, {report['submissions']} submissions "
        f"(prefilled: {report.get('prefilled') or 'none'}): "
        f"{report['accepted']} accepted, status codes {report['status_codes']}"
    )
    print(
        f"submissions redone by Zope after a conflict: {retried} "
        f"({retried / report['submissions']:.0%} of submissions), given up (500): {given_up}; "
        f"the reference counter's own short transaction: {len(counter)} retried "
        f"({sum(1 for event in counter if not event['retried'])} of them ran out of attempts)"
    )
    for path in OWN_TRANSACTIONS[1:]:
        own = [event for event in events if event["path"] == path]
        print(
            f"short transaction {path!r}: {len(own)} retried "
            f"({sum(1 for event in own if not event['retried'])} of them ran out of attempts)"
        )
    print(
        f"wall {report['seconds']:.1f} s, process CPU {report['cpu_seconds']:.1f} s "
        f"({report['cpu_seconds'] / max(report['accepted'], 1) * 1000:.0f} ms per accepted "
        f"submission); submit p50 {quantiles[49] * 1000:.0f} ms, p95 {quantiles[94] * 1000:.0f} ms; "
        f"load average at the end {report['load'][0]:.1f}"
    )
    print(f"\n{'retried':>8}{'gave up':>8}  role (object class; way down from the named object)")
    for (role, way, klass), (count_retried, count_given_up) in summarise(report):
        detail = f"{klass}" + (f"; {way}" if way and way != klass else "")
        print(f"{count_retried:>8}{count_given_up:>8}  {role} ({detail})")
    by_class = Counter(short_class(event["class"]) for event in events)
    print(f"\nby class: {dict(by_class.most_common())}")
    by_error = Counter(event["error"] for event in events)
    print(f"by error: {dict(by_error)}")


def main(argv=None):
    args = arguments(argv)
    mail = MailServer()
    mail.start()
    try:
        with tempfile.TemporaryDirectory(prefix="herne-conflict-map-") as folder:
            report = collect(args, Path(folder), mail)
    finally:
        mail.stop()
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    print_report(report)
    print(f"(machine: {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
