"""Concurrent log-ins of different citizens: how many end in a write conflict, with the log-in's writes in its own transaction (before) and outside it (now).

Run (not part of `make test`; about a minute):

    .venv/bin/pytest benchmarks/bench_login_conflicts.py -s -p no:cacheprovider

`HERNE_BENCH_CITIZENS` (default 8) local accounts post Plone's log-in form at the same
moment, each on a connection of its own (an instance's request: its own thread and
transaction), `HERNE_BENCH_ROUNDS` times (default 5); then they commit one after the
other. Every commit that ends in a `ConflictError` is counted with its object's class
(the first object the commit found conflicting; Zope would run that log-in again).
Once as the code was before (``log_in_writes_as_before``) and once as it is. Results go
to stdout; record them in docs/benchmarks.md.
"""

import collections
import os
from plone import api
import pytest
from tests.fixtures.instances import Instance
from tests.fixtures.instances import log_in_writes_as_before
import time
import transaction
from ZODB.POSException import ConflictError


CITIZENS = int(os.environ.get("HERNE_BENCH_CITIZENS", "8"))
ROUNDS = int(os.environ.get("HERNE_BENCH_ROUNDS", "5"))
PASSWORD = "Anmelde-Messung-2026!"


def _accounts(db):
    instance = Instance(db)

    def create():
        for number in range(CITIZENS):
            username = f"anmeldung-{number}"
            api.user.create(email=f"{username}@example.org", username=username, password=PASSWORD)
        transaction.commit()

    try:
        instance.run(create)
    finally:
        instance.close()


def _log_in_at_once(db):
    conflicts = collections.Counter()
    commits = 0
    for _round in range(ROUNDS):
        instances = [Instance(db) for _number in range(CITIZENS)]
        try:
            for number, instance in enumerate(instances):
                assert instance.log_in(f"anmeldung-{number}", PASSWORD), "no ticket"
            for instance in instances:
                commits += 1
                try:
                    instance.commit()
                except ConflictError as error:
                    conflicts[error.class_name] += 1
        finally:
            for instance in instances:
                instance.close()
        time.sleep(0.01)
    return commits, conflicts


@pytest.mark.parametrize("code", ["before", "now"])
def test_concurrent_log_ins(demo_functional, monkeypatch, code):
    if code == "before":
        log_in_writes_as_before(monkeypatch)
    db = demo_functional["zodbDB"]
    _accounts(db)
    commits, conflicts = _log_in_at_once(db)
    print(
        f"\n{code}: {CITIZENS} citizens x {ROUNDS} rounds: {sum(conflicts.values())} of "
        f"{commits} log-ins conflicted {dict(conflicts)}"
    )
