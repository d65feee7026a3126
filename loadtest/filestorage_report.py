"""The FileStorage crash drill's report, printed."""

from loadtest.checks import print_checks


def print_report(report):
    drill = report["drill"]
    storage = report["storage"]
    print()
    print(
        f"FileStorage crash drill: {report['users']} citizens; SIGKILL after"
        f" {drill.get('acknowledged_before_kill')} acknowledged submissions"
    )
    print(
        f"  acknowledged {report['acknowledged']}, applications in the database"
        f" {report['applications']}, committed but never answered"
        f" {len(report['committed_never_answered'])}, attempts without answer"
        f" {report['lost_attempts']}, mails {report['mails']} (unmailed after a lost answer:"
        f" {len(report['unmailed_after_lost_answer'])}; repeats with the same Message-ID:"
        f" {report['mails_repeated_same_message_id']})"
    )
    print(
        f"  requests that failed after the kill: {report['failed_after_kill']['count']}"
        f" {report['failed_after_kill']['by_request']}"
    )
    conflicts = report["conflicts"]
    print(
        f"  conflicts (event log): {conflicts['retried']} retried, {conflicts['given_up']} given"
        f" up (answered 500: {conflicts['answered_500']}, sent again by the citizen)"
    )
    taken_over = report["outbox_claims_taken_over"]
    print(
        f"  outbox entries the kill left claimed (between claim and record):"
        f" {taken_over['after_kill']}, sent again by the restarted worker at once"
        f" ({taken_over['after_timeout']} only after the sending timeout)"
    )
    print(
        f"  fstest after the kill: {storage['fstest_after_kill'][0]}"
        f" {storage['fstest_after_kill'][1]!r}; zodbverify: {storage['zodbverify_after_kill']}"
        " (records, not loadable)"
    )
    print(
        f"  fstest after restart: {storage['fstest_after_restart'][0]}; zodbverify:"
        f" {storage['zodbverify_after_restart']}; restart took {report['timings_s']['restart_s']} s"
    )
    print_checks(report["checks"])
