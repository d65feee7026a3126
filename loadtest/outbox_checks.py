"""The checks of the outbox crash drill: kills in their windows, every delivery and receipt exactly once, hashes right."""

from loadtest import crash
from loadtest.checks import check
from loadtest.checks import check_mails
from loadtest.checks import check_submitted_with_pdf


#: states an outbox entry may not end the drill in
UNFINISHED = ("pending", "sending", "failed", "dead")
RESENT_AFTER_KILL = "erneut nach Abbruch"


def fit_connect_books(applications, deliveries):
    """Per application: how often the test server took it, and whether every attachment hash held."""
    by_reference = {}
    for submission in deliveries["submissions"]:
        if submission.get("submitted"):
            by_reference.setdefault(submission["reference"], []).append(submission)
    delivered = deliveries["delivered"]
    books = {
        "delivered_once": 0,
        "not_delivered": [],
        "delivered_twice": [],
        "rejected": [],
        "hash_wrong": [],
        "attachments_checked": 0,
        "unknown_at_server": sorted(
            set(delivered) - {a["reference"] for a in applications if a.get("reference")}
        ),
        "announced_never_submitted": sum(
            1 for s in deliveries["submissions"] if not s.get("submitted")
        ),
    }
    for application in applications:
        reference = application.get("reference")
        count = delivered.get(reference, 0)
        if count == 0:
            books["not_delivered"].append(reference or application["path"])
            continue
        if count > 1 or len(by_reference.get(reference, ())) > 1:
            books["delivered_twice"].append({"reference": reference, "count": count})
            continue
        books["delivered_once"] += 1
        submission = by_reference[reference][0]
        if submission["status"] != "accepted":
            books["rejected"].append({"reference": reference, "problems": submission["problems"]})
        portal_hashes = sorted(item["sha512"] for item in application["files"])
        listed = (submission.get("metadata") or {}).get("contentStructure", {}).get("attachments")
        server_hashes = sorted(item["hash"]["content"] for item in listed or ())
        # hashes_right: attachments the server decrypted whose SHA-512 matched the metadata.
        if (
            server_hashes != portal_hashes
            or submission.get("hashes_right") != len(portal_hashes)
            or not portal_hashes
        ):
            books["hash_wrong"].append(reference)
        else:
            books["attachments_checked"] += len(portal_hashes)
    return books


def repeated_mails(mails):
    """Mails that arrived more than once with the same Message-ID (a repeat a mail client recognises)."""
    seen = {}
    for mail in mails:
        if mail.get("message_id"):
            seen[mail["message_id"]] = seen.get(mail["message_id"], 0) + 1
    return sum(count - 1 for count in seen.values() if count > 1)


def outbox_books(entries):
    by_state, unfinished, resent = {}, [], []
    for entry in entries:
        by_state[entry["state"]] = by_state.get(entry["state"], 0) + 1
        if entry["state"] in UNFINISHED:
            unfinished.append(entry)
        if any(text == RESENT_AFTER_KILL for _state, text in entry["history"]):
            resent.append({k: entry[k] for k in ("kind", "reference", "state", "tries")})
    return {"by_state": by_state, "unfinished": unfinished, "resent_after_kill": resent}


def evaluate_outbox_drill(args, kills, summary, database, mails, deliveries, drained):
    """The checks after the load, the kills and the drain (see ``crash_outbox.py``)."""
    results = []
    planned = kills["kills"]
    check(results, "the kill thread ran without error", not kills["error"], kills["error"])
    check(
        results,
        f"{len(args.planned)} kills planned, each hit its window (worker held there at SIGKILL)",
        len(planned) == len(args.planned) and all(kill["hit"] for kill in planned),
        [(k["window"], k["kind"], [a["outcome"] for a in k["attempts"]]) for k in planned],
    )
    applications = database["applications"]
    books = crash.account(summary["tickets"], applications, mails)
    check(
        results,
        f"all {args.submissions} submissions acknowledged, none given up",
        len(books["acknowledged"]) == args.submissions and not summary["problems"],
        f"{len(books['acknowledged'])} acknowledged; problems {summary['problems'][:5]}",
    )
    check(
        results,
        "applications in the database = acknowledged submissions, none filed twice",
        len(applications) == len(books["acknowledged"])
        and not books["twice_filed"]
        and not books["acknowledged_missing"]
        and not books["unknown_applications"],
        f"{len(applications)} applications; twice {books['twice_filed'][:3]}; missing "
        f"{books['acknowledged_missing'][:3]}",
    )
    check_submitted_with_pdf(results, applications)
    fit = fit_connect_books(applications, deliveries)
    check(
        results,
        "every application delivered to FIT-Connect exactly once (test server's count by reference)",
        fit["delivered_once"] == len(applications)
        and not fit["not_delivered"]
        and not fit["delivered_twice"]
        and not fit["unknown_at_server"],
        f"once {fit['delivered_once']}, not delivered {fit['not_delivered'][:5]}, twice "
        f"{fit['delivered_twice'][:5]}, unknown {fit['unknown_at_server'][:5]}",
    )
    check(
        results,
        "every attachment's SHA-512 at the test server = the portal's file, decrypted and matched",
        not fit["hash_wrong"] and fit["attachments_checked"] == len(applications),
        f"wrong {fit['hash_wrong'][:5]}, checked {fit['attachments_checked']}",
    )
    check(
        results,
        "every delivery accepted by the receiving software (data valid against the schema)",
        not fit["rejected"],
        fit["rejected"][:3],
    )
    check_mails(results, books, killed=bool(planned))
    outbox = outbox_books(database["outbox"])
    check(
        results,
        "the outbox ends with every entry delivered (none pending, sending, failed or dead)",
        not outbox["unfinished"],
        [
            (e["kind"], e["reference"], e["state"], e["history"][-1])
            for e in outbox["unfinished"][:5]
        ],
    )
    by_reference = {}
    for mail in mails:
        for reference in crash.REFERENCE.findall(mail["subject"])[:1]:
            by_reference[reference] = by_reference.get(reference, 0) + 1
    held_references = {
        attempt["at_server_before_kill"]["reference"]
        for kill in planned
        for attempt in kill["attempts"]
        if attempt["outcome"] == "hit"
    }
    not_once = sorted(
        reference
        for reference in held_references
        if deliveries["delivered"].get(reference, 0) != 1 or by_reference.get(reference, 0) != 1
    )
    check(
        results,
        "the applications whose delivery the kills cut off: delivered once, mailed once",
        held_references and not not_once,
        not_once,
    )
    check(
        results,
        "the outbox drained after the last kill",
        drained.get("drained"),
        drained,
    )
    return results, books, fit, outbox
