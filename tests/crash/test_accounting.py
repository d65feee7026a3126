"""The crash drills' accounting of submissions, on made-up runs (the rare cases a kill may cause).

A real drill seldom kills between a commit and its answer, so the cases that
follow from it are checked here: a submission committed whose answer was lost
and that the retry showed, one nobody saw, a form filed twice, a mail without
an application, and which failed requests the kill explains.
"""

from pathlib import Path
import sys


sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from loadtest.crash import account  # noqa: E402
from loadtest.crash import failed_requests  # noqa: E402


def ticket(token, *statuses, target=None):
    attempts = [
        {"attempt": number, "status": status, "at": float(number), "acknowledged": status == 302}
        for number, status in enumerate(statuses, start=1)
    ]
    return {
        "user": "lasttest-1",
        "token": token,
        "attempts": attempts,
        "acknowledged": statuses[-1] == 302,
        **({"target": target} if target else {}),
    }


def application(path, token, ticket_number, attempt, reference):
    return {
        "path": path,
        "token": token,
        "dog_name": f"Bello {ticket_number}/{attempt}",
        "reference": reference,
    }


def mail(reference):
    return {"subject": f"Eingangsbestätigung {reference}: Hundesteuer", "to": ["x"]}


def test_a_clean_run_balances():
    tickets = {"1": ticket("t1", 302, target="/a1"), "2": ticket("t2", 0, 302, target="/a2")}
    applications = [
        application("/a1", "t1", 1, 1, "HER-2026-000001"),
        application("/a2", "t2", 2, 2, "HER-2026-000002"),
    ]
    books = account(tickets, applications, [mail("HER-2026-000001"), mail("HER-2026-000002")])
    assert books["acknowledged"] == ["1", "2"]
    assert books["lost_attempts"] == 1
    for key in (
        "acknowledged_missing",
        "committed_then_shown",
        "committed_never_shown",
        "twice_filed",
        "unknown_applications",
        "duplicate_references",
        "mails_without_application",
        "unmailed",
        "unmailed_after_lost_answer",
    ):
        assert books[key] == [], key


def test_committed_before_the_answer_was_lost_counts_apart_and_may_lack_its_mail():
    tickets = {
        # Attempt 1 committed, its answer was lost; attempt 2 was shown the application.
        "1": ticket("t1", 502, 302, target="/a1"),
        # Committed, answer lost, the citizen gave up: nobody saw it.
        "2": ticket("t2", 0, 0, 0, 0, 0),
    }
    applications = [
        application("/a1", "t1", 1, 1, "HER-2026-000001"),
        application("/a2", "t2", 2, 1, "HER-2026-000002"),
    ]
    # The kill came after the second one's commit, before its mail left.
    books = account(tickets, applications, [mail("HER-2026-000001")])
    assert [item["path"] for item in books["committed_then_shown"]] == ["/a1"]
    assert [item["path"] for item in books["committed_never_shown"]] == ["/a2"]
    assert books["unmailed_after_lost_answer"] == ["/a2"]
    assert books["unmailed"] == []
    assert books["unacknowledged_tickets"] == ["2"]


def test_what_a_kill_must_never_cause_is_named():
    tickets = {
        "1": ticket("t1", 302, target="/a1"),
        "2": ticket("t2", 302, target="/gone"),
    }
    applications = [
        application("/a1", "t1", 1, 1, "HER-2026-000001"),
        application("/a1-again", "t1", 1, 1, "HER-2026-000001"),
        application("/stranger", "t9", 9, 1, "HER-2026-000009"),
    ]
    books = account(tickets, applications, [mail("HER-2026-000001"), mail("HER-2026-000005")])
    assert [item["ticket"] for item in books["acknowledged_missing"]] == ["2"]
    assert books["twice_filed"] == [{"ticket": "1", "paths": ["/a1", "/a1-again"]}]
    assert books["unknown_applications"] == ["/stranger"]
    assert books["duplicate_references"] == ["HER-2026-000001"]
    assert books["mails_without_application"] == ["HER-2026-000005"]
    assert books["unmailed"] == ["/stranger"]


def test_only_lost_answers_inside_the_kill_window_are_explained():
    window = (100.0, 130.0)
    failures = [
        {"request": "POST submit", "status": 0, "at": 100.5},
        {"request": "GET form", "status": 502, "at": 110.0},
        {"request": "POST submit", "status": 500, "at": 101.0},
        {"request": "GET form", "status": 503, "at": 131.0},
        {"request": "GET form", "status": 0, "at": 99.0},
    ]
    explained, unexplained = failed_requests(failures, window)
    assert [item["at"] for item in explained] == [100.5, 110.0]
    assert [item["at"] for item in unexplained] == [101.0, 131.0, 99.0]
    assert failed_requests(failures[:1], None) == ([], failures[:1])


def test_a_mail_sent_again_after_a_kill_keeps_its_message_id_and_passes_only_after_a_kill():
    from loadtest.checks import check_mails

    tickets = {"1": ticket("t1", 302, target="/a1"), "2": ticket("t2", 302, target="/a2")}
    applications = [
        application("/a1", "t1", 1, 1, "HER-2026-000001"),
        application("/a2", "t2", 2, 1, "HER-2026-000002"),
    ]
    # /a1's receipt again with the same Message-ID (the outbox sent it again after the
    # kill); /a2's twice with two Message-IDs (written twice: never right)
    again = {**mail("HER-2026-000001"), "message_id": "<receipt-a1@herne>"}
    books = account(tickets, applications, [again, dict(again), mail("HER-2026-000002")])
    assert books["mailed_again_same_message_id"] == ["HER-2026-000001"]
    assert books["mailed_twice"] == []
    after_kill, without_kill = [], []
    check_mails(after_kill, books, killed=True)
    check_mails(without_kill, books)
    assert after_kill[0]["ok"] and not without_kill[0]["ok"]

    twice = [
        {**mail("HER-2026-000002"), "message_id": "<one@herne>"},
        {**mail("HER-2026-000002"), "message_id": "<two@herne>"},
        mail("HER-2026-000001"),
    ]
    books = account(tickets, applications, twice)
    assert books["mailed_twice"] == ["HER-2026-000002"]
    results = []
    check_mails(results, books, killed=True)
    assert not results[0]["ok"]
