"""Free slots of 8 weeks at an office of 6 counters with the walk-in share and counter blocks, in-process.

Run (not part of `make test`):

    .venv/bin/pytest benchmarks/bench_capacity.py -s -p no:cacheprovider

Times ``compute_slots`` alone (no database, nothing taken), 15-minute visits over the
hours Mo, Di 08:00-16:00, Mi, Fr 08:00-12:00, Do 08:00-18:00 (1,040 slots), with 20 %
kept for walk-ins: without blocks and with a block of one counter on every working day.
This is the part of ``@termine`` that the places per grid step add to; the request
through the publisher is measured by its own benchmark. Results go to stdout; record
them in docs/benchmarks.md.
"""

from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from herne.portal.booking.hours import parse_hours
from herne.portal.booking.office import OfficeSettings
from herne.portal.booking.slots import compute_slots
import os
import statistics
import time


RUNS = int(os.environ.get("HERNE_BENCH_RUNS", "50"))
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
HOURS = parse_hours("Mo, Di 08:00-16:00\nDo 08:00-18:00\nMi, Fr 08:00-12:00")


def timed(settings):
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        slots = compute_slots(settings, 15, date(2027, 3, 1), date(2027, 4, 26), NOW, lambda key: 0)
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return len(slots), statistics.median(times), times[int(len(times) * 0.95) - 1]


def test_free_slots_of_eight_weeks():
    blocks = tuple(
        (
            datetime(2027, 3, 1, 8) + timedelta(days=day),
            datetime(2027, 3, 1, 12) + timedelta(days=day),
            1,
        )
        for day in range(56)
    )
    for label, settings in (
        ("no blocks", OfficeSettings(counters=6, hours=HOURS, horizon_weeks=8, walk_in_percent=20)),
        (
            "56 blocks",
            OfficeSettings(
                counters=6, hours=HOURS, horizon_weeks=8, walk_in_percent=20, blocks=blocks
            ),
        ),
    ):
        count, p50, p95 = timed(settings)
        print(
            f"\ncompute_slots, 8 weeks, {label}: {count} slots, p50 {p50:.1f} ms, p95 {p95:.1f} ms"
        )
