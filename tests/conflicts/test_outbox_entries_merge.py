"""Parallel submissions that write outbox entries, and the worker that sends them, all commit."""

from herne.portal.outbox.storage import Outbox
from herne.portal.outbox.storage import shard_number
import itertools
import transaction
import ZODB
from ZODB.FileStorage import FileStorage


KINDS = (("mail", "mail:receipt", "applicant"), ("mail", "mail:department", "department"))


def _uids(round_number, same_shard):
    """Two application uids as Plone makes them (32 hex digits), in one shard or in two."""
    numbered = (f"{round_number:04x}{number:028x}" for number in itertools.count(1))
    first = next(numbered)
    second = next(
        uid for uid in numbered if (shard_number(uid) == shard_number(first)) == same_shard
    )
    return first, second


def _submit(outbox, uid):
    """What one submission writes: its mails and its delivery to the department's software."""
    for kind, event, destination in (*KINDS, ("fit-connect", "submitted", "steuern")):
        outbox.add(uid, kind, event, destination, f"{kind}:{uid}:{event}:{destination}")


def _connection(db):
    manager = transaction.TransactionManager()
    return db.open(transaction_manager=manager), manager


def _database(tmp_path, filled):
    db = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    connection, manager = _connection(db)
    outbox = connection.root()["outbox"] = Outbox()
    for number in range(filled):  # the applications of the weeks before
        _submit(outbox, f"{10**6 + number:032x}")
    manager.commit()
    connection.close()
    return db


def test_parallel_submissions_write_their_entries_without_conflict(tmp_path):
    db = _database(tmp_path, filled=300)
    for same_shard in (True, False):
        for round_number in range(15):
            first, second = _connection(db), _connection(db)
            uids = _uids(round_number + (100 if same_shard else 200), same_shard)
            _submit(first[0].root()["outbox"], uids[0])
            _submit(second[0].root()["outbox"], uids[1])
            first[1].commit()
            second[1].commit()  # one set of BTrees: ConflictError once a bucket splits
            first[0].close()
            second[0].close()

    check, _manager = _connection(db)
    outbox = check.root()["outbox"]
    assert len(outbox.entries) == (300 + 2 * 2 * 15) * 3
    assert len(outbox.due_ids()) == len(outbox.entries)
    check.close()
    db.close()


def test_the_worker_records_while_a_submission_writes_into_the_same_shard(tmp_path):
    db = _database(tmp_path, filled=300)
    worker, worker_manager = _connection(db)
    submission, submission_manager = _connection(db)
    outbox = worker.root()["outbox"]
    claimed = outbox.due_ids(limit=20)
    for entry_id in claimed[:10]:  # sent: out of the due index
        outbox.done(outbox.get(entry_id))
    for entry_id in claimed[10:]:  # claimed: due again after the sending timeout
        outbox.schedule(outbox.get(entry_id), 2**31)
    shard = shard_number(outbox.get(claimed[0]).application_uid)
    uid = next(
        uid
        for uid in (f"{number:032x}" for number in itertools.count(10**7))
        if shard_number(uid) == shard
    )
    _submit(submission.root()["outbox"], uid)
    submission_manager.commit()
    worker_manager.commit()  # the worker's record, after the submission's insert

    check, _manager = _connection(db)
    outbox = check.root()["outbox"]
    due = set(outbox.due_ids())
    assert not due & set(claimed)
    assert len(due) == (300 + 1) * 3 - 20
    assert len(outbox.for_application(uid)) == 3
    for connection in (worker, submission, check):
        connection.close()
    db.close()
