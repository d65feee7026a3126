"""FIT-Connect delivery drill: N dog-tax applications with evidence, delivered exactly once despite cut-offs.

Run (not part of `make test`):

    HERNE_BENCH_DELIVERIES=500 .venv/bin/pytest benchmarks/bench_fit_connect.py -s -p no:cacheprovider

Each application is created as the form would file it (one PDF of 200 kB) and its
submission writes the ``fit-connect`` outbox entry. The entries are then sent through
the ``fit-connect`` sender in the way the outbox worker does (claim, send, record,
again later on a temporary error), against the FIT-Connect test server on a free port.
Every third delivery is cut off at a random step (before the announcement, after the
announcement before its ids are committed, between announcement and upload, between
upload and submit, or after the submit before the answer is read): the step raises, and everything not yet committed is thrown away,
as when the worker process is killed there. Every seventh submit is answered twice by
the server (taken, then 500). The drill checks at the test server that every
application was delivered exactly once with every attachment hash right and no
problem, and prints the throughput and the per-delivery time (p50/p95).
Results go to stdout; record them in docs/benchmarks.md.
"""

from herne.portal.fitconnect import state as states
from herne.portal.fitconnect.delivery import deliver
from herne.portal.fitconnect.errors import Unreachable
from herne.portal.fitconnect.sender import DELIVERY
from herne.portal.fitconnect.test_server import serve
from herne.portal.outbox.storage import get_outbox
import os
from plone.namedfile.file import NamedBlobFile
import random
import statistics
from tests.fixtures.applications import build_application
from tests.fixtures.fitconnect import FitConnectServer
from tests.fixtures.fitconnect import complete_rows
import time
import transaction


DELIVERIES = int(os.environ.get("HERNE_BENCH_DELIVERIES", "100"))
PDF = b"%PDF-1.4\n" + b"0" * 200_000 + b"\n%%EOF\n"
SERVICE = "hundesteuer"
CUTS = ("announce", "after-announce", "upload_attachment", "submit", "after-submit")


class CutOff(Unreachable):
    """The drill's stand-in for a killed worker."""


def cutting(client, step):
    """``client`` with ``step`` cut off (raising before it, or after the announcement or submit)."""
    if step == "after-announce":
        announce = client.announce

        def announced_then_killed(*args):
            announce(*args)
            raise CutOff("killed after the announcement, before its ids were committed")

        client.announce = announced_then_killed
    elif step == "after-submit":
        submit = client.submit

        def submitted_then_killed(*args):
            submit(*args)
            raise CutOff("killed after the submit")

        client.submit = submitted_then_killed
    else:

        def killed(*args):
            raise CutOff(f"killed before {step}")

        setattr(client, step, killed)
    return client


def test_fit_connect_delivery_drill(demo_functional):
    portal = demo_functional["portal"]
    service = portal["leistungen"][SERVICE]
    server = serve()
    fit_connect = FitConnectServer(server)
    try:
        fit_connect.deliver_here(service)
        rows = complete_rows(service)
        transaction.commit()

        started = time.perf_counter()
        applications = []
        for number in range(DELIVERIES):
            upload = NamedBlobFile(data=PDF, contentType="application/pdf", filename="a.pdf")
            applications.append(
                build_application(
                    portal, service, rows=rows, uploads={"nachweis": ("Nachweis", upload)}
                )
            )
            if number % 20 == 19:
                transaction.commit()
        transaction.commit()
        filed = time.perf_counter() - started

        outbox = get_outbox()
        entries = [
            entry
            for application in applications
            for entry in outbox.for_application(application.UID())
            if entry.kind == DELIVERY
        ]
        assert len(entries) == DELIVERIES

        rng = random.Random(21)
        client = fit_connect.client()
        timings, cut, twice, rounds = [], 0, 0, 0
        started = time.perf_counter()
        waiting = list(zip(applications, entries, strict=True))
        while waiting:
            rounds += 1
            again = []
            for index, (application, entry) in enumerate(waiting):
                this_client = fit_connect.client()
                if rounds == 1 and index % 3 == 0:
                    cutting(this_client, rng.choice(CUTS))
                    cut += 1
                if rounds == 1 and index % 7 == 0:
                    fit_connect.hooks(answer_twice=True)
                    twice += 1
                begun = time.perf_counter()
                try:
                    deliver(application, entry.destination, client=this_client)
                except Unreachable:
                    transaction.abort()  # what a killed worker had not committed is gone
                    fit_connect.hooks(answer_twice=False)
                    again.append((application, entry))
                    continue
                timings.append(time.perf_counter() - begun)
            waiting = again
        sent = time.perf_counter() - started
        del client

        report = fit_connect.deliveries()
        counts = report["delivered"]
        references = [application.reference_number for application in applications]
        once = sum(1 for reference in references if counts.get(reference) == 1)
        more = sum(1 for reference in references if counts.get(reference, 0) > 1)
        never = sum(1 for reference in references if counts.get(reference, 0) == 0)
        submitted = [s for s in report["submissions"] if s["status"] != "created"]
        hashes_right = sum(1 for s in submitted if s["hashes_right"] == 1)
        problems = sum(1 for s in submitted if s["problems"])
        announced_only = sum(1 for s in report["submissions"] if s["status"] == "created")
        statuses = {states.delivery_state(a)["status"] for a in applications}

        timings.sort()
        print()
        print(f"applications filed: {DELIVERIES} in {filed:.1f} s")
        print(
            f"cut off in the first round: {cut}; submits answered twice: {twice}; rounds: {rounds}"
        )
        print(f"delivered exactly once: {once}; more than once: {more}; never: {never}")
        print(f"attachment hashes right: {hashes_right}/{len(submitted)}; rejected: {problems}")
        print(f"announced, never submitted (cut before the ids were committed): {announced_only}")
        print(f"delivery states on the applications: {sorted(statuses)}")
        print(
            f"deliveries: {DELIVERIES / sent:.1f}/s over {sent:.1f} s; per delivery p50 "
            f"{statistics.median(timings) * 1000:.0f} ms, "
            f"p95 {timings[int(len(timings) * 0.95) - 1] * 1000:.0f} ms"
        )
        assert once == DELIVERIES and more == 0 and never == 0
        assert hashes_right == DELIVERIES and problems == 0
        assert statuses == {states.SUBMITTED}
    finally:
        server.stop()
