"""When each outbox entry was committed and went through its states (run with zconsole), written as JSON.

The commit time of an entry is that of the transaction that first wrote it (the
submission's own transaction for a receipt mail or a FIT-Connect delivery), read from
the storage's transaction log: the time of its transaction id. Its states come with
the times the worker noted them (``OutboxEntry.history``).
Environment: HERNE_SITE_ID and HERNE_LOADTEST_RESULT (the JSON file to write).
"""

import json
import os
from pathlib import Path
import sys
from ZODB.TimeStamp import TimeStamp
from zope.component.hooks import setSite


sys.path.insert(0, str(Path.cwd()))

from herne.portal.outbox.storage import get_outbox  # noqa: E402


def first_commits(storage, oids):
    """Time of the first transaction that wrote each of ``oids`` (epoch seconds), by oid."""
    wanted, found = set(oids), {}
    for transaction in storage.iterator():
        for record in transaction:
            if record.oid in wanted and record.oid not in found:
                found[record.oid] = TimeStamp(transaction.tid).timeTime()
    return found


def main(app):
    portal = app[os.environ.get("HERNE_SITE_ID", "herne")]
    setSite(portal)
    outbox = get_outbox(portal, create=False)
    entries = list(outbox.entries.values()) if outbox is not None else []
    committed = first_commits(app._p_jar.db().storage, [entry._p_oid for entry in entries])
    result = [
        {
            "id": entry.id,
            "kind": entry.kind,
            "event": entry.event,
            "reference": entry.reference,
            "state": entry.state,
            "tries": entry.tries,
            "committed": committed.get(entry._p_oid),
            "history": [[at, state] for at, state, _text in entry.history],
        }
        for entry in entries
    ]
    Path(os.environ["HERNE_LOADTEST_RESULT"]).write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main(app)  # noqa: F821 - zconsole provides ``app``
    sys.exit(0)
