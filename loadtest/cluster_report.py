"""The cluster load test's report: the crash drill's figures, and everything printed."""

from loadtest import crash
from loadtest.checks import print_checks
from loadtest.latency import PERCENTILES


def crash_report(args, drill, books, window, summary, balancer, started_at):
    report = {
        "drill": drill,
        "kill_window": window,
        "killed_after_s": round(drill["killed_at"] - started_at, 1)
        if "killed_at" in drill
        else None,
        "down_s": round(drill["back_at"] - drill["killed_at"], 1) if "back_at" in drill else None,
        "submissions": {
            "acknowledged": len(books["acknowledged"]),
            "applications": None,
            "lost_attempts": books["lost_attempts"],
            "committed_then_shown": len(books["committed_then_shown"]),
            "committed_never_shown": len(books["committed_never_shown"]),
            "unmailed_after_lost_answer": len(books["unmailed_after_lost_answer"]),
            "mails": books["mails"],
            "details": {
                key: books[key]
                for key in (
                    "committed_then_shown",
                    "committed_never_shown",
                    "unmailed_after_lost_answer",
                    "unacknowledged_tickets",
                )
            },
        },
        "failed_requests": {},
        # Requests HAProxy sent to the dead instance before its health check noticed:
        # the connection was refused, and HAProxy tried another instance.
        "redispatched": len(
            [
                item
                for item in balancer["retries"]
                if window and window[0] <= item["at"] <= window[1]
            ]
        ),
    }
    for view, failures in (
        ("locust", summary["failures"]),
        ("balancer", balancer["server_errors"]),
    ):
        explained, unexplained = crash.failed_requests(failures, window)
        report["failed_requests"][view] = {
            "explained": len(explained),
            "unexplained": len(unexplained),
            "by_status": crash.count_by(explained, "status"),
            "by_request": crash.count_by(explained, "request"),
            "unexplained_list": [
                {key: item[key] for key in ("request", "status", "at")} for item in unexplained
            ],
        }
    return report


def print_report(report):
    print()
    print(
        f"Load test: {report['users']} citizens, {report['submissions']} submissions, "
        f"{report['instances']} instances, {report['duration_s']:.0f} s "
        f"({report['submissions_per_minute']:.0f} submissions/min)"
    )
    labels = [label for label, _share in PERCENTILES]
    print(f"{'request':<14}{'count':>7}{'req/s':>8}" + "".join(f"{label:>8}" for label in labels))
    for row in report["latency_ms"]:
        print(
            f"{row['name']:<14}{row['requests']:>7}{row['rps']:>8.1f}"
            + "".join(f"{row[label]:>8}" for label in labels)
        )
    print("(response times in ms as locust measured them; max is the slowest request)")
    if report["write_at_instance_ms"]:
        at_instance = ", ".join(f"{k} {v}" for k, v in report["write_at_instance_ms"].items())
        print(f"writes at the instance (without the wait at the balancer), ms: {at_instance}")
    for name, stats in report["conflicts"].items():
        print(
            f"{name}: {stats['retried']} conflicts retried, {stats['given_up']} given up {stats['by_error']}"
        )
    print(f"retried conflicts in total: {report['retried_conflicts']}")
    print(f"requests per instance (balancer log): {report['requests_per_instance']}")
    print(f"status codes: {report['status_codes']}")
    if "crash" in report:
        print_crash(report["crash"])
    print_checks(report["checks"])


def print_crash(crash_report):
    drill = crash_report["drill"]
    killed = drill.get("killed") or {}
    print(
        f"crash drill: {killed.get('instance', '-')} (pid {killed.get('pid', '-')}) killed"
        + (
            f" with {killed.get('writes_in_flight_at_kill')} write(s) in flight at the kill"
            f" (HAProxy; {killed.get('hits', 0)} hit, {killed.get('misses', 0)} missed"
            " tries before it: the write had been answered),"
            if "hits" in killed
            else ""
        )
        + f" {crash_report['killed_after_s']} s into the run, after"
        f" {drill.get('acknowledged_before_kill', '-')} acknowledged submissions"
        + (
            f"; back after {crash_report['down_s']} s"
            if crash_report.get("down_s") is not None
            else ""
        )
    )
    books = crash_report["submissions"]
    print(
        f"  submissions: {books['acknowledged']} acknowledged, {books['applications']} in the"
        f" database; attempts whose answer was lost: {books['lost_attempts']}"
    )
    print(
        f"  committed although the answer was lost: {books['committed_then_shown']} shown to"
        f" the citizen by the retry (same form), {books['committed_never_shown']} never shown"
    )
    print(
        f"  mails: {books['mails']}; applications whose mail the kill stopped (answer lost"
        f" too): {books['unmailed_after_lost_answer']}"
    )
    failed = crash_report["failed_requests"]
    print(
        f"  failed requests explained by the kill: {failed['locust']['explained']} as locust saw"
        f" them {failed['locust']['by_status']} by kind {failed['locust']['by_request']},"
        f" {failed['balancer']['explained']} in HAProxy's log {failed['balancer']['by_status']};"
        f" unexplained: {failed['locust']['unexplained'] + failed['balancer']['unexplained']}"
    )
    print(
        f"  requests HAProxy sent on to another instance after the dead one refused them:"
        f" {crash_report['redispatched']}"
    )
