"""The FileStorage drill itself: locust against the one instance, SIGKILL when due, locust stopped."""

from loadtest import crash
from loadtest.filestorage_instance import SITE_ID
from loadtest.locust_runner import locust_command
from loadtest.locust_runner import locust_environment
from pathlib import Path
import signal
import subprocess
import time


ROOT = Path(__file__).resolve().parents[1]


def run_locust_and_kill_instance(args, instance, summary_file, progress_file):
    """Locust against the instance; SIGKILL when due; locust stopped soon after the kill."""
    command = locust_command(args, instance.port, "30m")
    env = locust_environment(args, SITE_ID, summary_file, progress_file)
    drill = crash.CrashDrill(
        instance.kill,
        after_seconds=args.kill_after,
        after_submissions=args.kill_after_submissions,
        progress_file=progress_file,
    )
    started = time.monotonic()
    locust = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    drill.start()
    try:
        while locust.poll() is None:
            if "killed_at" in drill.events and time.time() - drill.events["killed_at"] > 3:
                # Nothing answers any more: what was in flight has failed by now.
                locust.send_signal(signal.SIGTERM)
                locust.wait(timeout=60)
            time.sleep(0.2)
    finally:
        if locust.poll() is None:
            locust.kill()
            locust.wait()
        events = drill.finish()
    return time.monotonic() - started, events
