"""The checks a run passes or fails: recorded one by one, printed as ok/FAIL lines."""


def check(results, name, ok, detail=""):
    results.append({"check": name, "ok": bool(ok), "detail": str(detail)})


def print_checks(results):
    for result in results:
        mark = "ok  " if result["ok"] else "FAIL"
        detail = "" if result["ok"] else f"  ({result['detail']})"
        print(f"  {mark} {result['check']}{detail}")


def check_mails(results, books, killed=False):
    """One confirmation mail per application and no mail without one (from the accounting).

    After a kill (``killed``) a mail may arrive again with the same Message-ID: the outbox
    delivers at least once, and a process killed after the mail server took a mail but
    before the outbox recorded it leaves the entry to be sent again. Exactly once would
    need the mail server inside the database's transaction; the kept Message-ID lets mail
    programs recognise the repeat. Without a kill, a repeat fails the check too.
    """
    repeated = books["mailed_again_same_message_id"]
    check(
        results,
        "every application has its confirmation mail (one"
        + (", or the same again after the kill" if killed else "")
        + "), every mail its application",
        not books["unmailed"]
        and not books["mails_without_application"]
        and not books["mailed_twice"]
        and (killed or not repeated),
        f"without mail {books['unmailed'][:5]}, mail without application "
        f"{books['mails_without_application'][:5]}, twice {books['mailed_twice'][:5]}, "
        f"again with the same Message-ID {repeated[:5]}",
    )


def check_submitted_with_pdf(results, applications):
    """Every application in the state "submitted" and holding its one uploaded PDF."""
    not_submitted = [item["path"] for item in applications if item["state"] != "submitted"]
    check(results, "every application submitted", not not_submitted, not_submitted[:5])
    without_upload = [
        item["path"]
        for item in applications
        if len(item["files"]) != 1 or item["files"][0]["size"] <= 0
    ]
    check(results, "every application holds its PDF", not without_upload, without_upload[:5])
