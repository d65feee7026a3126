"""The checks of a load test on the cluster: the plain run, and the run with the crash drill."""

from loadtest import crash
from loadtest.checks import check
from loadtest.checks import check_mails
from loadtest.checks import check_submitted_with_pdf
from loadtest.crash import REFERENCE


def check_nothing_personal_from_cache(results, summary):
    """Every request of the run is a logged-in citizen's: none may be answered from the cache."""
    from_cache = summary.get("from_cache", [])
    check(
        results,
        "no citizen's page answered from the cache (X-Cache: HIT)",
        not from_cache,
        from_cache[:5],
    )


def evaluate_load_test(args, database, summary, citizen_mails, conflicts, balancer):
    """The checks after a run without a kill: exactly N of everything, no error, no conflict lost."""
    n = args.submissions
    applications = database["applications"]
    references = [item["reference"] for item in applications]
    db_refs = set(filter(None, references))
    results = []
    check(results, f"{n} applications in the database", len(applications) == n, len(applications))
    check(
        results,
        f"{n} unique reference numbers",
        len(db_refs) == n and len(references) == n,
        f"{len(db_refs)} unique of {len(references)}",
    )
    check_submitted_with_pdf(results, applications)
    check(
        results,
        f"{n} applications in the catalog, with the same numbers",
        database["catalogued"] == n and set(database["catalogued_references"]) == db_refs,
        database["catalogued"],
    )
    check(
        results,
        f"{n} submissions accepted and shown to the citizens",
        summary["submitted"] == n and set(summary["references"]) == db_refs,
        f"{summary['submitted']} accepted, {len(set(summary['references']))} shown",
    )
    mailed = [found for mail in citizen_mails for found in REFERENCE.findall(mail["subject"])[:1]]
    check(
        results,
        f"{n} confirmation mails, one per reference number",
        len(citizen_mails) == n and sorted(mailed) == sorted(db_refs),
        f"{len(citizen_mails)} mails, {len(set(mailed))} references",
    )
    server_errors = summary["server_errors"] + [e["line"] for e in balancer["server_errors"]]
    check(results, "no response 5xx", not server_errors, server_errors[:5])
    check(
        results,
        "no problems seen by the citizens",
        not summary["problems"],
        summary["problems"][:5],
    )
    check_nothing_personal_from_cache(results, summary)
    given_up = sum(stats["given_up"] for stats in conflicts.values())
    check(results, "no conflict given up (all retried successfully)", given_up == 0, given_up)
    spread = balancer["per_server"]
    check(
        results,
        f"requests spread over all {len(conflicts)} instances",
        len([count for count in spread.values() if count > 0]) == len(conflicts),
        spread,
    )
    return results


def evaluate_crash_drill(args, database, summary, citizen_mails, given_up, balancer, drill):
    """The checks after a run with a killed instance (see ``run.py``'s doc)."""
    n = args.submissions
    applications = database["applications"]
    books = crash.account(summary["tickets"], applications, citizen_mails)
    window = crash.kill_window(drill, args.kill_window)
    results = []
    check(
        results,
        "one instance was killed during the run"
        + (" while it worked on a write" if args.kill_during_write else ""),
        "killed_at" in drill
        and "error" not in drill
        and (drill["killed"].get("write_in_flight_at_kill") or not args.kill_during_write),
        drill.get("not_killed") or drill.get("error") or drill.get("killed"),
    )
    if args.restart_killed:
        check(
            results,
            "the killed instance was restarted and answers",
            "back_at" in drill,
            drill.get("not_restarted") or drill.get("error"),
        )
    check_nothing_personal_from_cache(results, summary)
    check(
        results,
        f"all {n} submissions acknowledged in the end (retried where the answer was lost)",
        len(books["acknowledged"]) == n and not summary["problems"],
        f"{len(books['acknowledged'])} acknowledged; {summary['problems'][:5]}",
    )
    check(
        results,
        "every acknowledged submission is in the database (at the address shown)",
        not books["acknowledged_missing"] and not books["acknowledged_elsewhere"],
        (books["acknowledged_missing"] + books["acknowledged_elsewhere"])[:5],
    )
    check(
        results,
        "no form filed twice (one application per submission token)",
        not books["twice_filed"],
        books["twice_filed"][:5],
    )
    check(
        results,
        "no application the citizens did not send",
        not books["unknown_applications"],
        books["unknown_applications"][:5],
    )
    expected = len(books["acknowledged"]) + len(books["committed_never_shown"])
    check(
        results,
        "applications = acknowledged + committed whose answer the kill took and nobody saw",
        len(applications) == expected
        and len(books["committed_never_shown"]) <= books["lost_attempts"],
        f"{len(applications)} applications, {len(books['acknowledged'])} acknowledged, "
        f"{len(books['committed_never_shown'])} committed but never shown",
    )
    check(
        results,
        "unique reference numbers",
        not books["duplicate_references"] and not books["without_reference"],
        books["duplicate_references"][:5] + books["without_reference"][:5],
    )
    check_submitted_with_pdf(results, applications)
    db_refs = {item["reference"] for item in applications if item["reference"]}
    check(
        results,
        "every application in the catalog, with the same numbers",
        database["catalogued"] == len(applications)
        and set(database["catalogued_references"]) == db_refs,
        database["catalogued"],
    )
    check_mails(results, books, killed="killed_at" in drill)
    failures = summary["failures"] + balancer["server_errors"]
    _explained, unexplained = crash.failed_requests(failures, window)
    check(
        results,
        "no failed request but lost answers (none, 502/503/504) inside the kill window",
        not unexplained,
        [{key: item[key] for key in ("request", "status", "at")} for item in unexplained[:5]],
    )
    check(results, "no conflict given up (all retried successfully)", given_up == 0, given_up)
    spread = balancer["per_server"]
    check(
        results,
        f"requests spread over all {balancer['instances']} instances",
        len([count for count in spread.values() if count > 0]) == balancer["instances"],
        spread,
    )
    return results, books, window
