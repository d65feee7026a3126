"""The crash drill on the cluster: SIGKILL to one instance (mid-write if asked), restart if asked."""

from loadtest import crash
import random
from scripts.cluster import kill_instance
from scripts.cluster import restart_instance
from scripts.cluster import writes_in_progress
import time


def cluster_drill(args, settings, progress_file):
    """The crash drill against the cluster: SIGKILL to one instance, restart if asked."""
    number = args.kill_instance or settings.instances
    name = f"instance{number}"

    def kill():
        """SIGKILL, with ``--kill-during-write`` only when HAProxy shows a write in flight right then.

        A try waits for a write, then a random 0-0.3 s (before, during or just after its
        commit), and asks HAProxy again just before the signal: a write still in flight
        is a hit and the instance is killed; a write already answered is a miss, counted,
        and the drill tries again, until it hits or a minute has gone by.
        """
        waited = time.monotonic()
        if not args.kill_during_write:
            return {
                "instance": name,
                "pid": kill_instance(settings, number),
                "during_write": False,
                "write_in_flight_at_kill": writes_in_progress(settings, number) > 0,
            }
        misses = 0
        deadline = waited + 60
        while time.monotonic() < deadline:
            if writes_in_progress(settings, number) == 0:
                time.sleep(0.005)
                continue
            # Somewhere inside the write (an instance takes about 0.3-0.6 s for one
            # submission): before, during or just after its commit.
            time.sleep(random.uniform(0, 0.3))
            in_flight = writes_in_progress(settings, number)
            if in_flight == 0:
                misses += 1  # the write was answered before the moment came
                continue
            pid = kill_instance(settings, number)
            return {
                "instance": name,
                "pid": pid,
                "during_write": True,
                "write_in_flight_at_kill": True,
                "writes_in_flight_at_kill": in_flight,
                "hits": 1,
                "misses": misses,
                "waited_for_write_s": round(time.monotonic() - waited, 2),
            }
        # never hit: killed anyway so the run goes on, and reported as a miss
        in_flight = writes_in_progress(settings, number)
        return {
            "instance": name,
            "pid": kill_instance(settings, number),
            "during_write": in_flight > 0,
            "write_in_flight_at_kill": in_flight > 0,
            "writes_in_flight_at_kill": in_flight,
            "hits": int(in_flight > 0),
            "misses": misses + int(in_flight == 0),
            "waited_for_write_s": round(time.monotonic() - waited, 2),
        }

    def restart():
        return {"instance": name, "pid": restart_instance(settings, number)}

    return crash.CrashDrill(
        kill,
        after_seconds=args.kill_instance_after,
        after_submissions=args.kill_instance_after_submissions,
        progress_file=progress_file,
        restart=restart if args.restart_killed else None,
        restart_pause=args.restart_pause,
    )
