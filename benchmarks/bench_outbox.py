"""Outbox drill and throughput: webhook deliveries with the worker cut off between its steps, then without.

Run (not part of `make test`):

    HERNE_BENCH_OUTBOX=300 .venv/bin/pytest benchmarks/bench_outbox.py -s -p no:cacheprovider

N applications are submitted, each writing one webhook entry for its department's
endpoint (a real HTTP receiver on the loopback that counts every request by event id).

Drill: the entries are sent by the worker's own rounds; every third claimed entry is
cut off, alternately after its claim was committed (before sending) and after sending
(before the result is committed): the step raises and everything uncommitted is thrown
away, as when the worker process is killed there. Later rounds run with the clock past
the sending timeout, as a restarted worker would. Checked: every event arrived (none
lost), each event id at most twice, and a repeat only where the kill came after the send.

Throughput: N more applications with no cuts; the worker drains them; printed are
entries per second and the delay from the submission's commit to the receiver's
receipt (p50/p95). Results go to stdout; record them in docs/benchmarks.md.
"""

from collections import Counter
from herne.portal.outbox import worker
from herne.portal.outbox.storage import get_outbox
from herne.portal.threaded_http_server import serve_in_thread
from herne.portal.webhooks.endpoints import add_endpoint
from http.server import BaseHTTPRequestHandler
import json
import os
from plone import api
import statistics
from tests.fixtures.applications import build_application
import time
import transaction


N = int(os.environ.get("HERNE_BENCH_OUTBOX", "100"))


class CutOff(Exception):
    """The drill's stand-in for a killed worker."""


def receiver():
    arrivals = []  # (event id, time)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            arrivals.append((self.headers["X-Herne-Event-Id"], time.time()))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    return serve_in_thread(Handler), arrivals


WEBHOOK_ENTRIES = set()


def submit(portal, count):
    """``count`` submissions, each committed; returns {event id: commit time}."""
    committed = {}
    for _number in range(count):
        application = build_application(portal, submit=False)
        with api.env.adopt_user(username="buerger"):
            api.content.transition(obj=application, transition="submit")
        transaction.commit()
        for entry in get_outbox().for_application(application.UID()):
            if entry.kind == "webhook":
                committed[entry.idempotency_key] = time.time()
                WEBHOOK_ENTRIES.add(entry.id)
    return committed


def test_outbox_drill_and_throughput(demo_functional):
    portal = demo_functional["portal"]
    db = demo_functional["zodbDB"]
    server, arrivals = receiver()
    department_uid = build_application(portal, submit=False).department_uid
    transaction.abort()
    api.portal.set_registry_record("herne.portal.outbox.allow_private_webhooks", True)
    add_endpoint(department_uid, f"{server.base_url}/hook")
    transaction.commit()

    # the drill
    events = submit(portal, N)
    cuts = Counter()
    seen = Counter()

    def hook(step, entry_id):
        if entry_id not in WEBHOOK_ENTRIES:
            return  # the submissions' mails go through the same rounds, uncut
        seen[entry_id, step] += 1
        if step in ("claimed", "sent") and seen[entry_id, step] == 1:
            number = len([key for key in seen if key[1] == step])
            if number % 3 == 0 and (step == "sent") == (number % 2 == 0):
                cuts[step] += 1
                raise CutOff(step)

    worker.step_hook = hook
    clock = time.time()
    try:
        for _round in range(50 * N):
            try:
                handled = worker.run_round(db, now=clock)
            except CutOff:
                handled = 1
            if not handled:
                transaction.begin()
                if not any(
                    entry.state == "sending"
                    for entry in get_outbox().entries.values()
                    if entry.kind == "webhook"
                ):
                    break
                clock += 200  # a restarted worker, after the sending timeout
    finally:
        worker.step_hook = None
    transaction.begin()
    received = Counter(event_id for event_id, _when in arrivals)
    states = Counter(e.state for e in get_outbox().entries.values() if e.kind == "webhook")
    lost = set(events) - set(received)
    repeats = sum(count - 1 for count in received.values())
    print(
        f"\noutbox drill: {len(events)} webhook events, cuts after claim {cuts['claimed']},"
        f" after send {cuts['sent']}; delivered {len(set(received) & set(events))},"
        f" lost {len(lost)}, repeats {repeats} (all recognisable by their event id);"
        f" entries {dict(states)}"
    )
    assert not lost
    assert max(received.values()) <= 2
    assert repeats == cuts["sent"]
    assert states == {"delivered": len(events)}

    # throughput and delay, worker thread as next to an instance
    arrivals.clear()
    running = worker.OutboxWorker(db, interval=0.5)
    running.start()
    started = time.time()
    events = submit(portal, N)
    submitted = time.time()
    deadline = time.time() + 120
    while len({event for event, _when in arrivals} & set(events)) < len(events):
        assert time.time() < deadline, "not all delivered within 2 minutes"
        time.sleep(0.05)
    finished = time.time()
    running.stop()
    first_arrival = dict(reversed(arrivals))
    delays = sorted(first_arrival[event] - committed for event, committed in events.items())
    p95 = delays[int(0.95 * (len(delays) - 1))]
    print(
        f"outbox throughput: {N} submissions in {submitted - started:.1f} s, all delivered"
        f" {finished - submitted:.2f} s after the last commit;"
        f" delay commit -> receipt p50 {statistics.median(delays) * 1000:.0f} ms,"
        f" p95 {p95 * 1000:.0f} ms, max {delays[-1] * 1000:.0f} ms"
    )
    print(json.dumps({"n": N, "p50_ms": statistics.median(delays) * 1000, "p95_ms": p95 * 1000}))
    server.stop()
