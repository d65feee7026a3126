"""The checks a run passes or fails: recorded one by one, printed as ok/FAIL lines."""


def check(results, name, ok, detail=""):
    results.append({"check": name, "ok": bool(ok), "detail": str(detail)})


def print_checks(results):
    for result in results:
        mark = "ok  " if result["ok"] else "FAIL"
        detail = "" if result["ok"] else f"  ({result['detail']})"
        print(f"  {mark} {result['check']}{detail}")
