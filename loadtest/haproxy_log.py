"""HAProxy's request log of the cluster: requests per instance, responses 5xx, write times, retries."""

from datetime import datetime
import re


# HAProxy's httplog: client [date] frontend backend/server timers status bytes ...
HAPROXY_LINE = re.compile(
    r"\[(?P<date>[^\]]+)\] (?P<frontend>\S+) (?P<backend>[^/\s]+)/(?P<server>\S+)"
    r" (?P<tq>-?\d+)/(?P<tw>-?\d+)/(?P<tc>-?\d+)/(?P<tr>-?\d+)/(?P<ta>-?\d+) (?P<status>\d{3}) "
    r'.*"(?P<method>[A-Z]+) '
)
# ... actconn/feconn/beconn/srv_conn/retries queues "request": "+N" retries were redispatched.
HAPROXY_RETRIES = re.compile(r" \d+/\d+/\d+/\d+/(?P<retries>\+?\d+) \d+/\d+ \"")


def haproxy_end_time(accept_date, total_ms):
    """When a request logged by HAProxy ended: accept date (local time) plus Ta."""
    accepted = datetime.strptime(accept_date, "%d/%b/%Y:%H:%M:%S.%f").timestamp()
    return accepted + max(0, int(total_ms)) / 1000


def haproxy_log(settings):
    return settings.directory / "log" / "haproxy.out"


def balancer_requests(settings, offset):
    """Requests per instance, responses 5xx, the instances' own time for writes (ms), retries.

    The responses 5xx come as dicts with the status and the time the request ended;
    the retries (a connection an instance refused, tried again or on another one) as
    dicts with the time and whether the request went to another instance.
    """
    per_server, server_errors, write_times, retries = {}, [], [], []
    with open(haproxy_log(settings), encoding="utf-8", errors="replace") as log:
        log.seek(offset)
        for line in log:
            match = HAPROXY_LINE.search(line)
            if not match or "@@ok" in line:
                continue
            # With the write gate, writes pass the balancer twice (the gate, then an
            # instance): the instance's line counts the request, the public frontend's
            # the status.
            if match["server"].startswith("instance"):
                per_server[match["server"]] = per_server.get(match["server"], 0) + 1
                if match["method"] == "POST" and int(match["tr"]) >= 0:
                    write_times.append(int(match["tr"]))
            retried = HAPROXY_RETRIES.search(line)
            if match["server"].startswith("instance") and retried and retried["retries"] != "0":
                retries.append(
                    {
                        "at": haproxy_end_time(match["date"], match["ta"]),
                        "redispatched": retried["retries"].startswith("+"),
                        "request": f"{match['method']} {match['backend']}/{match['server']}",
                    }
                )
            if match["frontend"] == "herne" and match["status"].startswith("5"):
                server_errors.append(
                    {
                        "request": f"{match['method']} {match['backend']}/{match['server']}",
                        "status": int(match["status"]),
                        "at": haproxy_end_time(match["date"], match["ta"]),
                        "line": line.strip(),
                    }
                )
    return per_server, server_errors, write_times, retries
