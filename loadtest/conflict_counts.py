"""Conflicts Zope retried and gave up on: asked from the instances, or counted in their event logs."""

import base64
import json
import os
import urllib.request


def conflict_stats(settings, tolerate=()):
    """``@@herne-conflict-stats`` of every instance, asked directly (not through the balancer).

    An instance named in ``tolerate`` (the one the crash drill killed) may not answer.
    """
    user = os.environ.get("HERNE_ADMIN_USER", "admin")
    password = os.environ.get("HERNE_ADMIN_PASSWORD", "admin")
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    stats = {}
    for number, port in enumerate(settings.instance_ports, start=1):
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/{settings.site_id}/@@herne-conflict-stats",
            headers={"Authorization": f"Basic {token}"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                stats[f"instance{number}"] = json.load(response)
        except OSError:
            if f"instance{number}" not in tolerate:
                raise
            stats[f"instance{number}"] = {"pid": None, "retried": 0, "given_up": 0, "by_error": {}}
    return stats


def conflict_delta(before, after):
    delta = {}
    for name, stats in after.items():
        earlier = before.get(name, {})
        same_process = earlier.get("pid") == stats["pid"]
        delta[name] = {
            key: stats[key] - (earlier.get(key, 0) if same_process else 0)
            for key in ("retried", "given_up")
        }
        delta[name]["by_error"] = {
            error: count - (earlier.get("by_error", {}).get(error, 0) if same_process else 0)
            for error, count in stats["by_error"].items()
        }
    return delta


def instance_logs(settings):
    return {
        f"instance{number}": settings.directory / "log" / f"instance{number}.log"
        for number in range(1, settings.instances + 1)
    }


def log_offsets(settings):
    return {
        name: path.stat().st_size if path.exists() else 0
        for name, path in instance_logs(settings).items()
    }


def conflicts_in_log(path, offset=0):
    """Conflicts retried and given up (logger herne.portal.conflicts) in a log from ``offset``."""
    retried = given_up = 0
    with open(path, encoding="utf-8", errors="replace") as log:
        log.seek(offset)
        for line in log:
            if "[herne.portal.conflicts" in line:
                retried += " retried " in line
                given_up += " gave up on " in line
    return {"retried": retried, "given_up": given_up}


def logged_conflicts(settings, offsets):
    """Conflicts retried and given up per instance, from the event logs written since ``offsets``.

    A killed process takes its counters with it; its log keeps them.
    """
    return {
        name: conflicts_in_log(path, offsets.get(name, 0))
        if path.exists()
        else {"retried": 0, "given_up": 0}
        for name, path in instance_logs(settings).items()
    }
