"""The checks of the FileStorage crash drill: a sound Data.fs, every acknowledged submission stored."""

from loadtest import crash
from loadtest.checks import check
from loadtest.checks import check_mails


def evaluate_filestorage_drill(
    args, drill, summary, database, mails, storage, restarted, conflicts
):
    """The checks after the kill, the restart and the clean stop (see ``crash_filestorage.py``)."""
    results = []
    check(
        results,
        "the instance was killed while citizens were submitting",
        "killed_at" in drill and "error" not in drill and drill.get("acknowledged_before_kill"),
        drill.get("not_killed") or drill.get("error") or drill.get("acknowledged_before_kill"),
    )
    status, message = storage["fstest_after_kill"]
    check(
        results,
        "fstest after the kill: clean (or only the unfinished last transaction)",
        status in ("clean", "tail"),
        message,
    )
    records, broken, output = storage["zodbverify_after_kill"]
    check(
        results,
        "zodbverify after the kill: every record loads",
        records and broken == 0,
        f"{records} records, {broken} broken; {output[-500:]}",
    )
    check(
        results,
        "the instance starts again on the same Data.fs",
        restarted.get("started_s") is not None,
        restarted.get("error"),
    )
    applications = database["applications"]
    books = crash.account(summary["tickets"], applications, mails)
    catalogued = restarted.get("catalogued", {})
    missing_live = [
        ticket["target"]
        for ticket in summary["tickets"].values()
        if ticket.get("acknowledged") and ticket.get("target", "").lstrip("/") not in catalogued
    ]
    check(
        results,
        "the restarted instance lists every acknowledged submission",
        not missing_live,
        missing_live[:5],
    )
    check(
        results,
        "every acknowledged submission is in the database (at the address shown)",
        not books["acknowledged_missing"] and not books["acknowledged_elsewhere"],
        (books["acknowledged_missing"] + books["acknowledged_elsewhere"])[:5],
    )
    check(results, "no form filed twice", not books["twice_filed"], books["twice_filed"][:5])
    check(
        results,
        "no application the citizens did not send",
        not books["unknown_applications"],
        books["unknown_applications"][:5],
    )
    expected = len(books["acknowledged"]) + len(books["committed_never_shown"])
    check(
        results,
        "applications = acknowledged + committed whose answer the kill took",
        len(applications) == expected
        and len(books["committed_never_shown"]) <= books["lost_attempts"],
        f"{len(applications)} applications, {len(books['acknowledged'])} acknowledged, "
        f"{len(books['committed_never_shown'])} committed but never answered",
    )
    check(
        results,
        "unique reference numbers",
        not books["duplicate_references"] and not books["without_reference"],
        books["duplicate_references"][:5] + books["without_reference"][:5],
    )
    bad = [
        item["path"]
        for item in applications
        if item["state"] != "submitted" or len(item["files"]) != 1 or item["files"][0]["size"] <= 0
    ]
    check(results, "every application submitted, with its PDF readable", not bad, bad[:5])
    refs = {item["reference"] for item in applications if item["reference"]}
    check(
        results,
        "every application in the catalog",
        database["catalogued"] == len(applications)
        and set(database["catalogued_references"]) == refs,
        database["catalogued"],
    )
    check_mails(results, books, killed="killed_at" in drill)
    # After the kill nothing answers: every request then fails without an answer (0).
    window = (
        (drill["killed_at"] - crash.BEFORE_KILL, float("inf")) if "killed_at" in drill else None
    )
    explained, unexplained = crash.failed_requests(summary["failures"], window)
    unexplained += [item for item in explained if item["status"] != 0]
    explained = [item for item in explained if item["status"] == 0]
    conflict_errors = [item for item in unexplained if item["status"] == 500]
    # With or without the write queue (herne.portal.write_queue, off by default) no conflict
    # may end with an error page; any failure but the kill's unanswered requests fails the run.
    check(
        results,
        "no failed request but unanswered ones after the kill",
        not unexplained,
        f"{unexplained[:5]}",
    )
    check(
        results,
        "no conflict Zope gave up on (event log)",
        conflicts["given_up"] == 0,
        f"{conflicts['given_up']} given up, {conflicts['retried']} retried",
    )
    status, message = storage["fstest_after_restart"]
    check(results, "fstest after the restart and a clean stop: clean", status == "clean", message)
    records, broken, output = storage["zodbverify_after_restart"]
    check(
        results,
        "zodbverify after the restart: every record loads",
        records and broken == 0,
        f"{records} records, {broken} broken; {output[-500:]}",
    )
    return results, books, explained, conflict_errors
