"""Response-time percentiles (nearest rank) per request name, in milliseconds."""

import math


PERCENTILES = (("p50", 0.50), ("p90", 0.90), ("p99", 0.99), ("max", 1.0))


def percentile(values, share):
    """Nearest-rank percentile of ``values`` (``share`` between 0 and 1)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def latency_table(times, duration):
    """Exact percentiles per request name (and all together), in milliseconds."""
    rows = []
    everything = [value for values in times.values() for value in values]
    for name, values in sorted(times.items()) + [("all requests", everything)]:
        if not values:
            continue
        rows.append(
            {
                "name": name,
                "requests": len(values),
                "rps": len(values) / duration if duration else 0,
                **{label: round(percentile(values, share)) for label, share in PERCENTILES},
            }
        )
    return rows
