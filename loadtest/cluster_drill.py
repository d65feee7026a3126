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
        waited = time.monotonic()
        writing = False
        if args.kill_during_write:
            deadline = waited + 60
            while not writing and time.monotonic() < deadline:
                writing = writes_in_progress(settings, number) > 0
                if not writing:
                    time.sleep(0.005)
            if writing:
                # Somewhere inside the write (an instance takes about 0.3-0.6 s for one
                # submission): before, during or just after its commit.
                time.sleep(random.uniform(0, 0.3))
        return {
            "instance": name,
            "pid": kill_instance(settings, number),
            "during_write": writing,
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
