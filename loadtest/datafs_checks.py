"""fstest and zodbverify on a FileStorage ``Data.fs``, with their verdicts."""

import re
from scripts.cluster import BIN
import subprocess
import tempfile


ZODBVERIFY_DONE = re.compile(
    r"Scanned (?P<records>\d+) records\.\s*\n\s*Found (?P<broken>\d+) records that could not be loaded"
)
#: fstest's messages for a file whose last transaction was cut off; each names its start.
#: Only the end of the file can look like this: FileStorage writes one transaction at a
#: time at the end, and drops an unfinished one when it opens the file again.
UNFINISHED_TAIL = re.compile(
    r"(checkpoint flag was not cleared|truncated possibly because of damaged records"
    r"|truncated) at (?P<position>\d+)$"
)


def fstest(path):
    """``ZODB.scripts.fstest`` on ``path``: (status, message) with status clean/tail/damaged."""
    result = subprocess.run(
        [str(BIN / "python"), "-m", "ZODB.scripts.fstest", str(path)],
        capture_output=True,
        text=True,
    )
    message = (result.stdout + result.stderr).strip()
    if result.returncode == 0 and not message:
        return "clean", ""
    found = UNFINISHED_TAIL.search(message.splitlines()[-1] if message else "")
    if found:
        # Everything before the unfinished transaction must check clean on its own.
        with tempfile.NamedTemporaryFile(suffix=".fs") as head:
            with open(path, "rb") as source:
                head.write(source.read(int(found["position"])))
            head.flush()
            again = subprocess.run(
                [str(BIN / "python"), "-m", "ZODB.scripts.fstest", head.name],
                capture_output=True,
                text=True,
            )
        if again.returncode == 0 and not (again.stdout + again.stderr).strip():
            return "tail", message
    return "damaged", message


def zodbverify(path):
    """``zodbverify -f path``: (records scanned, records that could not be loaded, output)."""
    result = subprocess.run(
        [str(BIN / "zodbverify"), "-f", str(path)], capture_output=True, text=True
    )
    output = result.stdout + result.stderr
    found = ZODBVERIFY_DONE.search(output)
    if result.returncode != 0 or not found:
        return None, None, output[-3000:]
    return int(found["records"]), int(found["broken"]), output[-3000:]
